/**
 * The ids of recently ended sessions with their end time, in a fixed-size ring: enough to tell
 * a late redelivery (stamped at or before the end) from an event after the end, in flat memory.
 */
export class EndedSessions {
  private readonly endedAt = new Map<string, string>();
  private readonly ring: (string | undefined)[];
  private next = 0;

  constructor(capacity = 65_536) {
    this.ring = new Array<string | undefined>(capacity).fill(undefined);
  }

  add(sessionId: string, at: string): void {
    const evicted = this.ring[this.next];
    if (evicted !== undefined) this.endedAt.delete(evicted);
    this.ring[this.next] = sessionId;
    this.next = (this.next + 1) % this.ring.length;
    this.endedAt.set(sessionId, at);
  }

  get(sessionId: string): string | undefined {
    return this.endedAt.get(sessionId);
  }
}
