/* Generated from schemas/ by `npm run gen`; do not edit. */

export type SessionId = string;
export type Time = string;

/**
 * Everything a Decider holds between events, as `decider.snapshot()` returns it: restored by `Decider.restore`, it continues exactly where it stopped (docs/snapshots.md). Plain JSON; times are RFC 3339 texts or epoch milliseconds.
 */
export interface DeciderSnapshot {
  /**
   * This format.
   */
  format: "crm-policy-decider-snapshot/v1";
  /**
   * The bundle format of the policies it names; a runtime reading another refuses the snapshot.
   */
  bundleFormat: string;
  /**
   * The decider's options that shape its state: a restored decider runs with the same.
   */
  timing: {
    /**
     * ms of event time late events count after `ended` (null: no end to it).
     */
    lateness: number | null;
    /**
     * ms of event time after its start a session with no `ended` is closed (null: never).
     */
    maxSessionAge: number | null;
    /**
     * At most this many ended sessions remembered (null: bounded by time only).
     */
    endedSessionMemory: number | null;
  };
  /**
   * Event time, epoch ms: the latest `at` of an accepted event or a time given to advanceTo; null before the first.
   */
  now: number | null;
  /**
   * Sessions started so far (`decider.sessionsStarted`).
   */
  started: number;
  /**
   * Index in `policies` of the policy new sessions start under.
   */
  policy: number;
  /**
   * The policy versions the decider runs: the current one and every one an in-flight session started under.
   *
   * @minItems 1
   */
  policies: [PolicyVersion, ...PolicyVersion[]];
  /**
   * Sessions in flight (started, not yet closed), earliest deadline first; ties by `order`.
   */
  sessions: SessionSnapshot[];
  /**
   * The ended sessions remembered, in the order they ended (with `endedSessionMemory`, the first is the next forgotten when another ends), each with the event time it may be forgotten at; `at`, its end, is on the last entry of an id while its end is still remembered: events stamped at or before it are redeliveries, later ones are refused.
   */
  ended: EndedSession[];
  /**
   * Events of sessions whose `started` has not come yet, held for it (docs/semantics.md), earliest deadline (their `at` plus the lateness) first; ties by `order`. Restore holds them within the decider's bounds (runtime/decide/held-events.ts).
   */
  held: HeldEvent[];
  /**
   * Present in a partial snapshot (`decider.snapshot(ids)`): the session ids it covers; `sessions`, `ended` and `held` hold only theirs, and an id with none was forgotten. Restore refuses it: `mergeSnapshot` puts it into a full one.
   */
  only?: SessionId[];
}
/**
 * A policy of a bundle, by name and revision: the bundle given to restore must hold it.
 */
export interface PolicyVersion {
  name: string;
  revision: string;
}
/**
 * One in-flight session: its `started` attributes, the policy version and overrides it started under, and its progress.
 */
export interface SessionSnapshot {
  sessionId: SessionId;
  /**
   * Its place among sessions with the same deadline: the later its deadline was set, the higher.
   */
  order: number;
  /**
   * Index in `policies` of the version it started under.
   */
  policy: number;
  /**
   * Indexes of that version's overrides that matched at its start, in file order.
   */
  overrides: number[];
  startedAt: Time;
  channel: "voice" | "chat";
  sessionType: string;
  queue: string;
  endUser?: string;
  menuPath?: string;
  phoneNumber?: string;
  language?: string;
  assigned: boolean;
  connected: boolean;
  decided: boolean;
  /**
   * Consumer messages counted. At most 2^31 - 1: the runtime keeps the count in one integer with the session's flags, exact only below 2^50.
   */
  consumerMessages: number;
  /**
   * Instants (epoch ms) of the consumer messages without an eventId counted so far, to spot redeliveries.
   */
  messageTimes?: number[];
  /**
   * Event ids seen while undecided, each with what it stood for (type and instant), to spot redeliveries; at most 256.
   *
   * @maxItems 256
   */
  eventIds?: [string, string][];
  /**
   * Its `ended`, when its decision waits for late events.
   */
  endedAt?: string;
  /**
   * The latest `at` of its accepted events.
   */
  lastAt: string;
}
/**
 * A session that ended and was decided.
 */
export interface EndedSession {
  sessionId: SessionId;
  /**
   * Its place in the queue of ended sessions (how many ended before it); consecutive in `ended`.
   */
  n: number;
  /**
   * Event time (epoch ms) from which it is forgotten (null: never, with no maximum session age).
   */
  forgetMs: number | null;
  /**
   * Its end.
   */
  at?: string;
}
/**
 * An event held for its session's `started`: as it was received; restore checks it as a session event (schemas/session-event.v1.schema.json), neither a `started` nor a `record.status`.
 */
export interface HeldEvent {
  /**
   * Its place among deadlines due at the same time (and among its session's held events stamped at the same instant: their arrival order).
   */
  order: number;
  /**
   * The event.
   */
  event: {};
}
