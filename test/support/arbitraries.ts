import fc from "fast-check";
import type { RecordCreationPolicy } from "../../schemas/types/policy.v1.js";
import type { CrmRecord } from "../../schemas/types/record.v1.js";
import { defaultCatalog } from "../../compiler/model/catalog.js";
import { titleVariables } from "../../compiler/template/variables.js";

const statuses = [
  "New",
  "Working",
  "Escalated",
  "Closed",
  "Closed - Duplicate",
  "Open",
  "new",
  "open",
  "pending",
  "hold",
  "solved",
  "closed",
  "Pending",
  "Resolved",
  "snoozed",
  "done",
];
const variables = titleVariables;
const literals = ["", " ", " via ", " - ", "[", "] ", "–", "&<b>'\"", "\\{{CALL_ID}}", "Case ", "ü🙂", "x".repeat(40)];
const zones = ["UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata", "Australia/Lord_Howe", "Pacific/Chatham"];

const templateArb = fc
  .array(
    fc.oneof(
      fc.constantFrom(...literals),
      fc.constantFrom(...variables).map((v) => `{{${v}}}`),
      // a backslash written before a variable: Handlebars drops one of two
      fc.constantFrom(...variables).map((v) => `\\\\{{${v}}}`),
    ),
    { maxLength: 8 },
  )
  .map((parts) => parts.join(""));

const recordsArb = fc.record(
  {
    append: fc.record({ toOpenRecord: fc.boolean(), closedWithinDays: fc.integer({ min: 1, max: 10 }) }, { requiredKeys: [] }),
    calls: fc.record({ delayUntilConnected: fc.boolean(), createForAbandoned: fc.boolean() }, { requiredKeys: [] }),
    chats: fc.record(
      {
        minConsumerMessages: fc.integer({ min: 0, max: 3 }),
        abandoned: fc.oneof(fc.constantFrom("none" as const, "all" as const), fc.record({ minConsumerMessages: fc.integer({ min: 1, max: 3 }) })),
        shortAbandonSeconds: fc.integer({ min: 1, max: 60 }),
      },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: [] },
);

const atoms = [
  'channel == "voice"',
  'channel != "chat"',
  'queue == "Q1"',
  'queue in ["Q1", "Q3"]',
  'queue not in ["Q2"]',
  'sessionType startsWith "Voice"',
  'sessionType endsWith "(SMS)"',
  'sessionType == "Messaging Inbound (Web Chat)"',
  'menuPath contains ">"',
  'menuPath matches "Support*"',
  'queue matches "Q?"',
  "anonymous",
  'language == "de"',
  'phoneNumber startsWith "+49"',
];

/** Override conditions over the attributes the generated traces use. */
export const conditionArb: fc.Arbitrary<string> = fc.letrec<{ condition: string }>((tie) => ({
  condition: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constantFrom(...atoms),
    tie("condition").map((c) => `not (${c})`),
    fc.tuple(tie("condition"), fc.constantFrom("and", "or"), tie("condition")).map(([a, op, b]) => `(${a}) ${op} (${b})`),
  ),
})).condition;

const overrideArb = fc.record(
  {
    when: conditionArb,
    records: recordsArb,
    title: fc.record({ template: templateArb, timeZone: fc.constantFrom(...zones) }, { requiredKeys: [] }),
    tags: fc.record({ sessionType: fc.boolean(), platform: fc.boolean() }, { requiredKeys: [] }),
  },
  { requiredKeys: ["when"] },
);

