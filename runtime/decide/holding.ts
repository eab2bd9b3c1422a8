import { epochMs } from "../events/time.js";
import type { Deadlines } from "./deadlines.js";
import { HeldEvents, type HeldEvent } from "./held-events.js";
import { CallerFailure, Rejection, type Outcome } from "./rejection.js";
import type { Session } from "./session.js";
import { SnapshotError, type ReadSnapshot } from "./snapshot.js";

/**
 * Events of sessions whose `started` has not come yet (docs/semantics.md, "Events before their
 * session's start"): each is held until event time is the lateness past its `at`, applied when
 * its session's `started` comes, refused when its time is up.
 */
export class EarlyEvents {
  private readonly held = new HeldEvents();

  constructor(
    private readonly deadlines: Deadlines<Session | HeldEvent>,
    private readonly lateness: number,
  ) {}

  /** Events held. */
  get size(): number {
    return this.held.size;
  }

  /** Whether this very event value is held. */
  holds(value: unknown): boolean {
    return this.held.size > 0 && this.held.holds(value);
  }

  /**
   * An event of a session not started (or forgotten): held until event time reaches its `at`
   * plus the lateness, for its `started` to come; else (lateness 0, too old at event time `now`,
   * a bound) refused.
   */
  hold(event: HeldEvent["event"], now: number): Rejection | undefined {
    const t = epochMs(event.at);
    const unknown = `unknown session \`${event.sessionId}\`: no \`started\` event seen`;
    if (t + this.lateness <= now)
      return new Rejection(
        this.lateness === 0
          ? unknown
          : `${unknown}, and the event came too late to be held for it (more than the lateness, ${this.lateness / 1000} s, after its \`at\`)`,
      );
    const held = this.held.hold(event, t);
    if (typeof held === "string") return new Rejection(`${unknown}, and ${held}`);
    this.deadlines.set(held, t + this.lateness);
    return undefined;
  }

  /**
   * The session has started: its held events go to `apply` as if they had come after it, in the
   * order they happened; what each gives goes to `out`, a refusal naming the event.
   */
  release(sessionId: string, apply: (event: HeldEvent["event"]) => Outcome | undefined, out: Outcome[]): void {
    if (this.held.size === 0) return;
    const waiting = this.held.take(sessionId);
    if (waiting === undefined) return;
    for (const held of waiting) this.deadlines.remove(held);
    for (const held of waiting) {
      try {
        const result = apply(held.event);
        if (result instanceof Rejection) out.push(new Rejection(result.reason, false, undefined, held.event));
        else if (result !== undefined) out.push(result);
      } catch (error) {
        if (!(error instanceof CallerFailure)) throw error;
        out.push(new Rejection(`${error.message}; nothing changed, push the event again`, true, error.error, held.event));
      }
    }
  }

  /** A held event whose time is up (`atEnd`: at the end of input) is dropped, refused. */
  expire(held: HeldEvent, atEnd: boolean): Rejection {
    this.deadlines.remove(held);
    this.held.drop(held);
    const within = atEnd ? "by the end of input" : `within the lateness (${this.lateness / 1000} s) after this event`;
    return new Rejection(`unknown session \`${held.event.sessionId}\`: its \`started\` did not come ${within}`, false, undefined, held.event);
  }

  /** Holds a snapshot's held events again, in deadline order (so arrival order among ties); a bound passed is a SnapshotError. */
  restore(held: ReadSnapshot["held"]): void {
    held.forEach((h, i) => {
      const atMs = epochMs(h.event.at);
      const placed = this.held.hold(h.event, atMs);
      if (typeof placed === "string") throw new SnapshotError(`decider snapshot at /held/${i}: ${placed}`);
      this.deadlines.place(placed, atMs + this.lateness, h.order);
    });
  }
}
