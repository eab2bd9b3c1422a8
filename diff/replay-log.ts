import { Decider, Rejection, type Outcome as Given } from "@crm-policy/runtime";
import { MemoryRecordStore } from "@crm-policy/runtime";
import { isBlank } from "../cli/blank-line.js";
import type { Line } from "../cli/read-lines.js";
import type { Decision } from "../schemas/types/decision.v1.js";
import type { CrmRecord } from "../schemas/types/record.v1.js";
import type { Started } from "../schemas/types/session-event.v1.js";
import { GroupTable, type Group } from "./groups.js";
import { changedAspects, outcomeOf, pending, type Outcome } from "./outcome.js";
import type { Version } from "./version.js";

/** Session ids a group lists (its count says how many there are in all). */
export const listedSessions = 20;

export interface SessionsExample {
  sessionIds: string[];
  /** The first listed session's decision lines under each version (null: pending). */
  before: Decision | null;
  after: Decision | null;
}

export interface LogDiff {
  events: string;
  records?: string;
  lines: number;
  rejected: number;
  sessions: number;
  /** Sessions that decide differently. */
  differing: number;
  groups: Group<SessionsExample>[];
}

interface Pair {
  start: Started;
  before?: Decision;
  after?: Decision;
}

/**
 * Replays a recorded event log through both versions at once, each over its own copy of the
 * CRM records, and groups the sessions that decide differently. Only sessions in flight are
 * kept (their start and any decision one version made before the other), so memory stays flat
 * however long the log is, beside what the simulated CRMs hold.
 */
export class LogReplay {
  private readonly deciders: [Decider, Decider];
  private readonly createdBy: [Map<string, string>, Map<string, string>] = [new Map(), new Map()];
  private readonly open = new Map<string, Pair>();
  private readonly table = new GroupTable<SessionsExample>();
  private readonly ids = new Map<string, string[]>();
  lines = 0;
  rejected = 0;
  sessions = 0;
  differing = 0;

  constructor(
    private readonly a: Version,
    private readonly b: Version,
    records: readonly CrmRecord[],
  ) {
    // as `simulate` replays a log: the default lateness and session age, flushed at the end
    this.deciders = [new Decider(a.policy.compiled, new MemoryRecordStore(records)), new Decider(b.policy.compiled, new MemoryRecordStore(records))];
  }

  /** One line of the log (one that could not be read as text counts as rejected). */
  line(text: Line): void {
    this.lines++;
    if (typeof text !== "string") {
      this.rejected++;
      return;
    }
    if (isBlank(text)) return;
    let event: unknown;
    try {
      event = JSON.parse(text);
    } catch {
      this.rejected++;
      return;
    }
    const [da, db] = this.deciders;
    const oa = da.receive(event);
    const ob = db.receive(event);
    const ra = oa.some(ownRejection);
    this.countRejected(oa, ob);
    const e = event as { type: string; sessionId: string };
    if (e.type === "started" && !ra && !this.open.has(e.sessionId)) this.open.set(e.sessionId, { start: event as Started });
    for (const o of oa) if (!(o instanceof Rejection)) this.decided(0, o);
    for (const o of ob) if (!(o instanceof Rejection)) this.decided(1, o);
  }

  /** Lines both versions rejected: this one, and earlier ones held for a `started` that did not come (holding is the same for every policy). */
  private countRejected(oa: readonly Given[], ob: readonly Given[]): void {
    const held = (os: readonly Given[]) => os.filter((o) => o instanceof Rejection && o.event !== undefined).length;
    this.rejected += (oa.some(ownRejection) && ob.some(ownRejection) ? 1 : 0) + Math.min(held(oa), held(ob));
  }

  private decided(side: 0 | 1, d: Decision): void {
    if (d.decision === "create") this.createdBy[side].set(d.recordId, d.sessionId);
    const pair = this.open.get(d.sessionId);
    if (pair === undefined) return;
    if (side === 0) pair.before ??= d;
    else pair.after ??= d;
    if (pair.before !== undefined && pair.after !== undefined) this.settle(d.sessionId, pair);
  }

  /** Both versions have said all they will about the session: compare, and forget it. */
  private settle(sessionId: string, pair: Pair): void {
    this.open.delete(sessionId);
    const before: Outcome = pair.before === undefined ? pending : outcomeOf(pair.before, this.createdBy[0]);
    const after: Outcome = pair.after === undefined ? pending : outcomeOf(pair.after, this.createdBy[1]);
    const aspects = changedAspects(before, after);
    if (aspects.length === 0) return;
    this.differing++;
    const start = pair.start;
    const key = this.table.add(
      {
        start,
        matches: { before: this.a.matches(start), after: this.b.matches(start) },
        settings: { before: this.a.settings.for(start), after: this.b.settings.for(start) },
        before,
        after,
        aspects,
      },
      0,
      () => ({ sessionIds: [], before: pair.before ?? null, after: pair.after ?? null }),
    );
    const list = this.ids.get(key) ?? [];
    if (list.length < listedSessions) list.push(sessionId);
    this.ids.set(key, list);
  }

  /**
   * The end of the log: both versions close the sessions still in flight, as `simulate` does at
   * the end of input; a session one version decided and the other did not (a session the
   * other rejected) differs too.
   */
  finish(files: { events: string; records?: string | undefined }): LogDiff {
    const [fa, fb] = [this.deciders[0].flush(), this.deciders[1].flush()];
    this.countRejected(fa, fb);
    for (const o of fa) if (!(o instanceof Rejection)) this.decided(0, o);
    for (const o of fb) if (!(o instanceof Rejection)) this.decided(1, o);
    this.sessions = this.deciders[0].sessionsStarted;
    for (const [sessionId, pair] of [...this.open]) if (pair.before !== undefined || pair.after !== undefined) this.settle(sessionId, pair);
    const groups = this.table.list().map((g) => ({ ...g, example: { ...g.example, sessionIds: this.ids.get(g.key) ?? [] } }));
    return {
      events: files.events,
      ...(files.records === undefined ? {} : { records: files.records }),
      lines: this.lines,
      rejected: this.rejected,
      sessions: this.sessions,
      differing: this.differing,
      groups,
    };
  }
}

/** The event's own rejection, not that of an event held earlier. */
function ownRejection(o: Given): boolean {
  return o instanceof Rejection && o.event === undefined;
}
