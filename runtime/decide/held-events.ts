import type { SessionEvent } from "../../schemas/types/session-event.v1.js";

/** Events one session may have held while its `started` is awaited; more are rejected. */
export const maxHeldPerSession = 64;
/** Events held in all, over every session not started yet; more are rejected. */
export const maxHeldInAll = 10_000;

/** A session's event that came before its `started`: waits for it until event time reaches its `at` plus the lateness. */
export class HeldEvent {
  /** Its place among the deadlines (runtime/decide/deadlines.ts). */
  heapIndex = -1;
  constructor(
    /** The event as received (simulate finds its line by it). */
    readonly event: Exclude<SessionEvent, { type: "started" | "record.status" }>,
    readonly atMs: number,
    /** Arrival order, for events stamped at the same instant. */
    readonly arrival: number,
  ) {}
}

/**
 * The events of sessions whose `started` has not come yet, by session, in arrival order
 * (docs/semantics.md, "Events before their session's start"). Bounded by count, per session
 * and in all; the Decider bounds them by time.
 */
export class HeldEvents {
  private readonly bySession = new Map<string, HeldEvent[]>();
  private count = 0;
  private arrivals = 0;

  get size(): number {
    return this.count;
  }

  /** Holds the event; or says why it cannot (a bound is reached). */
  hold(event: HeldEvent["event"], atMs: number): HeldEvent | string {
    const mine = this.bySession.get(event.sessionId);
    if (mine !== undefined && mine.length >= maxHeldPerSession)
      return `${maxHeldPerSession} of its events are held already (at most ${maxHeldPerSession} a session)`;
    if (this.count >= maxHeldInAll) return `${maxHeldInAll} events of sessions not started yet are held already (at most ${maxHeldInAll} in all)`;
    const held = new HeldEvent(event, atMs, ++this.arrivals);
    if (mine === undefined) this.bySession.set(event.sessionId, [held]);
    else mine.push(held);
    this.count++;
    return held;
  }

  /** Takes out a session's held events, in the order they happened: by `at`, then by arrival. */
  take(sessionId: string): HeldEvent[] | undefined {
    const mine = this.bySession.get(sessionId);
    if (mine === undefined) return undefined;
    this.bySession.delete(sessionId);
    this.count -= mine.length;
    return mine.sort((a, b) => a.atMs - b.atMs || a.arrival - b.arrival);
  }

  /** Drops one held event (its time ran out). */
  drop(held: HeldEvent): void {
    const mine = this.bySession.get(held.event.sessionId);
    const i = mine === undefined ? -1 : mine.indexOf(held);
    if (i < 0) return;
    mine!.splice(i, 1);
    if (mine!.length === 0) this.bySession.delete(held.event.sessionId);
    this.count--;
  }

  /** Whether this very event value is held. */
  holds(value: unknown): boolean {
    if (typeof value !== "object" || value === null) return false;
    const mine = this.bySession.get((value as { sessionId?: unknown }).sessionId as string);
    return mine !== undefined && mine.some((h) => h.event === value);
  }
}
