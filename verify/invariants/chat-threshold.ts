import { named, records, type Invariant } from "../property.js";

/**
 * A connected chat gets its record once it has N consumer messages, never with fewer; with
 * N = 0 every connected chat gets one. Before its end, a chat gets a record only when connected.
 */
export const chatThreshold: Invariant = {
  id: "chat-threshold",
  title: "chats: a connected chat gets a record once it has `minConsumerMessages` consumer messages, never with fewer",
  rule: "docs/domain.md: `delay until N consumer messages`: due at the first moment the chat is connected **and** the consumer has sent at least N messages",
  applies: () => true,
  session(run) {
    if (run.start.channel !== "chat") return undefined;
    const n = run.settings.records.chats.minConsumerMessages;
    for (const { decision, facts } of run.decisions) {
      if (decision.decision === "none") continue;
      if (!facts.connected && decision.trigger !== "ended") return `${named(run)} got a record at \`${decision.trigger}\` before it was connected`;
      if (facts.connected && facts.consumerMessages < n) return `${named(run)} got a record with ${facts.consumerMessages} consumer messages, below the threshold of ${n}`;
    }
    if (!run.facts.ended || !run.facts.connected) return undefined;
    const got = records(run).length > 0;
    if (!got && run.facts.consumerMessages >= n) return `${named(run)} was connected with ${run.facts.consumerMessages} consumer messages (threshold ${n}) and got no record`;
    return undefined;
  },
};
