import type { ResolvedRecords } from "../../compiler/model/resolved-policy.js";
import { named, records, type Invariant } from "../property.js";

type Mode = "none" | "all" | "min";

const modeOf = (chats: ResolvedRecords["chats"]): Mode => (typeof chats.abandoned === "string" ? chats.abandoned : "min");

const titles: Record<Mode, string> = {
  none: "abandoned chats `none`: no record for a chat that never connected",
  all: "abandoned chats `all`: every abandoned chat gets a record",
  min: "abandoned chats `{minConsumerMessages: M}`: a record for an abandoned chat exactly when it has M consumer messages",
};

/** One invariant per setting of `records.chats.abandoned`. */
function abandonedChats(mode: Mode): Invariant {
  return {
    id: `abandoned-chats-${mode}`,
    title: titles[mode],
    rule: "docs/domain.md: `records for abandoned chats`: disabled / all / at least M consumer messages",
    applies: (variants) => variants.some((v) => modeOf(v.records.chats) === mode),
    session(run) {
      const { chats } = run.settings.records;
      if (run.start.channel !== "chat" || modeOf(chats) !== mode || !run.facts.ended || run.facts.connected) return undefined;
      const got = records(run).length > 0;
      const count = run.facts.consumerMessages;
      if (mode === "none" && got) return `${named(run)} never connected, yet got a record`;
      if (mode === "all" && !got) return `${named(run)} was abandoned and got no record`;
      if (typeof chats.abandoned === "object") {
        const m = chats.abandoned.minConsumerMessages;
        if (got && count < m) return `${named(run)} was abandoned with ${count} consumer messages, below ${m}, yet got a record`;
        if (!got && count >= m) return `${named(run)} was abandoned with ${count} consumer messages (at least ${m}) and got no record`;
      }
      return undefined;
    },
  };
}

export const abandonedChatsInvariants: readonly Invariant[] = [abandonedChats("none"), abandonedChats("all"), abandonedChats("min")];
