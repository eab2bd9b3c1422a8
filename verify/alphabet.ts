import type { Condition } from "../compiler/conditions/ast.js";
import { isOutcomeAttribute } from "../compiler/conditions/attributes.js";
import { lowerCondition } from "../compiler/conditions/lower-condition.js";
import { printCondition } from "../compiler/conditions/print-condition.js";
import type { ResolvedPolicy } from "../compiler/model/resolved-policy.js";
import { conditionAttributes, evaluateCondition, sessionAttributeReads } from "@crm-policy/runtime/toolchain";
import type { CompiledCondition } from "@crm-policy/runtime/toolchain";
import type { Started } from "../schemas/types/session-event.v1.js";
import { literalsOf } from "./literals.js";
import { classRepresentatives, type ClassedAttribute } from "./value-classes.js";
import type { PolicyUnderTest } from "./policy-under-test.js";
import type { SessionSettings } from "./session-settings.js";

/** A session's `started` attributes, without id and time. */
export type StartProfile = Omit<Started, "type" | "sessionId" | "at">;

/** The values traces are made of, all taken from the policy. */
export interface Alphabet {
  /**
   * One start for each class of starts that the policy's conditions cannot tell apart, when
   * there are at most the limit of them (`complete`); otherwise a start for each class of each
   * attribute's values, the others held at their first class.
   */
  profiles: StartProfile[];
  /** Whether `profiles` holds a start of every class. */
  complete: boolean;
  /** How many classes of starts there are (at most: the classes of each attribute's values combined). */
  starts: number;
  /** Every value of each attribute: the conditions' literals, the catalog's types, one value matching nothing. */
  pools: {
    queue: string[];
    sessionType: Record<"voice" | "chat", string[]>;
    /** Each of `optionalAttributes`: absent, or a value a condition names. */
    optional: Record<string, (string | undefined)[]>;
  };
  /** The settings sessions run under, one per distinct set of matching overrides among the profiles. */
  variants: ResolvedPolicy[];
}

/**
 * The text attributes a start may leave out (menu path, language, dialed number: whatever
 * catalog/condition-attributes.json lists as read from a field not every `started` has).
 */
export const optionalAttributes: readonly ClassedAttribute[] = conditionAttributes.filter((a): a is ClassedAttribute => {
  const { reads, required } = sessionAttributeReads[a];
  return reads === "value" && !required;
});

/** A queue no condition names (unless one names this very text: then it is one more literal). */
export const defaultQueue = "Main";

/** Classes of starts combined, at most, when no limit is given: what enumeration within its default limit can take. */
export const defaultStartLimit = 1_500;

export function alphabetOf(policy: PolicyUnderTest, settings: SessionSettings, startLimit = defaultStartLimit): Alphabet {
  const conditions = [
    ...policy.overrides.map((o) => o.ast),
    ...policy.expectations.flatMap((e) => [...(e.for === undefined ? [] : [e.for.ast]), e.always.ast]),
  ];
  const literals = literalsOf(conditions);
  const typed = (channel: "voice" | "chat") => {
    const catalog = policy.catalog.sessionTypes.filter((t) => t.channel === channel).map((t) => t.name);
    const named = (literals.get("sessionType") ?? []).filter(
      (n) => !policy.catalog.sessionTypes.some((t) => t.name === n) && guessChannel(n) !== (channel === "voice" ? "chat" : "voice"),
    );
    return [...catalog, ...named];
  };
  const pools: Alphabet["pools"] = {
    queue: unique([defaultQueue, ...(literals.get("queue") ?? [])]),
    sessionType: { voice: typed("voice"), chat: typed("chat") },
    optional: Object.fromEntries(optionalAttributes.map((name) => [name, [undefined, ...(literals.get(name) ?? [])]])),
  };
  const atoms = [...new Map(conditions.flatMap(sessionAtoms).map((atom) => [printCondition(atom), atom])).values()].map((atom) => lowerCondition(atom));
  const { profiles, complete, starts } = representatives(pools, atoms, startLimit);
  return { profiles, complete, starts, pools, variants: settings.variants(profiles) };
}

const channelsOf = ["voice", "chat"] as const;
const endUsers = ["u1", undefined] as const;

/**
 * Starts made of one value of each class of each attribute's values (value-classes.ts). Their
 * combinations, when at most `limit`: every start of the pools then has the signature of one of
 * them (channel, anonymity, the value of every atom), as each attribute's class decides the atoms
 * that read it; one start is kept per signature. Beyond the limit, each class of each attribute
 * once: sampling starts from these and still meets every literal's class.
 */
