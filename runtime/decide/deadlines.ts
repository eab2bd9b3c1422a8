/** Something with a deadline in event time: a session to close, a held event to drop. */
export interface Timed {
  /** Position in the heap, -1 when not in it. */
  heapIndex: number;
}

/**
 * The sessions waiting for event time, earliest deadline first (a binary heap): each in-flight
 * session once, due at its expiry while open, at its end plus the lateness once ended. Each
 * item's deadline and its place among ties sit in arrays beside the heap (numbers unboxed), so
 * an item itself holds only its position.
 */
export class Deadlines<T extends Timed> {
  private readonly heap: T[] = [];
  /** dues[i]: the deadline of heap[i]. */
  private readonly dues: number[] = [];
  /** seqs[i]: the order in which heap[i]'s deadline was set; ties on the deadline go in this order. */
  private readonly seqs: number[] = [];
  private counter = 0;

  get size(): number {
    return this.heap.length;
  }

  peek(): T | undefined {
    return this.heap[0];
  }

  /** The earliest deadline; Infinity when nothing waits. */
  get nextDue(): number {
    return this.heap.length === 0 ? Number.POSITIVE_INFINITY : this.dues[0]!;
  }

  /** An item's place in the order of ties (a snapshot keeps it); -1 when not in. */
  orderOf(item: T): number {
    return item.heapIndex < 0 ? -1 : this.seqs[item.heapIndex]!;
  }

  /** Every item, earliest deadline first (ties in the order their deadlines were set). */
  ordered(): T[] {
    const positions = this.heap.map((_, i) => i);
    positions.sort((i, j) => (this.before(i, j) ? -1 : 1));
    return positions.map((i) => this.heap[i]!);
  }

  /** Adds an item not in the heap with the place in the order of ties it had (a restored session); later deadlines come after it. */
  place(item: T, due: number, seq: number): void {
    if (seq > this.counter) this.counter = seq;
    this.push(item, due, seq);
  }

  /** Adds the item, or moves it if it is already in: its deadline is now `due`. */
  set(item: T, due: number): void {
    const seq = ++this.counter;
    const i = item.heapIndex;
    if (i < 0) {
      this.push(item, due, seq);
      return;
    }
    this.dues[i] = due;
    this.seqs[i] = seq;
    this.down(this.up(i));
  }

  remove(item: T): void {
    const i = item.heapIndex;
    if (i < 0) return;
    const last = this.heap.pop()!;
    const lastDue = this.dues.pop()!;
    const lastSeq = this.seqs.pop()!;
    item.heapIndex = -1;
    if (i === this.heap.length) return;
    this.heap[i] = last;
    this.dues[i] = lastDue;
    this.seqs[i] = lastSeq;
    last.heapIndex = i;
    this.down(this.up(i));
  }

  private push(item: T, due: number, seq: number): void {
    item.heapIndex = this.heap.length;
    this.heap.push(item);
    this.dues.push(due);
    this.seqs.push(seq);
    this.up(item.heapIndex);
  }

  /** Whether position i comes before position j. */
  private before(i: number, j: number): boolean {
    const a = this.dues[i]!;
    const b = this.dues[j]!;
    return a < b || (a === b && this.seqs[i]! < this.seqs[j]!);
  }

  /** Moves position i up while it comes before its parent; returns where it ends. */
  private up(i: number): number {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(i, parent)) return i;
      this.swap(i, parent);
      i = parent;
    }
    return i;
  }

  private down(i: number): void {
    const n = this.heap.length;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let best = i;
      if (l < n && this.before(l, best)) best = l;
      if (r < n && this.before(r, best)) best = r;
      if (best === i) return;
      this.swap(i, best);
      i = best;
    }
  }

  private swap(i: number, j: number): void {
    const heap = this.heap;
    const dues = this.dues;
    const seqs = this.seqs;
    const a = heap[i]!;
    const b = heap[j]!;
    heap[i] = b;
    heap[j] = a;
    a.heapIndex = j;
    b.heapIndex = i;
    const due = dues[i]!;
    dues[i] = dues[j]!;
    dues[j] = due;
    const seq = seqs[i]!;
    seqs[i] = seqs[j]!;
    seqs[j] = seq;
  }
}
