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
export type SessionView = { sessionId: string; state: "ended"; revision: string } | { sessionId: string; state: "in_flight"; revision: string; progress: SessionState | undefined; events: unknown[] };

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

  private push(line: number, value: unknown): EventOutcome {
    const problem = eventProblem(value);
    if (problem !== undefined) return rejected(line, problem);
    const event = value as SessionEvent;
    if (event.type === "record.status") {
      const result = one(this.live.decider.receive(event));
      return result instanceof Rejection ? this.refused(line, result) : this.outcome(line, result);
    }
    const route = this.routes.get(event.sessionId);
    const revision = route?.revision ?? this.live;
    const decider = revision.decider;
    const before = decider.inFlight;
    const result = one(decider.receive(event));
    if (result instanceof Rejection) return this.refused(line, result);
    const after = decider.inFlight;
    if (after > before) {
      this.routes.started(event.sessionId, revision);
      this.store.sessionStarted(event.sessionId, revision.digest, event);
    } else if (after < before) {
      this.routes.ended(event.sessionId);
      this.store.sessionEnded(event.sessionId, event.at);
    } else if (route !== undefined && !route.ended) {
      this.store.sessionEvent(event.sessionId, event);
    }
    return this.outcome(line, result);
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

/** With no lateness and no expiry (revision.ts), an event gives at most its own outcome. */
function one(outcomes: readonly (Decision | Rejection)[]): Decision | Rejection | undefined {
  if (outcomes.length > 1) throw new Error(`one event gave ${outcomes.length} outcomes`);
  return outcomes[0];
}
