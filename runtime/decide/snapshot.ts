import type { CompiledPolicy } from "../../schemas/types/bundle.v1.js";
import type { DeciderSnapshot, HeldEvent as HeldSnapshot, SessionSnapshot } from "../../schemas/types/decider-snapshot.v1.js";
import type { SessionEvent, Started } from "../../schemas/types/session-event.v1.js";
import { bundleFormat } from "../bundle/format.js";
import { LoadedBundle } from "../bundle/load-bundle.js";
import { eventProblem } from "../events/check-event.js";
import { epochMs, isTime } from "../events/time.js";
import type { HeldEvent } from "./held-events.js";
import { eventIdMemory, type Session, type SessionProgress } from "./session.js";
import { snapshotStructureProblem } from "./snapshot-check.js";
import { Variants } from "./variants.js";

/** The snapshot format this runtime writes and reads (schemas/decider-snapshot.v1.schema.json). */
export const snapshotFormat = "crm-policy-decider-snapshot/v1";

/** A snapshot the runtime will not restore, and why (where in it, when it is its content). */
export class SnapshotError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SnapshotError";
  }
}

/** Where restore finds the policy versions a snapshot names: a bundle, a policy, or several of either. */
export type PolicySource = LoadedBundle | CompiledPolicy | readonly (LoadedBundle | CompiledPolicy)[];

interface Timing {
  lateness: number;
  maxSessionAge: number;
  endedSessionMemory: number | null;
}

/** What the Decider hands over to be written. */
export interface DeciderParts {
  current: CompiledPolicy;
  timing: Timing;
  now: number;
  started: number;
  /** In-flight sessions, earliest deadline first. */
  sessions: readonly Session[];
  /** The ended sessions remembered, in the order they ended; `at` where the end itself is still remembered. */
  ended: readonly Ended[];
  /** Events held for their session's `started`, earliest deadline first. */
  held: readonly HeldEvent[];
  /** A session's or held event's place among those with the same deadline. */
  orderOf: (item: Session | HeldEvent) => number;
  /** A partial snapshot: only these ids. */
  only?: readonly string[];
}

interface Ended {
  id: string;
  forgetMs: number;
  /** Its place in the queue of ended sessions. */
  n: number;
  at?: string;
}

/** A session read back: its `started`, its variant, and its progress (fields of Session). */
export interface RestoredSession {
  start: Started;
  /** Its place among sessions with the same deadline. */
  order: number;
  variant: ReturnType<Variants["withOverrides"]>;
  progress: SessionProgress;
}

export interface ReadSnapshot {
  current: Variants;
  timing: Timing;
  now: number;
  started: number;
  sessions: RestoredSession[];
  ended: Ended[];
  /** Held events, earliest deadline first: each with its place among ties. */
  held: { event: HeldEvent["event"]; order: number }[];
}

const versionKey = (name: string, revision: string) => `${name}\n${revision}`;

/** A snapshot's list of policy versions: the current one first, then each other once, in the order first named. */
class PolicyVersions {
  readonly list: DeciderSnapshot["policies"];
  private readonly index: Map<string, number>;

  constructor(name: string, revision: string) {
    this.list = [{ name, revision }];
    this.index = new Map([[versionKey(name, revision), 0]]);
  }

  /** The version's place in the list, added at the end if new. */
  indexOf(name: string, revision: string): number {
    const key = versionKey(name, revision);
    let i = this.index.get(key);
    if (i === undefined) {
      i = this.list.length;
      this.index.set(key, i);
      this.list.push({ name, revision });
    }
    return i;
  }
}

