import { alphabetOf, type Alphabet, type StartProfile } from "../verify/alphabet.js";
import type { PolicyUnderTest } from "../verify/policy-under-test.js";
import { Replayer } from "../verify/replay.js";
import { SessionSettings } from "../verify/session-settings.js";
import type { Condition } from "../compiler/conditions/ast.js";
import { evaluateCondition, type SessionAttributes } from "@crm-policy/runtime/toolchain";

/** One side of a diff: the policy compiled and loaded as a service loads it, and its settings per session. */
export class Version {
  readonly settings: SessionSettings;
  constructor(readonly policy: PolicyUnderTest) {
    this.settings = new SessionSettings(policy);
  }

  /** A Decider for many traces, each with its own CRM (verify's replayer). */
  replayer(): Replayer {
    return new Replayer(this.policy, this.settings);
  }

  /** The overrides (1-based) whose condition holds for this start. */
  matches(start: SessionAttributes): number[] {
    const out: number[] = [];
    this.policy.overrides.forEach((o, i) => {
      if (evaluateCondition(o.compiled, start)) out.push(i + 1);
    });
    return out;
  }
}

/** Title variables a start may leave out; the diff fills them so that a title change shows. */
const filled = { menuPath: "Main Menu", language: "en", phoneNumber: "+15550100" } as const;

/**
 * The starts and values of both versions together: verify's alphabet over the conditions of
 * both (one start per class of starts that no condition of either version tells apart), with
 * the settings variants of both. `expect` entries are left out: they change no decision.
 * Optional attributes no condition reads are given a value, so every title variable shows.
 */
export function unionAlphabet(a: Version, b: Version): Alphabet {
  const both: PolicyUnderTest = { ...a.policy, overrides: [...a.policy.overrides, ...b.policy.overrides], expectations: [] };
  const alphabet = alphabetOf(both, a.settings);
  const read = new Set(both.overrides.flatMap((o) => attributesOf(o.ast)));
  const profiles = alphabet.profiles.map((p): StartProfile => {
    const out: StartProfile = { ...p };
    for (const name of ["menuPath", "language", "phoneNumber"] as const) if (out[name] === undefined && !read.has(name)) out[name] = filled[name];
    return out;
  });
  const variants = [...new Set([...a.settings.variants(profiles), ...b.settings.variants(profiles)])];
  return { ...alphabet, profiles, variants };
}

function attributesOf(c: Condition): string[] {
  switch (c.kind) {
    case "and":
    case "or":
      return [...attributesOf(c.left), ...attributesOf(c.right)];
    case "not":
      return attributesOf(c.operand);
    case "comparison":
      return [...attributesOf(c.left), ...attributesOf(c.right)];
    case "attribute":
      return [c.name];
    default:
      return [];
  }
}
