/** Something with a deadline in event time: a session to close when time passes `due`. */
export interface Timed {
  due: number;
  /** Ties on `due` go in the order deadlines were set. */
  seq: number;
  /** Position in the heap, -1 when not in it. */
  heapIndex: number;
}

/**
 * The sessions waiting for event time, earliest deadline first (a binary heap): each in-flight
 * session once, due at its expiry while open, at its end plus the lateness once ended.
 */
export class Deadlines<T extends Timed> {
  private readonly heap: T[] = [];
  private counter = 0;

  get size(): number {
    return this.heap.length;
  }

  peek(): T | undefined {
    return this.heap[0];
  }

  /** Every item, earliest deadline first (ties in the order their deadlines were set). */
  ordered(): T[] {
    return [...this.heap].sort((a, b) => (this.before(a, b) ? -1 : 1));
  }

  /** Adds an item not in the heap with the place in the order of ties it had (a restored session); later deadlines come after it. */
  place(item: T, due: number, seq: number): void {
    item.due = due;
    item.seq = seq;
    if (seq > this.counter) this.counter = seq;
    item.heapIndex = this.heap.length;
    this.heap.push(item);
    this.up(item.heapIndex);
  }

  /** Adds the item, or moves it if it is already in: its deadline is now `due`. */
  set(item: T, due: number): void {
    item.due = due;
    item.seq = ++this.counter;
    if (item.heapIndex < 0) {
      item.heapIndex = this.heap.length;
      this.heap.push(item);
    }
    this.up(item.heapIndex);
    this.down(item.heapIndex);
  }

  remove(item: T): void {
    const i = item.heapIndex;
    if (i < 0) return;
    const last = this.heap.pop()!;
    item.heapIndex = -1;
    if (i === this.heap.length) return;
    this.heap[i] = last;
    last.heapIndex = i;
    this.up(i);
    this.down(i);
  }

  private before(a: T, b: T): boolean {
    return a.due < b.due || (a.due === b.due && a.seq < b.seq);
  }

  private up(i: number): void {
    const heap = this.heap;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(heap[i]!, heap[parent]!)) return;
      this.swap(i, parent);
      i = parent;
    }
  }

  private down(i: number): void {
    const heap = this.heap;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let best = i;
      if (l < heap.length && this.before(heap[l]!, heap[best]!)) best = l;
      if (r < heap.length && this.before(heap[r]!, heap[best]!)) best = r;
      if (best === i) return;
      this.swap(i, best);
      i = best;
    }
  }

  private swap(i: number, j: number): void {
    const heap = this.heap;
    const a = heap[i]!;
    const b = heap[j]!;
    heap[i] = b;
    heap[j] = a;
    a.heapIndex = j;
    b.heapIndex = i;
  }
}