export function takeSnapshot(parts: DeciderParts): DeciderSnapshot {
  const versions = new PolicyVersions(parts.current.name, parts.current.revision);
  const sessions = parts.sessions.map((s): SessionSnapshot => {
    const v = s.variant;
    const policy = versions.indexOf(v.policy, v.revision);
    const entry: SessionSnapshot = {
      sessionId: s.id,
      order: parts.orderOf(s),
      policy,
      overrides: [...v.overrides],
      startedAt: s.startedAt,
      channel: s.type.channel,
      sessionType: s.type.name,
      queue: s.queue,
      assigned: s.assigned,
      connected: s.connected,
      decided: s.decided,
      consumerMessages: s.consumerMessages,
      lastAt: s.lastAt,
    };
    if (s.endUser !== undefined) entry.endUser = s.endUser;
    if (s.menuPath !== undefined) entry.menuPath = s.menuPath;
    if (s.phoneNumber !== undefined) entry.phoneNumber = s.phoneNumber;
    if (s.language !== undefined) entry.language = s.language;
    if (s.messageTimes !== undefined) entry.messageTimes = [...s.messageTimes];
    if (s.ids !== undefined) entry.eventIds = [...s.ids];
    if (s.endedAt !== undefined) entry.endedAt = s.endedAt;
    return entry;
  });
  const snapshot: DeciderSnapshot = {
    format: snapshotFormat,
    bundleFormat,
    timing: { lateness: finite(parts.timing.lateness), maxSessionAge: finite(parts.timing.maxSessionAge), endedSessionMemory: parts.timing.endedSessionMemory },
    now: parts.now === -Infinity ? null : parts.now,
    started: parts.started,
    policy: 0,
    policies: versions.list,
    sessions,
    ended: parts.ended.map((e) =>
      e.at === undefined ? { sessionId: e.id, n: e.n, forgetMs: finite(e.forgetMs) } : { sessionId: e.id, n: e.n, forgetMs: finite(e.forgetMs), at: e.at },
    ),
    held: parts.held.map((h) => ({ order: parts.orderOf(h), event: structuredClone(h.event) })),
  };
  if (parts.only !== undefined) snapshot.only = [...parts.only];
  return snapshot;
}

/**
 * Checks a snapshot (any JSON value: it may come from anywhere) and reads it against the given
 * policies. Every refusal is a SnapshotError naming the place in the snapshot; the work and
 * memory are linear in its size.
 */
export function readSnapshot(source: PolicySource, value: unknown): ReadSnapshot {
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new SnapshotError("not a decider snapshot: not a JSON object");
  const format = (value as { format?: unknown }).format;
  if (format !== snapshotFormat)
    throw new SnapshotError(`not a decider snapshot this runtime reads: format is ${quoted(format)}, this runtime reads "${snapshotFormat}"`);
  const problem = snapshotStructureProblem(value);
  if (problem !== undefined) throw new SnapshotError(`decider snapshot ${problem}`);
  const snapshot = value as DeciderSnapshot;
  if (snapshot.only !== undefined)
    throw new SnapshotError(
      "decider snapshot at /only: a partial snapshot (of some sessions only): put it into the full one with mergeSnapshot, then restore that",
    );
  if (snapshot.bundleFormat !== bundleFormat)
    throw new SnapshotError(
      `decider snapshot of policies of bundle format ${quoted(snapshot.bundleFormat)}; this runtime runs "${bundleFormat}" bundles: restore it with the runtime that took it`,
    );

  const given = new Map<string, CompiledPolicy>();
  for (const item of Array.isArray(source) ? source : [source]) {
    const policies = item instanceof LoadedBundle ? item.bundle.policies : [item as CompiledPolicy];
    for (const p of policies) given.set(versionKey(p.name, p.revision), p);
  }
  const versions = snapshot.policies.map((v, i) => {
    const policy = given.get(versionKey(v.name, v.revision));
    if (policy === undefined) {
      const held = [...given.values()].map((p) => `\`${p.name}\` ${p.revision}`).join(", ") || "none";
      throw new SnapshotError(
        `decider snapshot at /policies/${i}: policy \`${v.name}\` revision ${v.revision} is not in the bundle(s) given (they hold: ${held}); restore with the bundle its sessions started under as well`,
      );
    }
    return new Variants(policy);
  });
  if (snapshot.policy >= versions.length) throw new SnapshotError(`decider snapshot at /policy: no policy ${snapshot.policy} (it lists ${versions.length})`);

  const seen = new Set<string>();
  const unique = (id: string, where: string) => {
    if (seen.has(id)) throw new SnapshotError(`decider snapshot at ${where}: session \`${id.slice(0, 256)}\` is there twice`);
    seen.add(id);
  };
  const sessions = snapshot.sessions.map((s, i) => {
    const where = `/sessions/${i}`;
    unique(s.sessionId, `${where}/sessionId`);
    return readSession(s, versions, where);
  });
  for (const [i, e] of snapshot.ended.entries()) {
    if (i > 0 && e.n !== snapshot.ended[i - 1]!.n + 1)
      throw new SnapshotError(`decider snapshot at /ended/${i}/n: ${e.n} does not follow ${snapshot.ended[i - 1]!.n}`);
    if (e.at === undefined) continue;
    unique(e.sessionId, `/ended/${i}/sessionId`);
    time(e.at, `/ended/${i}/at`);
  }
  const held = snapshot.held.map((h, i) => readHeld(h, `/held/${i}`, seen, snapshot));
  const memory = snapshot.timing.endedSessionMemory;
  if (memory !== null && snapshot.ended.length > memory)
    throw new SnapshotError(`decider snapshot at /ended: ${snapshot.ended.length} sessions, more than the ended-session memory of ${memory}`);
  return {
    current: versions[snapshot.policy]!,
    timing: {
      lateness: unbounded(snapshot.timing.lateness),
      maxSessionAge: unbounded(snapshot.timing.maxSessionAge),
      endedSessionMemory: snapshot.timing.endedSessionMemory,
    },
    now: snapshot.now ?? -Infinity,
    started: snapshot.started,
    sessions,
    ended: snapshot.ended.map((e) =>
      e.at === undefined
        ? { id: e.sessionId, n: e.n, forgetMs: unbounded(e.forgetMs) }
        : { id: e.sessionId, n: e.n, forgetMs: unbounded(e.forgetMs), at: e.at },
    ),
    held,
  };
}

