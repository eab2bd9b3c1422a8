import type { Started } from "../../schemas/types/session-event.v1.js";
import type { SessionTypeInfo } from "./session-types.js";
import type { Variant } from "./variants.js";

/** What the runtime keeps of one in-flight session: only what a later decision needs. */
export class Session {
  assigned = false;
  connected = false;
  decided = false;
  consumerMessages = 0;
  /** `at` of consumer messages counted so far, to spot redeliveries; dropped once decided. */
  messageTimes: string[] | undefined = undefined;

  constructor(
    readonly event: Started,
    readonly type: SessionTypeInfo,
    readonly variant: Variant,
  ) {}

  /** Same attributes as another `started` for this id: a redelivery, not a conflict. */
  sameStart(other: Started): boolean {
    const a = this.event;
    return (
      a.at === other.at &&
      a.channel === other.channel &&
      a.sessionType === other.sessionType &&
      a.queue === other.queue &&
      a.menuPath === other.menuPath &&
      a.phoneNumber === other.phoneNumber &&
      a.language === other.language &&
      a.endUser === other.endUser
    );
  }
}
