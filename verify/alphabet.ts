import type { Condition } from "../compiler/conditions/ast.js";
import { isOutcomeAttribute } from "../compiler/conditions/attributes.js";
import { lowerCondition } from "../compiler/conditions/lower-condition.js";
import { printCondition } from "../compiler/conditions/print-condition.js";
import type { ResolvedPolicy } from "../compiler/model/resolved-policy.js";
import { evaluateCondition } from "@crm-policy/runtime/toolchain";
import type { CompiledCondition } from "@crm-policy/runtime/toolchain";
import type { Started } from "../schemas/types/session-event.v1.js";
import { literalsOf } from "./literals.js";
import type { PolicyUnderTest } from "./policy-under-test.js";
import type { SessionSettings } from "./session-settings.js";

/** A session's `started` attributes, without id and time. */
export type StartProfile = Omit<Started, "type" | "sessionId" | "at">;

/** The values traces are made of, all taken from the policy. */
export interface Alphabet {
  /** One start for each class of starts that the policy's conditions cannot tell apart. */
  profiles: StartProfile[];
  /** Every value of each attribute: the conditions' literals, the catalog's types, one value matching nothing. */
  pools: {
    queue: string[];
    sessionType: Record<"voice" | "chat", string[]>;
    menuPath: (string | undefined)[];
    language: (string | undefined)[];
    phoneNumber: (string | undefined)[];
  };
  /** The settings sessions run under, one per distinct set of matching overrides. */
  variants: ResolvedPolicy[];
}

/** A queue no condition names (unless one names this very text: then it is one more literal). */
export const defaultQueue = "Main";

/** More values than this of one attribute are not combined with every value of the others. */
const poolLimit = 8;

export function alphabetOf(policy: PolicyUnderTest, settings: SessionSettings): Alphabet {
  const conditions = [...policy.overrides.map((o) => o.ast), ...policy.expectations.flatMap((e) => [...(e.for === undefined ? [] : [e.for.ast]), e.always.ast])];
  const literals = literalsOf(conditions);
  const typed = (channel: "voice" | "chat") => {
    const catalog = policy.catalog.sessionTypes.filter((t) => t.channel === channel).map((t) => t.name);
    const named = (literals.get("sessionType") ?? []).filter((n) => !policy.catalog.sessionTypes.some((t) => t.name === n) && guessChannel(n) !== (channel === "voice" ? "chat" : "voice"));
    return [...catalog, ...named];
  };
  const optional = (name: "menuPath" | "language" | "phoneNumber") => [undefined, ...(literals.get(name) ?? []).slice(0, poolLimit)];
  const pools: Alphabet["pools"] = {
    queue: unique([defaultQueue, ...(literals.get("queue") ?? [])]).slice(0, poolLimit + 1),
    sessionType: { voice: typed("voice"), chat: typed("chat") },
    menuPath: optional("menuPath"),
    language: optional("language"),
    phoneNumber: optional("phoneNumber"),
  };
  const atoms = [...new Map(conditions.flatMap(sessionAtoms).map((atom) => [printCondition(atom), atom])).values()].map((atom) => lowerCondition(atom));
  const profiles = representatives(pools, atoms);
  return { profiles, pools, variants: settings.variants(profiles) };
}

/** Every start the pools make, one kept per signature: channel, anonymity, and the value of every atom. */
function representatives(pools: Alphabet["pools"], atoms: readonly CompiledCondition[]): StartProfile[] {
  const seen = new Set<string>();
  const out: StartProfile[] = [];
  for (const channel of ["voice", "chat"] as const)
    for (const endUser of ["u1", undefined])
      for (const queue of pools.queue)
        for (const sessionType of pools.sessionType[channel])
          for (const menuPath of pools.menuPath)
            for (const language of pools.language)
              for (const phoneNumber of pools.phoneNumber) {
                const start: StartProfile = { channel, sessionType, queue, ...defined({ menuPath, language, phoneNumber, endUser }) };
                const key = channel + (endUser === undefined ? "a" : "u") + atoms.map((a) => (evaluateCondition(a, start) ? "1" : "0")).join("");
                if (seen.has(key)) continue;
                seen.add(key);
                out.push(start);
              }
  return out;
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
