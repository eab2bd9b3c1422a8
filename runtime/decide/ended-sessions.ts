/**
 * The ended sessions the Decider still remembers, in the order they ended, each with the event
 * time at which it may be forgotten. The Decider keeps each one's end in its sessions map (one
 * lookup per event); this queue says which to drop as event time moves on, and, with a
 * `capacity`, which to drop at once when a newer session ends. Memory stays bounded while a
 * late redelivery (stamped at or before the end) can still be told from an event after it.
 */
export class EndedSessions {
  private ids: string[] = [];
  private times: number[] = [];
  private head = 0;
  /** How many were taken out of the front before `ids[0]`: ids[i] is the (dropped + i)-th ever added. */
  private dropped = 0;

  constructor(readonly capacity = Number.POSITIVE_INFINITY) {}

  /** Ended sessions remembered. */
  get size(): number {
    return this.ids.length - this.head;
  }

  /** The sessions remembered, oldest first, each with its time and its place `n` (how many were added before it). */
  entries(): { id: string; forgetMs: number; n: number }[] {
    const out: { id: string; forgetMs: number; n: number }[] = [];
    for (let i = this.head; i < this.ids.length; i++) out.push({ id: this.ids[i]!, forgetMs: this.times[i]!, n: this.dropped + i });
    return out;
  }

  /** Rebuilds the queue of a snapshot: `entries` as `entries()` gave them, in order, into an empty queue. */
  restore(entries: readonly { id: string; forgetMs: number; n: number }[]): void {
    this.dropped = entries.length === 0 ? 0 : entries[0]!.n;
    for (const e of entries) {
      this.ids.push(e.id);
      this.times.push(e.forgetMs);
    }
  }

  /** The earliest time at which the oldest one may be forgotten (Infinity: none remembered). */
  get nextDue(): number {
    return this.head < this.times.length ? this.times[this.head]! : Number.POSITIVE_INFINITY;
  }

  /** Remembers an ended session until event time reaches `forgetMs`; returns the id that falls out of memory now to keep within the capacity, if any. */
  add(sessionId: string, forgetMs: number): string | undefined {
    this.ids.push(sessionId);
    this.times.push(forgetMs);
    if (this.size <= this.capacity) return undefined;
    const evicted = this.ids[this.head]!;
    this.head++;
    this.compact();
    return evicted;
  }

  /** Takes out the sessions, oldest first, whose time is up by `now` (stopping at the first that is not). */
  due(now: number): string[] {
    const out: string[] = [];
    while (this.head < this.times.length && this.times[this.head]! <= now) out.push(this.ids[this.head++]!);
    this.compact();
    return out;
  }

  /** Drops the consumed front of the queue once it is most of it. */
  private compact(): void {
    if (this.head <= 1024 || this.head * 2 <= this.ids.length) return;
    this.ids = this.ids.slice(this.head);
    this.times = this.times.slice(this.head);
    this.dropped += this.head;
    this.head = 0;
  }
}
