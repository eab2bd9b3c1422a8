import type { SessionEvent } from "../schemas/types/session-event.v1.js";
import type { Run } from "./replay.js";
import { instant } from "./trace.js";

/**
 * The orders in which a trace, written in time order, may be delivered within the lateness
 * without changing its decisions (docs/semantics.md, "What lateness can and cannot reorder"):
 * each event arrives before event time (the latest `at` delivered before it) reaches its `at`
 * plus the lateness; events of a session that come before its `started` are held and applied
 * right after it, by `at`; and when the session's record was decided at a lifecycle event
 * (`assigned`, `connected`, a `message`), every other event of the session stays on the side of
 * that event it has in time order (its `ended` excepted: the end decision waits for the
 * lateness anyway). An order is a list of the trace's event indexes, as delivered.
 */

/** How many orders of one trace verify replays. */
export interface OrderBounds {
  /** Milliseconds of event time (`verify --lateness`). */
  lateness: number;
  /** Traces of at most this many events: every order the lateness allows. */
  allUpTo: number;
  /**
   * Longer traces: at most this many orders. The first ones, when allowed: the last event
   * delivered after the `ended` that follows it, and the first event before its `started`
   * (held); the rest chosen in turn (by `turn`) among the other single events delivered late or
   * early. (With room for one: the first two in turn.)
   */
  perTrace: number;
}

export const defaultOrderBounds = { allUpTo: 4, perTrace: 2 } as const;

/**
 * For a trace over existing CRM records: one order. Which record a decision goes to does not
 * depend on when it is made (a one-session trace changes its CRM only by its own decision), and
 * the same steps are delivered in every order above over no records.
 */
export const withRecordsOrderBounds = { allUpTo: 0, perTrace: 1 } as const;

/**
 * The delivery orders of `run.trace` (its in-order run, which says at which event each session
 * was decided) that differ from time order and the lateness allows, without repeats (copies of
 * one event delivered in each other's place are one order). None when the trace holds CRM
 * status changes, sessions that share records, or events not in time order (a copy delivered
 * again later): delivery order may then change decisions. `turn`: which of the other orders
 * comes next, for a trace with more than `perTrace`.
 */
export function deliveryOrders(run: Run, bounds: OrderBounds, turn = 0): number[][] {
  if (bounds.lateness <= 0 || !reorderable(run)) return [];
  const events = run.trace.events;
  const rules = new Rules(run, bounds.lateness);
  const seen = new Set<string>([rules.key(events.map((_, i) => i))]);
  const allowed = function* (orders: Iterable<number[]>): Generator<number[]> {
    for (const order of orders) {
      const key = rules.key(order);
      if (seen.has(key)) continue;
      seen.add(key);
      if (rules.allows(order)) yield order;
    }
  };
  // the fewest events overtaken first: a counterexample found in the first order that fails reads best
  if (events.length <= bounds.allUpTo) return [...allowed(permutations(events.length))].sort((a, b) => inversions(a) - inversions(b));
  const chosen: number[][] = [];
  // in turn, when there is room for fewer than all
  const first = [...allowed(firstMoves(events))];
  for (let k = 0; k < Math.min(first.length, bounds.perTrace); k++) chosen.push(first[(turn + k) % first.length]!);
  // then single moves, from a place that turns from trace to trace (a few tries per event)
  const n = events.length;
  for (let k = 0; k < Math.min(n * n, 4 * n) && chosen.length < bounds.perTrace; k++) {
    const c = (turn * 7 + k) % (n * n);
    const [from, to] = [Math.floor(c / n), c % n];
    if (from !== to) for (const order of allowed([moved(n, from, to)])) chosen.push(order);
  }
  return chosen;
}

/** Sessions that decide alone: no status changes in the CRM, no two sessions of one known end user and queue. */
function reorderable(run: Run): boolean {
  const owners = new Set<string>();
  const starts = new Map<string, SessionEvent>();
  const ends = new Map<string, number>();
  let last = -Infinity;
  for (const e of run.trace.events) {
    if (e.type === "record.status") return false;
    // in time order (a copy delivered again later is a late delivery of its own), and nothing
    // after a session's end stamped at it (in time order it would come before the end)
    const at = instant(e.at);
    if (at < last || ends.get(e.sessionId) === at) return false;
    last = at;
    if (e.type === "ended") ends.set(e.sessionId, at);
    if (e.type !== "started") continue;
    // one start per session: which of two differing starts comes first decides
    const start = starts.get(e.sessionId);
    if (start !== undefined && start !== e && JSON.stringify(start) !== JSON.stringify(e)) return false;
    starts.set(e.sessionId, e);
    if (e.endUser === undefined) continue;
    const key = JSON.stringify([e.endUser, e.queue]);
    const id = `${key}${e.sessionId}`;
    if (owners.has(key) && !owners.has(id)) return false;
    owners.add(key);
    owners.add(id);
  }
  return true;
}

/** What makes an order allowed, for one trace. */
class Rules {
  private readonly ms: number[];
  /** Index of the first `started` and `ended` of each session, in time order. */
  private readonly starts = new Map<string, number>();
  private readonly ends = new Map<string, number>();
  /** Each session decided at a lifecycle event: that event's index. */
  private readonly decidedAt = new Map<string, number>();
  /** Index of the first delivery of the same event value (traces deliver an event again as the same value). */
  private readonly same: number[];
  /** Each event's session (none for a status change). */
  private readonly session: (string | undefined)[];

