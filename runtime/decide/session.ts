import type { Started } from "../../schemas/types/session-event.v1.js";
import type { SessionTypeInfo } from "./session-types.js";
import type { Variant } from "./variants.js";
import { epochMs } from "../events/time.js";

/** Event ids a session remembers before its decision; later ones are applied, not remembered. */
export const eventIdMemory = 256;

const assignedBit = 1;
const connectedBit = 2;
const decidedBit = 4;
/** `progress` is consumerMessages * flagValues + the flag bits. */
const flagValues = 8;

/**
 * What only some sessions need, in a side object: what tells a redelivery from a new event
 * (until the decision), and the end of a session whose decision waits for late events.
 */
class Extra {
  /** Instants of consumer messages without an eventId counted so far. */
  messageTimes: number[] | undefined = undefined;
  /** Event ids seen (at most `eventIdMemory`), each with what it stood for. */
  ids: Map<string, string> | undefined = undefined;
  endedAt: string | undefined = undefined;
}

/** A session's progress as a snapshot carries it. */
export interface SessionProgress {
  assigned: boolean;
  connected: boolean;
  decided: boolean;
  consumerMessages: number;
  messageTimes: number[] | undefined;
  ids: Map<string, string> | undefined;
  endedAt: string | undefined;
  lastAt: string;
}

/**
 * What the runtime keeps of one in-flight session: only what a later decision needs, copied
 * out of the `started` event so the parsed event itself can be collected (docs/benchmarks.md,
 * heap per in-flight session). Low-cardinality strings are shared through `intern`. Each
 * instant is kept once, as the text the events gave (decisions echo it); numbers are small
 * integers (no heap-allocated doubles) while a session's last event is within about 24 days of
 * its start (2^31 ms; the default maxSessionAge is a day), and what few sessions need sits in a
 * side object.
 */
export class Session {
  /** assigned, connected and decided as bits, and the count of consumer messages above them. */
  private progress = 0;
  private extra: Extra | undefined = undefined;
  /** The latest `at` of its accepted events: where it is closed if it never ends. */
  lastAt: string;
  /** Milliseconds from its start to `lastAt`. */
  private lastOffset = 0;
  /** Its place among the deadlines (runtime/decide/deadlines.ts). */
  heapIndex = -1;
  readonly id: string;
  readonly startedAt: string;
  readonly queue: string;
  readonly endUser: string | undefined;
  readonly menuPath: string | undefined;
  readonly phoneNumber: string | undefined;
  readonly language: string | undefined;

  constructor(
    event: Started,
    readonly type: SessionTypeInfo,
    readonly variant: Variant,
    intern: (value: string) => string,
  ) {
    this.id = event.sessionId;
    this.startedAt = event.at;
    this.lastAt = event.at;
    this.queue = intern(event.queue);
    this.endUser = event.endUser;
    this.menuPath = event.menuPath === undefined ? undefined : intern(event.menuPath);
    this.phoneNumber = event.phoneNumber === undefined ? undefined : intern(event.phoneNumber);
    this.language = event.language === undefined ? undefined : intern(event.language);
  }

  get assigned(): boolean {
    return this.flag(assignedBit);
  }
  set assigned(on: boolean) {
    this.setFlag(assignedBit, on);
  }
  get connected(): boolean {
    return this.flag(connectedBit);
  }
  set connected(on: boolean) {
    this.setFlag(connectedBit, on);
  }
  get decided(): boolean {
    return this.flag(decidedBit);
  }
  set decided(on: boolean) {
    this.setFlag(decidedBit, on);
  }
  get consumerMessages(): number {
    return Math.floor(this.progress / flagValues);
  }
  set consumerMessages(count: number) {
    this.progress = count * flagValues + (this.progress % flagValues);
  }

  /** Set when its `ended` came and its decision waits for late events. */
  get endedAt(): string | undefined {
    return this.extra?.endedAt;
  }
  set endedAt(at: string | undefined) {
    if (at !== undefined || this.extra !== undefined) (this.extra ??= new Extra()).endedAt = at;
  }

  private flag(bit: number): boolean {
    return ((this.progress % flagValues) & bit) !== 0;
  }

  private setFlag(bit: number, on: boolean): void {
    const flags = this.progress % flagValues;
    this.progress += (on ? flags | bit : flags & ~bit) - flags;
  }

  /** Start instant, ms since the epoch. */
  get startMs(): number {
    return epochMs(this.startedAt);
  }

  /** Instants of consumer messages without an eventId counted so far, to spot redeliveries; undefined once decided. */
  get messageTimes(): readonly number[] | undefined {
    return this.extra?.messageTimes;
  }

  /** Event ids seen while undecided (at most `eventIdMemory`), each with what it stood for; undefined once decided. */
  get ids(): ReadonlyMap<string, string> | undefined {
    return this.extra?.ids;
  }

  /** Drops what it remembered of redeliveries: once decided, a session ignores them. */
  forgetRedeliveries(): void {
    const extra = this.extra;
    if (extra === undefined) return;
    if (extra.endedAt === undefined) this.extra = undefined;
    else extra.messageTimes = extra.ids = undefined;
  }

  countMessageTime(instant: number): void {
    ((this.extra ??= new Extra()).messageTimes ??= []).push(instant);
  }

  remember(eventId: string, signature: string): void {
    const ids = ((this.extra ??= new Extra()).ids ??= new Map());
    if (ids.size < eventIdMemory) ids.set(eventId, signature);
  }

  /** An accepted event at `at` (`ms` since the epoch; its session started at `startMs`): the latest so far? */
  saw(at: string, ms: number, startMs: number): void {
    const offset = ms - startMs;
    if (offset > this.lastOffset) {
      this.lastOffset = offset;
      this.lastAt = at;
    }
  }

  /** Its progress as a snapshot gave it. */
  restore(p: SessionProgress): void {
    this.assigned = p.assigned;
    this.connected = p.connected;
    this.decided = p.decided;
    this.consumerMessages = p.consumerMessages;
    if (p.messageTimes !== undefined) (this.extra ??= new Extra()).messageTimes = p.messageTimes;
    if (p.ids !== undefined) (this.extra ??= new Extra()).ids = p.ids;
    this.endedAt = p.endedAt;
    this.lastAt = p.lastAt;
    this.lastOffset = epochMs(p.lastAt) - this.startMs;
  }

  /** Same attributes as another `started` for this id: a redelivery, not a conflict. */
  sameStart(other: Started): boolean {
    return (
      this.startMs === epochMs(other.at) &&
      this.type.channel === other.channel &&
      this.type.name === other.sessionType &&
      this.queue === other.queue &&
      this.menuPath === other.menuPath &&
      this.phoneNumber === other.phoneNumber &&
      this.language === other.language &&
      this.endUser === other.endUser
    );
  }
}

/** A bounded pool of shared strings: queues, menu paths, dialed numbers and languages repeat. */
export function internPool(limit = 10_000): (value: string) => string {
  const pool = new Map<string, string>();
  return (value) => {
    const shared = pool.get(value);
    if (shared !== undefined) return shared;
    if (pool.size < limit) pool.set(value, value);
    return value;
  };
}
