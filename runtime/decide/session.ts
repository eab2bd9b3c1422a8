import type { Started } from "../../schemas/types/session-event.v1.js";
import type { SessionTypeInfo } from "./session-types.js";
import type { Variant } from "./variants.js";
import { epochMs } from "../events/time.js";

/** Event ids a session remembers before its decision; later ones are applied, not remembered. */
export const eventIdMemory = 256;

/**
 * What the runtime keeps of one in-flight session: only what a later decision needs, copied
 * out of the `started` event so the parsed event itself can be collected (docs/benchmarks.md,
 * heap per in-flight session). Low-cardinality strings are shared through `intern`.
 */
export class Session {
  assigned = false;
  connected = false;
  decided = false;
  consumerMessages = 0;
  /** Instants of consumer messages without an eventId counted so far, to spot redeliveries; dropped once decided. */
  messageTimes: number[] | undefined = undefined;
  /** Event ids seen while undecided (at most `eventIdMemory`), each with what it stood for; dropped once decided. */
  ids: Map<string, string> | undefined = undefined;
  /** Set when its `ended` came and its decision waits for late events. */
  endedAt: string | undefined = undefined;
  endMs = 0;
  /** The latest `at` of its accepted events: where it is closed if it never ends. */
  lastAt: string;
  lastMs: number;
  /** Its place among the deadlines (runtime/decide/deadlines.ts). */
  due = 0;
  seq = 0;
  heapIndex = -1;
  readonly id: string;
  readonly startedAt: string;
  readonly startMs: number;
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
    this.startMs = epochMs(event.at);
    this.lastAt = event.at;
    this.lastMs = this.startMs;
    this.queue = intern(event.queue);
    this.endUser = event.endUser;
    this.menuPath = event.menuPath === undefined ? undefined : intern(event.menuPath);
    this.phoneNumber = event.phoneNumber === undefined ? undefined : intern(event.phoneNumber);
    this.language = event.language === undefined ? undefined : intern(event.language);
  }

  remember(eventId: string, signature: string): void {
    const ids = (this.ids ??= new Map());
    if (ids.size < eventIdMemory) ids.set(eventId, signature);
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
