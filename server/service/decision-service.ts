import { eventProblem, Rejection, type Decision, type SessionEvent, type SessionState } from "@crm-policy/runtime";
import type { OutboxEntry, StateStore } from "../state/state-store.js";
import type { BatchItem, EventOutcome } from "./batch-item.js";
import { OutboxWaiters } from "./outbox-waiters.js";
import { ReplayStore } from "./replay-store.js";
import { Revision, type BundleCheck } from "./revision.js";
import { SessionRoutes } from "./routes.js";

export interface ServiceHooks {
  /** Accepted but suspicious input, e.g. an unknown session type. */
  onWarning?: (message: string) => void;
  /** Called once per event with its outcome (for metrics). */
  onOutcome?: (outcome: EventOutcome) => void;
}

/** GET /v1/sessions/{id}. */
export type SessionView =
  | { sessionId: string; state: "ended"; revision: string }
  | { sessionId: string; state: "in_flight"; revision: string; progress: SessionState | undefined; events: unknown[] };

/** How many ended sessions are remembered, per revision and in the store, to spot redeliveries. */
export const keepEnded = 65_536;

/**
 * The decision service without HTTP: applies batches of events to the deciders of the live
 * bundle revisions, and makes each batch's effects durable in one transaction of the state
 * store before answering: the accepted events of in-flight sessions, the ends of sessions,
 * the records created or changed, and the decisions appended to the outbox.
 *
 * In-flight sessions are rebuilt on start by replaying their stored events through fresh
 * deciders whose record store then neither reads nor writes (the effects are already stored).
 */
export class DecisionService {
  readonly waiters = new OutboxWaiters();
  private readonly replay: ReplayStore;
  private readonly revisions = new Map<string, Revision>();
  private routes = new SessionRoutes(keepEnded);
  private live: Revision;

  constructor(
    private readonly store: StateStore,
    private readonly check: BundleCheck,
    bundleText: string,
    private readonly hooks: ServiceHooks = {},
  ) {
    this.replay = new ReplayStore(store.records);
    this.live = this.loadRevision(bundleText);
    this.restore();
    this.adopt(bundleText);
  }

  /** The revision new sessions start under. */
  get current(): Revision {
    return this.live;
  }

  get inFlight(): number {
    return this.routes.inFlight;
  }

  /** Revisions still serving sessions, the current one first. */
  get serving(): Revision[] {
    return [this.live, ...[...this.revisions.values()].filter((r) => r !== this.live)];
  }

  /**
   * Makes a verified bundle the one new sessions start under; sessions in flight finish under
   * the revision they started with. Throws (and changes nothing) when the bundle is refused.
   * Returns false when it is the revision already live.
   */
  adopt(bundleText: string): boolean {
    const revision = this.loadRevision(bundleText);
    this.store.batch(() => this.store.saveBundle(revision.digest, bundleText));
    if (revision.digest === this.live.digest && this.revisions.has(revision.digest)) return false;
    const known = this.revisions.get(revision.digest);
    this.live = known ?? revision;
    this.revisions.set(this.live.digest, this.live);
    this.retire();
    return true;
  }

  /** Applies a batch and stores its effects in one transaction; returns one outcome per item. */
  apply(items: readonly BatchItem[]): EventOutcome[] {
    let outcomes: EventOutcome[];
    let decided = false;
    try {
      outcomes = this.store.batch(() =>
        items.map((item) => {
          const outcome = "problem" in item ? rejected(item.line, item.problem) : this.push(item.line, item.value);
          if (outcome.status === "decided") decided = true;
          return outcome;
        }),
      );
    } catch (error) {
      // Nothing of the batch was stored, but the deciders saw part of it: rebuild them.
      this.restore();
      throw error;
    }
    if (decided) this.waiters.wakeAll();
    for (const outcome of outcomes) this.hooks.onOutcome?.(outcome);
    this.retire();
    return outcomes;
  }

  /** Up to `limit` decisions of the outbox after sequence number `after`. */
  outbox(after: number, limit: number): OutboxEntry[] {
    return this.store.decisionsAfter(after, limit);
  }

  /** The highest sequence number in the outbox. */
  lastSeq(): number {
    return this.store.lastSeq();
  }

  /** What the service holds of one session, or undefined when it knows nothing of it. */
  describe(sessionId: string): SessionView | undefined {
    const route = this.routes.get(sessionId);
    if (route === undefined) return undefined;
    const revision = route.revision.digest;
    if (route.ended) return { sessionId, state: "ended", revision };
    return { sessionId, state: "in_flight", revision, progress: route.revision.decider.inspect(sessionId), events: this.store.eventsOf(sessionId) };
  }

  /**
   * Event time moved to `time` with no event (the wall clock of a quiet stream): sessions past
   * their maximum age are closed, each with its one decision if it had none, stored like any
   * other in one transaction. Returns how many decisions it made.
   */
  advanceTo(time: string): number {
    let decided = 0;
    try {
      this.store.batch(() => {
        for (const revision of this.serving) {
          const before = revision.decider.inFlight;
          const outcomes = revision.decider.advanceTo(time);
          decided += this.closedByTime(revision, outcomes, undefined, before).length;
        }
      });
    } catch (error) {
      this.restore();
      throw error;
    }
    if (decided > 0) this.waiters.wakeAll();
    this.retire();
    return decided;
  }