/** A held event read back: a session event of a session neither in flight nor remembered as ended, not yet due. (Its bounds are checked as it is held again.) */
function readHeld(h: HeldSnapshot, where: string, known: ReadonlySet<string>, snapshot: DeciderSnapshot): ReadSnapshot["held"][number] {
  const problem = eventProblem(h.event);
  if (problem !== undefined) throw new SnapshotError(`decider snapshot at ${where}/event: ${problem}`);
  const any = h.event as unknown as SessionEvent;
  if (any.type === "started" || any.type === "record.status") throw new SnapshotError(`decider snapshot at ${where}/event: a \`${any.type}\` is never held`);
  const event = any;
  if (known.has(event.sessionId))
    throw new SnapshotError(`decider snapshot at ${where}/event/sessionId: session \`${event.sessionId.slice(0, 256)}\` has started, its events are not held`);
  const lateness = unbounded(snapshot.timing.lateness);
  if (snapshot.now !== null && epochMs(event.at) + lateness <= snapshot.now)
    throw new SnapshotError(
      `decider snapshot at ${where}/event/at: ${event.at} plus the lateness is not after event time (${snapshot.now}): it would not be held`,
    );
  return { event: structuredClone(event), order: h.order };
}

function readSession(s: SessionSnapshot, versions: readonly Variants[], where: string): RestoredSession {
  const version = versions[s.policy];
  if (version === undefined) throw new SnapshotError(`decider snapshot at ${where}/policy: no policy ${s.policy} (it lists ${versions.length})`);
  const count = version.policy.overrides.length;
  s.overrides.forEach((o, j) => {
    if (o >= count || (j > 0 && o <= s.overrides[j - 1]!))
      throw new SnapshotError(
        `decider snapshot at ${where}/overrides/${j}: ${o} is not an override of policy \`${version.policy.name}\` in increasing order (it has ${count})`,
      );
  });
  const variant = version.withOverrides(s.overrides);
  time(s.startedAt, `${where}/startedAt`);
  time(s.lastAt, `${where}/lastAt`);
  if (s.endedAt !== undefined) time(s.endedAt, `${where}/endedAt`);
  const settings = variant.settings;
  const remembered = Math.max(settings.minConsumerMessages, settings.abandonedMinMessages);
  if (s.messageTimes !== undefined && s.messageTimes.length > remembered)
    throw new SnapshotError(`decider snapshot at ${where}/messageTimes: ${s.messageTimes.length} instants, more than the ${remembered} its settings ever keep`);
  if (s.eventIds !== undefined && s.eventIds.length > eventIdMemory)
    throw new SnapshotError(`decider snapshot at ${where}/eventIds: more than ${eventIdMemory}`);
  const start: Started = { type: "started", sessionId: s.sessionId, at: s.startedAt, channel: s.channel, sessionType: s.sessionType, queue: s.queue };
  if (s.endUser !== undefined) start.endUser = s.endUser;
  if (s.menuPath !== undefined) start.menuPath = s.menuPath;
  if (s.phoneNumber !== undefined) start.phoneNumber = s.phoneNumber;
  if (s.language !== undefined) start.language = s.language;
  return {
    start,
    order: s.order,
    variant,
    progress: {
      assigned: s.assigned,
      connected: s.connected,
      decided: s.decided,
      consumerMessages: s.consumerMessages,
      messageTimes: s.messageTimes === undefined ? undefined : [...s.messageTimes],
      ids: s.eventIds === undefined ? undefined : new Map(s.eventIds),
      endedAt: s.endedAt,
      lastAt: s.lastAt,
    },
  };
}

