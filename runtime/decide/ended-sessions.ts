/**
 * The ids of recently ended sessions, in a fixed-size ring. The Decider keeps each ended
 * session's end time in its sessions map (one lookup per event); this ring says which one to
 * forget when a newer session ends, so memory stays flat while a late redelivery (stamped at
 * or before the end) can still be told from an event after the end.
 */
export class EndedSessions {
  private readonly ring: (string | undefined)[];
  private next = 0;

  constructor(capacity = 65_536) {
    this.ring = new Array<string | undefined>(Math.max(1, capacity)).fill(undefined);
  }

  get capacity(): number {
    return this.ring.length;
  }

  /** The ids remembered, oldest first: adding them in this order to an empty ring rebuilds this one. */
  remembered(): string[] {
    const out: string[] = [];
    for (let i = 0; i < this.ring.length; i++) {
      const id = this.ring[(this.next + i) % this.ring.length];
      if (id !== undefined) out.push(id);
    }
    return out;
  }

  /** Remembers an ended session; returns the id that falls out of memory, if any. */
  add(sessionId: string): string | undefined {
    const evicted = this.ring[this.next];
    this.ring[this.next] = sessionId;
    this.next = (this.next + 1) % this.ring.length;
    return evicted;
  }
}
