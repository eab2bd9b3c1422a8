import { domain, named, records, type Invariant } from "../property.js";

/**
 * A connected chat gets its record once it has N consumer messages, never with fewer; with
 * N = 0 every connected chat gets one, at its `connected`. Before its end, a chat gets a record
 * only when connected.
 */
export const chatThreshold: Invariant = {
  id: "chat-threshold",
  title: "chats: a connected chat gets a record once it has `minConsumerMessages` consumer messages, never with fewer",
  quotes: [
    domain("A connected chat that ends below N gets no record (that is the point: no empty records)."),
    domain("Default: due when the chat is assigned and then **connected**. A consumer who sends nothing leaves an empty record."),
  ],
  applies: () => true,
  session(run) {
    if (run.start.channel !== "chat") return undefined;
    const n = run.settings.records.chats.minConsumerMessages;
    for (const { decision, facts } of run.decisions) {
      if (decision.decision === "none") continue;
      if (!facts.connected && decision.trigger !== "ended") return `${named(run)} got a record at \`${decision.trigger}\` before it was connected`;
      if (facts.connected && facts.consumerMessages < n)
        return `${named(run)} got a record with ${facts.consumerMessages} consumer messages, below the threshold of ${n}`;
    }
    const connected = run.index.connected;
    if (n === 0 && connected !== undefined && !records(run).some((d) => d.event === connected))
      return `${named(run)} was connected at event ${connected + 1} with threshold 0, but got no record there`;
    if (!run.facts.ended || !run.facts.connected) return undefined;
    const got = records(run).length > 0;
    if (!got && run.facts.consumerMessages >= n)
      return `${named(run)} was connected with ${run.facts.consumerMessages} consumer messages (threshold ${n}) and got no record`;
    return undefined;
  },
};