/**
 * A full snapshot brought up to date with a partial one taken later (`decider.snapshot(ids)`
 * with the ids of `dirtySessions()` since the full one, or since the last merge): the partial's
 * event time, counts and timing; its entries for the ids it covers in place of the full one's
 * (an id it covers with no entry was forgotten). Given the partials of every change in order,
 * the result is the full snapshot the decider would have given (docs/snapshots.md).
 */
export function mergeSnapshot(full: DeciderSnapshot, partial: DeciderSnapshot): DeciderSnapshot {
  if (full.only !== undefined) throw new SnapshotError("mergeSnapshot: the first snapshot is itself partial");
  if (partial.only === undefined) return partial;
  const covered = new Set(partial.only);
  const policyOf = (snapshot: DeciderSnapshot, i: number) => snapshot.policies[i]!;
  const sessions = [
    ...full.sessions.filter((s) => !covered.has(s.sessionId)).map((s) => ({ s, version: policyOf(full, s.policy) })),
    ...partial.sessions.map((s) => ({ s, version: policyOf(partial, s.policy) })),
  ];
  const due = (s: SessionSnapshot) =>
    s.endedAt !== undefined ? epochMs(s.endedAt) + unbounded(partial.timing.lateness) : epochMs(s.startedAt) + unbounded(partial.timing.maxSessionAge);
  sessions.sort((a, b) => due(a.s) - due(b.s) || a.s.order - b.s.order);
  // the policy list as the decider writes it: the current one, then in the sessions' order
  const current = policyOf(partial, partial.policy);
  const versions = new PolicyVersions(current.name, current.revision);
  const merged = sessions.map(({ s, version }) => ({ ...s, policy: versions.indexOf(version.name, version.revision) }));
  // an entry the decider took out of its queue since the full snapshot was of an id it covers
  const ended = [...full.ended.filter((e) => !covered.has(e.sessionId)), ...partial.ended].sort((a, b) => a.n - b.n);
  const heldDue = (h: HeldSnapshot) => epochMs(String((h.event as { at?: unknown }).at)) + unbounded(partial.timing.lateness);
  const held = [...full.held.filter((h) => !covered.has(String((h.event as { sessionId?: unknown }).sessionId))), ...partial.held].sort(
    (a, b) => heldDue(a) - heldDue(b) || a.order - b.order,
  );
  const { only: _only, ...rest } = partial;
  return { ...rest, policy: 0, policies: versions.list, sessions: merged, ended, held };
}

/** JSON has no infinity: a time or duration without end is written null. */
function finite(ms: number): number | null {
  return ms === Infinity ? null : ms;
}

function unbounded(ms: number | null): number {
  return ms ?? Infinity;
}

function time(value: string, where: string): void {
  if (!isTime(value)) throw new SnapshotError(`decider snapshot at ${where}: ${quoted(value)} is not an RFC 3339 time`);
}

function quoted(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
