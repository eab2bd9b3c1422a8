/**
 * The rule of docs/semantics.md (and of the settings pane it describes) that each setting
 * controls: what a behavioural group names when a change of that setting is why its sessions
 * decide differently. A test keeps one entry per setting of the schema.
 */
export interface Rule {
  /** What reviewers read: the sessions the rule is about and what it says. */
  name: string;
  /** The sessions it can touch. */
  channel: "voice" | "chat" | "both";
  /** The parts of a decision it can change. */
  touches: readonly Aspect[];
}

/**
 * The parts of a session's decision a diff compares: whether it gets a record and why
 * (`decision`: record, none or pending, with trigger or reason), when, which record (create, or
 * append to which; ids compared by what they point at), its status, title and tags.
 */
export type Aspect = "decision" | "time" | "record" | "status" | "title" | "tags";

export const rules: Readonly<Record<string, Rule>> = {
  "crm.system": {
    name: "the CRM system (statuses, title limit, tag form)",
    channel: "both",
    touches: ["decision", "time", "record", "status", "title", "tags"],
  },
  "crm.closedStatuses": { name: "which statuses count as closed (append to an open record)", channel: "both", touches: ["record", "status"] },
  "crm.reopenStatus": { name: "the status a reopened record gets", channel: "both", touches: ["status"] },
  "records.append.toOpenRecord": { name: "append to the latest open record in the same leaf queue", channel: "both", touches: ["record", "status"] },
  "records.append.closedWithinDays": { name: "append to a record closed within D days", channel: "both", touches: ["record", "status"] },
  "records.calls.delayUntilConnected": {
    name: "calls: the record waits until the call is connected",
    channel: "voice",
    touches: ["decision", "time", "record", "status"],
  },
  "records.calls.createForAbandoned": {
    name: "calls that never connect: records for abandoned calls",
    channel: "voice",
    touches: ["decision", "time", "record", "status"],
  },
  "records.chats.minConsumerMessages": {
    name: "chats: the record waits for N consumer messages",
    channel: "chat",
    touches: ["decision", "time", "record", "status"],
  },
  "records.chats.abandoned": {
    name: "chats that never connect: records for abandoned chats",
    channel: "chat",
    touches: ["decision", "time", "record", "status"],
  },
  "records.chats.shortAbandonSeconds": { name: "short-abandoned chats", channel: "chat", touches: ["decision"] },
  "title.template": { name: "the record title", channel: "both", touches: ["title"] },
  "title.timeZone": { name: "the record title's TIMESTAMP time zone", channel: "both", touches: ["title"] },
  "tags.sessionType": { name: "session type tags", channel: "both", touches: ["tags"] },
  "tags.platform": { name: "the platform tag", channel: "both", touches: ["tags"] },
};

/** The rule a setting controls (a setting the table does not know is named by its path). */
export function ruleOf(path: string): Rule {
  return rules[path] ?? { name: path, channel: "both", touches: ["decision", "time", "record", "status", "title", "tags"] };
}