/** Valid policies: every setting, every CRM, with the combinations the validator rejects left out. */
export const policyArb: fc.Arbitrary<RecordCreationPolicy> = fc
  .record({
    system: fc.constantFrom("salesforce" as const, "zendesk" as const, "kustomer" as const, "freshdesk" as const),
    closedStatuses: fc.option(fc.uniqueArray(fc.constantFrom(...statuses), { minLength: 1, maxLength: 3 }), { nil: undefined }),
    reopenStatus: fc.option(fc.constantFrom("Open", "open", "Working", "pending"), { nil: undefined }),
    records: fc.option(recordsArb, { nil: undefined }),
    template: fc.option(templateArb, { nil: undefined }),
    timeZone: fc.option(fc.constantFrom(...zones), { nil: undefined }),
    tags: fc.option(fc.record({ sessionType: fc.boolean(), platform: fc.boolean() }, { requiredKeys: [] }), { nil: undefined }),
    overrides: fc.option(fc.array(overrideArb, { maxLength: 3 }), { nil: undefined }),
  })
  .map((g) => {
    const facts = defaultCatalog().crms[g.system];
    const closed = g.closedStatuses ?? facts.closedStatuses;
    const reopen = g.reopenStatus ?? facts.reopenStatus;
    const policy: RecordCreationPolicy = {
      apiVersion: "crm-policy/v1",
      kind: "RecordCreationPolicy",
      metadata: { name: "generated" },
      crm: {
        system: g.system,
        ...(g.closedStatuses === undefined ? {} : { closedStatuses: g.closedStatuses as [string, ...string[]] }),
        ...(closed.includes(reopen)
          ? { reopenStatus: ["Open", "open", "Working", "Reopened"].find((st) => !closed.includes(st)) ?? "Reopened" }
          : g.reopenStatus === undefined
            ? {}
            : { reopenStatus: g.reopenStatus }),
      },
    };
    if (g.records !== undefined) {
      const records = structuredClone(g.records);
      if (records.append?.closedWithinDays !== undefined && records.append.toOpenRecord !== true) delete records.append.closedWithinDays;
      policy.records = records;
    }
    if (g.template !== undefined || g.timeZone !== undefined)
      policy.title = { ...(g.template === undefined ? {} : { template: g.template }), ...(g.timeZone === undefined ? {} : { timeZone: g.timeZone }) };
    if (g.tags !== undefined && facts.tags) policy.tags = g.tags;
    if (g.overrides !== undefined) {
      const baseAppend = policy.records?.append?.toOpenRecord ?? false;
      policy.overrides = g.overrides.map((generated) => {
        const o = structuredClone(generated);
        const append = o.records?.append;
        if (append?.closedWithinDays !== undefined && (append.toOpenRecord ?? baseAppend) !== true) delete append.closedWithinDays;
        if (!facts.tags) delete o.tags;
        return o;
      });
    }
    return policy;
  });

const sessionTypes = [...defaultCatalog().sessionTypes.map((t) => t.name), "Voice Brand New (Beta)", "Messaging Inbound (Apple Messages for Business)"];
const menuPaths = ["Support > Billing", "a\nb\tc\u0007d", "<b>&amp;", "m".repeat(300), "ü🙂", ""];

const startArb = fc.record(
  {
    channel: fc.constantFrom("voice" as const, "chat" as const),
    sessionType: fc.constantFrom(...sessionTypes),
    queue: fc.constantFrom("Q1", "Q2"),
    endUser: fc.constantFrom("u1", "u2"),
    menuPath: fc.constantFrom(...menuPaths),
    phoneNumber: fc.constantFrom("+14155550100", "+4930123456"),
    language: fc.constantFrom("en", "de", "ko"),
  },
  { requiredKeys: ["channel", "sessionType", "queue"] },
);

type Step =
  | { kind: "started" | "assigned" | "connected" | "consumer" | "agent" | "ended" | "ghost"; session: number; gap: number }
  | { kind: "status"; record: number; status: string; gap: number }
  | { kind: "repeat"; index: number; gap: number; fresh: boolean; restyle: number };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 12,
    arbitrary: fc.record({
      kind: fc.constantFrom(
        "started" as const,
        "assigned" as const,
        "connected" as const,
        "consumer" as const,
        "consumer" as const,
        "agent" as const,
        "ended" as const,
      ),
      session: fc.nat(4),
      gap: fc.nat(40),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("ghost" as const), session: fc.nat(4), gap: fc.nat(5) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("status" as const), record: fc.nat(5), status: fc.constantFrom(...statuses), gap: fc.nat(5) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("repeat" as const), index: fc.nat(), gap: fc.nat(5), fresh: fc.boolean(), restyle: fc.nat(3) }) },
);

