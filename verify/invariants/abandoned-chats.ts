import type { ResolvedRecords } from "../../compiler/model/resolved-policy.js";
import { domain, named, records, type Invariant, type Quote } from "../property.js";

type Mode = "none" | "all" | "min";

const modeOf = (chats: ResolvedRecords["chats"]): Mode => (typeof chats.abandoned === "string" ? chats.abandoned : "min");

const titles: Record<Mode, string> = {
  none: "abandoned chats `none`: no record for a chat that never connected",
  all: "abandoned chats `all`: every abandoned chat gets a record, at its `ended`",
  min: "abandoned chats `{minConsumerMessages: M}`: a record for an abandoned chat exactly when it has M consumer messages",
};

const quotes: Record<Mode, Quote> = {
  none: domain("disabled: no record for abandoned or short-abandoned chats;"),
  all: domain("all: every abandoned chat, short-abandoned ones included, gets a record when it ends;"),
  min: domain("at least M consumer messages: only abandoned chats with ≥ M consumer messages."),
};

/** One invariant per setting of `records.chats.abandoned`. */
function abandonedChats(mode: Mode): Invariant {
  return {
    id: `abandoned-chats-${mode}`,
    title: titles[mode],
    quotes: [quotes[mode]],
    applies: (variants) => variants.some((v) => modeOf(v.records.chats) === mode),
    session(run) {
      const { chats } = run.settings.records;
      if (run.start.channel !== "chat" || modeOf(chats) !== mode) return undefined;
      // a record decided while the chat was not connected is an abandoned chat's record
      for (const d of records(run)) {
        if (d.facts.connected) continue;
        if (mode === "none") return `${named(run)} got a record at \`${d.decision.decision !== "none" ? d.decision.trigger : ""}\` without being connected`;
        if (typeof chats.abandoned === "object" && d.facts.consumerMessages < chats.abandoned.minConsumerMessages)
          return `${named(run)} got a record for an abandoned chat with ${d.facts.consumerMessages} consumer messages, below ${chats.abandoned.minConsumerMessages}`;
      }
      const ended = run.index.ended;
      if (!run.facts.ended || run.facts.connected) return undefined;
      const got = records(run).length > 0;
      const count = run.facts.consumerMessages;
      if (mode === "all" && !records(run).some((d) => d.event === ended))
        return got ? `${named(run)} was abandoned and got its record before its \`ended\`` : `${named(run)} was abandoned and got no record`;
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