  constructor(
    run: Run,
    private readonly lateness: number,
  ) {
    const events = run.trace.events;
    this.ms = events.map((e) => instant(e.at));
    this.session = events.map((e) => (e.type === "record.status" ? undefined : e.sessionId));
    const firsts = new Map<SessionEvent, number>();
    this.same = events.map((e, i) => {
      const first = firsts.get(e) ?? i;
      firsts.set(e, first);
      return first;
    });
    events.forEach((e, i) => {
      if (e.type === "record.status") return;
      if (e.type === "started" && !this.starts.has(e.sessionId)) this.starts.set(e.sessionId, i);
      if (e.type === "ended" && !this.ends.has(e.sessionId)) this.ends.set(e.sessionId, i);
    });
    for (const [id, session] of run.sessions) {
      const record = session.decisions.find((d) => d.decision.decision !== "none" && d.decision.trigger !== "ended");
      if (record !== undefined && record.event < events.length) this.decidedAt.set(id, this.same[record.event] ?? record.event);
    }
  }

  /** The order as the events it delivers: copies of one event are interchangeable. */
  key(order: readonly number[]): string {
    let key = "";
    for (const i of order) key += String.fromCharCode(this.same[i]!);
    return key;
  }

  allows(order: readonly number[]): boolean {
    return this.withinLateness(order) && this.endsFirst(order) && this.decisionsKept(order);
  }

  /** Each event arrives before event time reaches its `at` plus the lateness. */
  private withinLateness(order: readonly number[]): boolean {
    let now = -Infinity;
    for (const i of order) {
      const at = this.ms[i]!;
      if (now >= at + this.lateness) return false;
      if (at > now) now = at;
    }
    return true;
  }

  /** An event stamped after its session's end comes after that `ended` (delivered before it, it would count). */
  private endsFirst(order: readonly number[]): boolean {
    const ended = new Set<string>();
    for (const i of order) {
      const id = this.session[i];
      const end = id === undefined ? undefined : this.ends.get(id);
      if (id === undefined || end === undefined) continue;
      if (i === end) ended.add(id);
      else if (this.ms[i]! > this.ms[end]! && !ended.has(id)) return false;
    }
    return true;
  }

  /**
   * The order in which the runtime applies the delivered events: as delivered, except that the
   * events of a session delivered before its `started` are applied right after it, by `at`.
   * Every session decided at a lifecycle event keeps its other events (its `ended` after it
   * excepted) on the side of that event they have in time order.
   */
  private decisionsKept(order: readonly number[]): boolean {
    if (this.decidedAt.size === 0) return true;
    const rank = this.applied(order);
    for (const [id, k] of this.decidedAt) {
      const start = this.starts.get(id);
      // the copy of the deciding event applied first decides
      let decided = Infinity;
      for (let i = 0; i < order.length; i++) if (this.same[i] === k) decided = Math.min(decided, rank[i]!);
      for (let j = 0; j < order.length; j++) {
        if (this.session[j] !== id || this.same[j] === k || this.same[j] === start) continue;
        if (j > k && j === this.ends.get(id)) continue;
        if (j < k !== rank[j]! < decided) return false;
      }
    }
    return true;
  }

  /** Each event's place in the order the runtime applies them. */
  private applied(order: readonly number[]): number[] {
    const rank: number[] = new Array(order.length);
    const started = new Set<string>();
    const held = new Map<string, number[]>();
    let next = 0;
    for (const i of order) {
      const id = this.session[i];
      if (id === undefined || started.has(id)) {
        rank[i] = next++;
        continue;
      }
      if (this.same[i] !== this.starts.get(id)) {
        held.set(id, [...(held.get(id) ?? []), i]);
        continue;
      }
      started.add(id);
      rank[i] = next++;
      // stable: among equal times, as delivered
      for (const h of (held.get(id) ?? []).sort((a, b) => this.ms[a]! - this.ms[b]!)) rank[h] = next++;
      held.delete(id);
    }
    for (const waiting of held.values()) for (const h of waiting) rank[h] = next++;
    return rank;
  }
}

/** How many pairs of events the order delivers the other way round. */
function inversions(order: readonly number[]): number {
  let n = 0;
  for (let i = 0; i < order.length; i++) for (let j = i + 1; j < order.length; j++) if (order[i]! > order[j]!) n++;
  return n;
}

/** Every order of n items (Heap's algorithm). */
function* permutations(n: number): Generator<number[]> {
  const a = Array.from({ length: n }, (_, i) => i);
  const c = new Array<number>(n).fill(0);
  yield [...a];
  let i = 1;
  while (i < n) {
    if (c[i]! < i) {
      const j = i % 2 === 0 ? 0 : c[i]!;
      [a[j], a[i]] = [a[i]!, a[j]!];
      yield [...a];
      c[i]!++;
      i = 1;
    } else {
      c[i] = 0;
      i++;
    }
  }
}

const moved = (n: number, from: number, to: number): number[] => {
  const order = Array.from({ length: n }, (_, i) => i).filter((i) => i !== from);
  order.splice(to, 0, from);
  return order;
};

/** The event before each `ended` delivered after it; the event after each `started` delivered before it. */
function* firstMoves(events: readonly SessionEvent[]): Generator<number[]> {
  for (let i = 1; i < events.length; i++) if (events[i]!.type === "ended") yield moved(events.length, i - 1, i);
  for (let i = 0; i + 1 < events.length; i++) if (events[i]!.type === "started") yield moved(events.length, i + 1, i);
}