  private push(line: number, value: unknown): EventOutcome {
    const problem = eventProblem(value);
    if (problem !== undefined) return rejected(line, problem);
    const event = value as SessionEvent;
    const own = event.type === "record.status" ? undefined : event.sessionId;
    const route = own === undefined ? undefined : this.routes.get(own);
    const revision = route?.revision ?? this.live;
    const decider = revision.decider;
    const before = decider.inFlight;
    const outcomes = decider.receive(event);
    const last = outcomes.at(-1);
    if (last instanceof Rejection && last.retryable) this.refused(line, last);
    // The event's own decision (of its session), if it made one; the others were made by
    // event time passing other sessions' maximum age.
    const ownDecision = own === undefined ? undefined : outcomes.find((o): o is Decision => !(o instanceof Rejection) && o.sessionId === own);
    const result = last instanceof Rejection ? last : ownDecision;
    let expected = before;
    if (own !== undefined) {
      const live = decider.inspect(own) !== undefined;
      if (live && (route === undefined || route.ended)) {
        this.routes.started(own, revision);
        this.store.sessionStarted(own, revision.digest, event);
        expected++;
      } else if (!live && route !== undefined && !route.ended) {
        this.routes.ended(own);
        this.store.sessionEnded(own, ownDecision?.at ?? event.at);
        expected--;
      } else if (live && !(last instanceof Rejection)) {
        this.store.sessionEvent(own, event);
      }
    }
    this.closedByTime(
      revision,
      outcomes.filter((o) => o !== result),
      own,
      expected,
    );
    if (result instanceof Rejection) return this.refused(line, result);
    return this.outcome(line, result);
  }

  /**
   * Stores what time passing did to a revision's sessions: the decisions it made (outbox), and
   * the sessions it closed, with or without a decision (found when the Decider holds fewer
   * sessions than `expected`). Throws when the record store failed under it. Returns the
   * decisions stored.
   */
  private closedByTime(revision: Revision, outcomes: readonly (Decision | Rejection)[], except: string | undefined, expected: number): Decision[] {
    const decisions: Decision[] = [];
    const at = new Map<string, string>();
    for (const outcome of outcomes) {
      if (outcome instanceof Rejection) {
        if (outcome.retryable) throw outcome.cause instanceof Error ? outcome.cause : new Error(outcome.reason);
        continue;
      }
      this.store.appendDecision(outcome);
      decisions.push(outcome);
      at.set(outcome.sessionId, outcome.at);
    }
    if (revision.decider.inFlight >= expected) return decisions;
    const closed = [...this.routes.inFlightOf(revision)].filter((id) => id !== except && revision.decider.inspect(id) === undefined);
    for (const sessionId of closed) {
      this.routes.ended(sessionId);
      this.store.sessionEnded(sessionId, at.get(sessionId) ?? lastAt(this.store.eventsOf(sessionId)));
    }
    return decisions;
  }

  /**
   * A rejected event. When the store failed under it (a retryable rejection), the batch cannot
   * be stored as answered: it is abandoned whole, and the client sends it again.
   */
  private refused(line: number, rejection: Rejection): EventOutcome {
    if (rejection.retryable) throw rejection.cause instanceof Error ? rejection.cause : new Error(rejection.reason);
    return rejected(line, rejection.reason);
  }

  private outcome(line: number, result: Decision | undefined): EventOutcome {
    if (result === undefined) return { line, status: "accepted" };
    return { line, status: "decided", seq: this.store.appendDecision(result), decision: result };
  }

  /** Rebuilds every decider and route from the store: at start, and after a failed batch. */
  private restore(): void {
    const live = this.live;
    this.revisions.clear();
    this.routes = new SessionRoutes(keepEnded);
    this.replay.replaying = true;
    try {
      for (const stored of this.store.sessions()) {
        const revision = this.revisionOf(stored.revision);
        const started = stored.started as SessionEvent & { sessionId: string };
        revision.decider.receive(started);
        this.routes.started(stored.sessionId, revision);
        if (stored.endedAt !== null) {
          revision.decider.receive({ type: "ended", sessionId: stored.sessionId, at: stored.endedAt });
          this.routes.ended(stored.sessionId);
        }
      }
      for (const { sessionId, event } of this.store.sessionEvents()) this.routes.get(sessionId)?.revision.decider.receive(event);
    } finally {
      this.replay.replaying = false;
    }
    const same = this.revisions.get(live.digest);
    this.live = same ?? this.reloadRevision(live);
    this.revisions.set(this.live.digest, this.live);
  }

  private revisionOf(digest: string): Revision {
    const known = this.revisions.get(digest);
    if (known !== undefined) return known;
    const text = this.store.bundleText(digest);
    if (text === undefined) throw new Error(`the state database has sessions of bundle ${digest} but not the bundle itself`);
    // Verified when it went live; loaded again without the trust check, since keys may have rotated since.
    const revision = Revision.load(text, { ...this.check, load: this.check.loadStored }, this.replay, keepEnded, this.warning);
    this.revisions.set(digest, revision);
    return revision;
  }

  private reloadRevision(revision: Revision): Revision {
    const text = this.store.bundleText(revision.digest);
    return text === undefined ? revision : this.loadRevision(text);
  }

  private loadRevision(text: string): Revision {
    return Revision.load(text, this.check, this.replay, keepEnded, this.warning);
  }

  /** Drops revisions other than the live one once no session belongs to them. */
  private retire(): void {
    for (const [digest, revision] of this.revisions) {
      if (revision !== this.live && revision.sessions === 0) this.revisions.delete(digest);
    }
  }

  private readonly warning = (message: string) => {
    if (!this.replay.replaying) this.hooks.onWarning?.(message);
  };
}

function rejected(line: number, reason: string): EventOutcome {
  return { line, status: "rejected", reason };
}

/** The latest `at` of a session's stored events: when a session closed without a decision last moved. */
function lastAt(events: readonly unknown[]): string {
  let latest = "";
  for (const event of events) {
    const at = (event as { at?: unknown }).at;
    if (typeof at === "string" && Date.parse(at) >= (latest === "" ? -Infinity : Date.parse(latest))) latest = at;
  }
  return latest;
}
