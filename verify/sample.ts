import fc from "fast-check";
import type { CrmRecord } from "../schemas/types/record.v1.js";
import type { SessionEvent, Started } from "../schemas/types/session-event.v1.js";
import { sessionAttributeReads } from "@crm-policy/runtime/toolchain";
import { defined, optionalAttributes, type Alphabet, type StartProfile } from "./alphabet.js";
import { otherQueue } from "./record-setups.js";
import type { PolicyUnderTest } from "./policy-under-test.js";
import { day, second, stamp, t0, type Trace } from "./trace.js";

/** Most sessions in one sampled trace. */
export const maxSessions = 4;

/** Values beside the policy's own: menu paths end users type (line breaks, control characters, markup, more than a title holds), a dialed number with a line break. */
const hostileValues: Partial<Record<string, readonly string[]>> = {
  menuPath: ["Support > Billing", "a\nb\tc\u0007d\u2028e", "<b>&amp;", "m".repeat(300), "ü🙂"],
  phoneNumber: ["+4930123456\n"],
};

type Kind = "assigned" | "connected" | "consumer" | "agent" | "ended" | "repeat";

interface Step {
  kind: Kind | "status";
  session: number;
  /** Seconds since the step before. */
  gap: number;
  record: number;
  status: string;
}

/**
 * Interleaved sessions of the policy's own starts, over existing records of the same end users
 * and queues, with redeliveries, missing and late steps, and status changes made in the CRM.
 * Gaps include the thresholds' boundaries (short abandon, closed within D days).
 */
export function traceArbitrary(policy: PolicyUnderTest, alphabet: Alphabet): fc.Arbitrary<Trace> {
  const crm = policy.compiled.crm;
  const statuses = [...new Set([crm.newStatus, crm.reopenStatus, ...crm.closedStatuses, ...crm.neverUpdated, "Working"])];
  const thresholds = alphabet.variants.flatMap((v) => (v.records.chats.shortAbandonSeconds === null ? [] : [v.records.chats.shortAbandonSeconds]));
  const windows = alphabet.variants.flatMap((v) => (v.records.append.closedWithinDays === null ? [] : [v.records.append.closedWithinDays * 86_400]));
  const gapArb = fc.oneof(
    { weight: 6, arbitrary: fc.nat(3) },
    { weight: 1, arbitrary: fc.constantFrom(10, ...thresholds, ...thresholds.map((s) => s + 1), ...windows, ...windows.map((w) => w + 1)) },
  );
  const users = ["u1", "u2", undefined];
  const startArb: fc.Arbitrary<StartProfile> = fc.oneof(
    { weight: 2, arbitrary: fc.constantFrom(...alphabet.profiles) },
    {
      weight: 1,
      arbitrary: fc.constantFrom("voice" as const, "chat" as const).chain((channel) =>
        fc
          .record({
            sessionType: fc.constantFrom(
              ...alphabet.pools.sessionType[channel],
              channel === "voice" ? "Voice Brand New (Beta)" : "Messaging Inbound (Carrier Pigeon)",
            ),
            queue: fc.constantFrom(...alphabet.pools.queue),
            ...Object.fromEntries(
              optionalAttributes.map((name) => [
                sessionAttributeReads[name].field,
                fc.constantFrom(...(alphabet.pools.optional[name] ?? [undefined]), ...(hostileValues[name] ?? [])),
              ]),
            ),
            endUser: fc.constantFrom(...users),
          })
          .map(
            ({ sessionType, queue, ...optional }) =>
              ({ channel, sessionType, queue, ...defined(optional as Record<string, string | undefined>) }) as StartProfile,
          ),
      ),
    },
  );
  const recordArb = fc.record({
    endUser: fc.constantFrom("u1", "u2", null),
    queue: fc.constantFrom(...alphabet.pools.queue, otherQueue),
    status: fc.constantFrom(...statuses),
    createdAgo: fc.nat(20),
    closedAgo: fc.constantFrom(...windows.flatMap((w) => [w - 60, w, w + 1]), 3600, 40 * 86_400),
  });
  const stepArb: fc.Arbitrary<Step> = fc.record({
    kind: fc.oneof(
      { weight: 12, arbitrary: fc.constantFrom<Kind>("assigned", "connected", "consumer", "consumer", "agent", "ended", "repeat") },
      { weight: 1, arbitrary: fc.constant("status" as const) },
    ),
    session: fc.nat(maxSessions - 1),
    gap: gapArb,
    record: fc.nat(4),
    status: fc.constantFrom(...statuses),
  });
  return fc
    .record({
      starts: fc.array(startArb, { minLength: 1, maxLength: maxSessions }),
      records: fc.array(recordArb, { maxLength: 3 }),
      steps: fc.array(stepArb, { minLength: 1, maxLength: 24 }),
    })
    .map(({ starts, records, steps }) => build(starts, records, steps, crm.closedStatuses));
}

function build(
  starts: readonly StartProfile[],
  records: readonly { endUser: string | null; queue: string; status: string; createdAgo: number; closedAgo: number }[],
  steps: readonly Step[],
  closed: readonly string[],
): Trace {
  const existing: CrmRecord[] = records.map((r, i) => {
    const isClosed = closed.includes(r.status);
    return {
      recordId: `R${i + 1}`,
      endUser: r.endUser,
      queue: r.queue,
      status: r.status,
      createdAt: stamp(t0 - (isClosed ? r.closedAgo * second : 0) - (r.createdAgo + 1) * day),
      closedAt: isClosed ? stamp(t0 - r.closedAgo * second) : null,
    };
  });
  const events: SessionEvent[] = [];
  const started = new Set<number>();
  let now = t0;
  for (const step of steps) {
    now += step.gap * second;
    const at = stamp(now);
    if (step.kind === "status") {
      const recordId = step.record < existing.length ? `R${step.record + 1}` : `sim-${step.record - existing.length + 1}`;
      events.push({ type: "record.status", recordId, at, status: step.status });
      continue;
    }
    if (step.kind === "repeat") {
      const earlier = events[(step.session * 7 + step.gap) % Math.max(1, events.length)];
      if (earlier !== undefined) events.push(earlier);
      continue;
    }
    const index = step.session % starts.length;
    const sessionId = `s${index + 1}`;
    if (!started.has(index)) {
      started.add(index);
      const start: Started = { type: "started", sessionId, at, ...(starts[index] ?? { channel: "voice", sessionType: "Voice Outbound", queue: "Main" }) };
      events.push(start);
    }
    if (step.kind === "consumer" || step.kind === "agent") {
      // the runtime refuses messages on calls: such a step is a step left out
      if (starts[index]?.channel === "chat") events.push({ type: "message", sessionId, at, from: step.kind });
    } else events.push({ type: step.kind, sessionId, at });
  }
  return { records: existing, events };
}