function representatives(
  pools: Alphabet["pools"],
  atoms: readonly CompiledCondition[],
  limit: number,
): { profiles: StartProfile[]; complete: boolean; starts: number } {
  const classes = {
    queue: classRepresentatives("queue", pools.queue, atoms),
    sessionType: {
      voice: classRepresentatives("sessionType", pools.sessionType.voice, atoms),
      chat: classRepresentatives("sessionType", pools.sessionType.chat, atoms),
    },
    optional: optionalAttributes.map((name) => classRepresentatives(name, pools.optional[name] ?? [undefined], atoms)),
  };
  const rest = classes.optional.reduce((product, values) => product * values.length, classes.queue.length);
  const starts = channelsOf.reduce((sum, channel) => sum + endUsers.length * classes.sessionType[channel].length * rest, 0);
  const seen = new Set<string>();
  const profiles: StartProfile[] = [];
  const keep = (start: StartProfile) => {
    const key = start.channel + (start.endUser === undefined ? "a" : "u") + atoms.map((a) => (evaluateCondition(a, start) ? "1" : "0")).join("");
    if (seen.has(key)) return;
    seen.add(key);
    profiles.push(start);
  };
  const make = (
    channel: "voice" | "chat",
    endUser: string | undefined,
    queue: string,
    sessionType: string,
    optional: readonly (string | undefined)[],
  ): StartProfile => {
    const start: StartProfile = { channel, sessionType, queue, ...defined({ endUser }) };
    optionalAttributes.forEach((name, i) => {
      const value = optional[i];
      if (value !== undefined) (start as Record<string, unknown>)[sessionAttributeReads[name].field] = value;
    });
    return start;
  };
  /** Every choice of one value per optional attribute. */
  const combinations = (i: number): (string | undefined)[][] => {
    const values = classes.optional[i];
    if (values === undefined) return [[]];
    const tails = combinations(i + 1);
    return values.flatMap((value) => tails.map((tail) => [value, ...tail]));
  };
  const complete = starts <= limit;
  const firsts = classes.optional.map((values) => values[0]);
  for (const channel of channelsOf)
    for (const endUser of endUsers) {
      if (!complete) {
        const [queue = defaultQueue] = classes.queue;
        const [sessionType = ""] = classes.sessionType[channel];
        for (const q of classes.queue) keep(make(channel, endUser, q, sessionType, firsts));
        for (const t of classes.sessionType[channel]) keep(make(channel, endUser, queue, t, firsts));
        classes.optional.forEach((values, i) => {
          for (const value of values)
            keep(
              make(
                channel,
                endUser,
                queue,
                sessionType,
                firsts.map((first, j) => (j === i ? value : first)),
              ),
            );
        });
        continue;
      }
      const optional = combinations(0);
      for (const queue of classes.queue)
        for (const sessionType of classes.sessionType[channel]) for (const values of optional) keep(make(channel, endUser, queue, sessionType, values));
    }
  return { profiles, complete, starts };
}

/** The comparisons and bare attributes of a condition that read the session only. */
function sessionAtoms(c: Condition): Condition[] {
  switch (c.kind) {
    case "and":
    case "or":
      return [...sessionAtoms(c.left), ...sessionAtoms(c.right)];
    case "not":
      return sessionAtoms(c.operand);
    case "comparison":
      return [c.left, c.right].some((o) => o.kind === "attribute" && isOutcomeAttribute(o.name)) ? [] : [c];
    case "attribute":
      return isOutcomeAttribute(c.name) ? [] : [c];
    default:
      return [];
  }
}

/** A session type outside the catalog that a condition names: on which channel it most likely comes. */
function guessChannel(name: string): "voice" | "chat" | undefined {
  if (/^voice/i.test(name)) return "voice";
  if (/^messag|chat|sms|whatsapp/i.test(name)) return "chat";
  return undefined;
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

/** The fields whose value is not undefined (exactOptionalPropertyTypes: absent, not undefined). */
export function defined<T extends Record<string, string | undefined>>(fields: T): { [K in keyof T]?: string } {
  const out: { [K in keyof T]?: string } = {};
  for (const key of Object.keys(fields) as (keyof T)[]) {
    const value = fields[key];
    if (value !== undefined) out[key] = value;
  }
  return out;
}