const recordArb = fc.record({
  endUser: fc.constantFrom("u1", "u2", null),
  queue: fc.constantFrom("Q1", "Q2"),
  status: fc.constantFrom(...statuses),
  createdDaysAgo: fc.integer({ min: 0, max: 20 }),
  closedDaysAgo: fc.option(fc.integer({ min: 0, max: 12 }), { nil: null }),
});

const t0 = Date.UTC(2026, 10, 20, 10, 0, 0);

function time(ms: number, style: number): string {
  const iso = new Date(ms).toISOString();
  if (style === 1) return iso; // with milliseconds
  if (style === 3) return iso.replace("T", "t").replace("Z", "z"); // RFC 3339 allows lower case
  if (style === 2) {
    const local = new Date(ms + 3_600_000).toISOString().slice(0, 19);
    return local + "+01:00";
  }
  return iso.slice(0, 19) + "Z";
}

/** Existing records and an event log: interleaved sessions, missing and repeated steps, CRM changes. */
export const traceArb = fc
  .record({
    sessions: fc.array(startArb, { minLength: 1, maxLength: 5 }),
    records: fc.array(recordArb, { maxLength: 6 }),
    steps: fc.array(stepArb, { minLength: 1, maxLength: 40 }),
    timeStyle: fc.nat(3),
    withIds: fc.boolean(),
  })
  .map(({ sessions, records, steps, timeStyle, withIds }) => {
    const existing: CrmRecord[] = records.map((r, i) => ({
      recordId: `R${i + 1}`,
      endUser: r.endUser,
      queue: r.queue,
      status: r.status,
      createdAt: time(t0 - r.createdDaysAgo * 86_400_000, 0),
      closedAt: r.closedDaysAgo === null ? null : time(t0 - r.closedDaysAgo * 86_400_000 - 3_600_000, 0),
    }));
    const events: Record<string, unknown>[] = [];
    let now = t0;
    let ids = 0;
    const stamped = (event: Record<string, unknown>): Record<string, unknown> => (withIds ? { ...event, eventId: `e${++ids}` } : event);
    for (const step of steps) {
      now += step.gap * 1000;
      const at = time(now, timeStyle);
      switch (step.kind) {
        case "repeat": {
          // Delivered again: the same id (or, with ids, sometimes a new event with the same
          // content: two messages in one second), the time perhaps written another way.
          const earlier = events[step.index % Math.max(1, events.length)];
          if (earlier === undefined) break;
          const again: Record<string, unknown> = { ...earlier, at: time(Date.parse(String(earlier["at"])), step.restyle) };
          if (withIds && step.fresh) again["eventId"] = `e${++ids}`;
          events.push(again);
          break;
        }
        case "status":
          events.push(
            stamped({
              type: "record.status",
              recordId: step.record < existing.length ? `R${step.record + 1}` : `sim-${step.record - existing.length + 1}`,
              at,
              status: step.status,
            }),
          );
          break;
        case "ghost":
          events.push(stamped({ type: "assigned", sessionId: "ghost", at }));
          break;
        default: {
          const index = step.session % sessions.length;
          const sessionId = `s${index + 1}`;
          if (step.kind === "started") events.push(stamped({ type: "started", sessionId, at, ...sessions[index] }));
          else if (step.kind === "consumer" || step.kind === "agent") events.push(stamped({ type: "message", sessionId, at, from: step.kind }));
          else events.push(stamped({ type: step.kind, sessionId, at }));
        }
      }
    }
    // Most sessions start before anything else happens to them.
    const starts = sessions.map((s, i) => stamped({ type: "started", sessionId: `s${i + 1}`, at: time(t0 - 60_000 + i * 1000, timeStyle), ...s }));
    return { records: existing, events: [...starts.filter((_, i) => i % 4 !== 3), ...events] };
  });
