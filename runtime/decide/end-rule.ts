import type { Settings } from "../../schemas/types/bundle.v1.js";
import { epochMs } from "../events/time.js";
import type { NoneReason } from "./record-decision.js";
import type { Session } from "./session.js";

/**
 * What a session with no decision gets when it ends at `at` (docs/semantics.md): a record
 * (trigger `ended`), or none for a reason: abandoned calls and chats, chats below the threshold.
 */
export function endRule(session: Session, settings: Settings, at: string): "record" | NoneReason {
  if (session.type.channel === "voice") return !session.connected && settings.createForAbandoned && !settings.delayUntilConnected ? "record" : "abandoned_call";
  if (session.connected) return "below_message_threshold";
  switch (settings.abandonedChats) {
    case "all":
      return "record";
    case "min":
      return session.consumerMessages >= settings.abandonedMinMessages ? "record" : "abandoned_chat_below_message_threshold";
    case "none": {
      const short = settings.shortAbandonSeconds !== null && epochMs(at) - epochMs(session.startedAt) <= settings.shortAbandonSeconds * 1000;
      return short ? "short_abandoned_chat" : "abandoned_chat";
    }
    default:
      return settings.abandonedChats satisfies never;
  }
}
