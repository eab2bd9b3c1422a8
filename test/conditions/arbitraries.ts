import fc from "fast-check";
import type { Comparison, ComparisonOperator, Condition, ListLiteral, Operand, ScalarLiteral } from "../../compiler/conditions/ast.js";
import { printLiteral } from "../../compiler/conditions/print-condition.js";
import { comparisonOperators, conditionAttributes, outcomeAttributes } from "../../runtime/conditions/compiled-condition.js";
import type { OutcomeValues, SessionAttributes } from "../../runtime/conditions/evaluate.js";
import { decisions, reasons, triggers } from "../../compiler/conditions/attributes.js";
import { defaultCatalog } from "../../compiler/model/catalog.js";

/** Property runs: CRM_POLICY_RUNS scales them, as in the differential tests. */
export const runs = (base: number) => Math.max(base, Number(process.env["CRM_POLICY_RUNS"] ?? 0));

const at = { start: 0, end: 0 };

/** Texts that sessions below also carry, so comparisons hold about as often as not. */
const queues = ["Billing", "Billing/EU", "Billing/EU/VIP", "Sales", "sales", ""];
const texts = [
  ...queues,
  "voice",
  "chat",
  "Voice Inbound (IVR)",
  "Messaging (WhatsApp)",
  "en",
  "de",
  "+4930123456",
  'a"b\\c\n\t',
  "ü🙂",
  "\u0007",
  "\ud800",
  "Billing > Invoices",
];
const patterns = ["*", "**", "", "Billing*", "*EU*", "Billing/*", "?ales", "*/EU/*", "B?lling/E?", "*a*a*", "ü?", "*🙂", "Voice * (*)"];

const stringArb: fc.Arbitrary<ScalarLiteral> = fc
  .oneof(fc.constantFrom(...texts, ...patterns), fc.string({ maxLength: 4 }))
  .map((value) => ({ kind: "string", value, ...at }));
const integerArb: fc.Arbitrary<ScalarLiteral> = fc
  .oneof(fc.integer({ min: -3, max: 3 }), fc.constantFrom(Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER))
  .map((value) => ({ kind: "integer", value: value === 0 ? 0 : value, ...at }));
const booleanArb: fc.Arbitrary<ScalarLiteral> = fc.boolean().map((value) => ({ kind: "boolean", value, ...at }));
const scalarArb = fc.oneof({ weight: 4, arbitrary: stringArb }, { weight: 1, arbitrary: integerArb }, { weight: 1, arbitrary: booleanArb });
const listArb = (item: fc.Arbitrary<ScalarLiteral>): fc.Arbitrary<ListLiteral> =>
  fc.array(item, { maxLength: 3 }).map((items) => ({ kind: "list", items, ...at }));

/** Every attribute a condition can name: the session's and (in an `expect`'s `always`) the outcome's. */
const knownAttributes = [...conditionAttributes, ...outcomeAttributes];

/** Known attributes only (lowering needs them), or any identifier too (for the parser and printer). */
const attributeArb = (unknown: boolean): fc.Arbitrary<Operand> =>
  (unknown
    ? fc.oneof(
        fc.constantFrom(...knownAttributes),
        fc.constantFrom("x", "Channel", "android", "order", "notes", "inbox", "trueish", "falsehood", "matches_", "in2", "_", "startsWithX"),
      )
    : fc.constantFrom(...knownAttributes)
  ).map((name) => ({ kind: "attribute", name, ...at }));

const operandArb = (unknown: boolean): fc.Arbitrary<Operand> =>
  fc.oneof({ weight: 3, arbitrary: attributeArb(unknown) }, { weight: 2, arbitrary: scalarArb }, { weight: 1, arbitrary: listArb(scalarArb) });

const comparison = (operator: ComparisonOperator, left: Operand, right: Operand): Comparison => ({
  kind: "comparison",
  operator,
  operatorStart: 0,
  operatorEnd: 0,
  left,
  right,
  ...at,
});

const stringOf = (values: readonly string[]): fc.Arbitrary<ScalarLiteral> => fc.constantFrom(...values).map((value) => ({ kind: "string", value, ...at }));
const countArb: fc.Arbitrary<ScalarLiteral> = fc.integer({ min: -1, max: 4 }).map((value) => ({ kind: "integer", value: value === 0 ? 0 : value, ...at }));
const orderings = ["<", "<=", ">", ">="] as const;
const booleanOutcomes = ["assigned", "connected", "abandoned", "shortAbandoned"] as const;

/** What an `expect`'s `always` says: the count ordered, the decision and its codes compared with their values, outcome booleans. */
const outcomeComparisonArb: fc.Arbitrary<Condition> = fc.oneof(
  fc.record({ op: fc.constantFrom(...orderings, "==", "!=" as const), value: countArb, flip: fc.boolean() }).map(({ op, value, flip }) => {
    const count: Operand = { kind: "attribute", name: "consumerMessages", ...at };
    return flip ? comparison(op, value, count) : comparison(op, count, value);
  }),
  fc
    .record({ name: fc.constantFrom("decision", "trigger", "reason"), op: fc.constantFrom("==", "!=", "in", "not in" as const), pick: fc.nat() })
    .chain(({ name, op, pick }) => {
      const values = name === "decision" ? decisions : name === "trigger" ? triggers : reasons;
      const value = stringOf([...values, "created"]);
      const attribute: Operand = { kind: "attribute", name, ...at };
      return (op === "in" || op === "not in" ? listArb(value) : value)
        .map((right) => comparison(op, attribute, right))
        .map((c) => (pick % 7 === 0 ? { ...c, left: c.right, right: c.left } : c));
    }),
  fc
    .record({ name: fc.constantFrom(...booleanOutcomes), op: fc.constantFrom("==", "!=" as const), value: booleanArb })
    .map(({ name, op, value }) => comparison(op, { kind: "attribute", name, ...at }, value)),
  fc.constantFrom(...booleanOutcomes).map((name): Condition => ({ kind: "attribute", name, ...at })),
  fc
    .record({ op: fc.constantFrom("==", "!=", "startsWith", "contains" as const), value: stringOf(["", "sim-1", "R1", "sim"]) })
    .map(({ op, value }) => comparison(op, { kind: "attribute", name: "appendedTo", ...at }, value)),
);

/**
 * Mostly comparisons an author would write (a string attribute with strings, `anonymous` with
 * booleans, outcome attributes with their values), some anything-goes.
 */
const comparisonArb = (unknown: boolean): fc.Arbitrary<Condition> =>
  fc.oneof(
    { weight: 3, arbitrary: outcomeComparisonArb },
    {
      weight: 4,
      arbitrary: fc
        .record({
          name: fc.constantFrom(...conditionAttributes.filter((a) => a !== "anonymous")),
          op: fc.constantFrom(...comparisonOperators),
          value: stringArb,
          list: listArb(stringArb),
        })
        .map(({ name, op, value, list }) => comparison(op, { kind: "attribute", name, ...at }, op === "in" || op === "not in" ? list : value)),
    },
    {
      weight: 1,
      arbitrary: fc
        .record({ op: fc.constantFrom("==", "!=", "in", "not in" as const), value: booleanArb, list: listArb(booleanArb) })
        .map(({ op, value, list }) => comparison(op, { kind: "attribute", name: "anonymous", ...at }, op === "in" || op === "not in" ? list : value)),
    },
    {
      weight: 2,
      arbitrary: fc
        .record({ op: fc.constantFrom(...comparisonOperators), left: operandArb(unknown), right: operandArb(unknown) })
        .map(({ op, left, right }) => comparison(op, left, right)),
    },
  );

/** Syntax trees with every span 0: what the printer, the lowering and the evaluators take. */
export const conditionArb = (options: { unknownAttributes?: boolean } = {}): fc.Arbitrary<Condition> => {
  const unknown = options.unknownAttributes ?? false;
  return fc.letrec<{ condition: Condition }>((tie) => ({
    condition: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      { weight: 5, arbitrary: comparisonArb(unknown) },
      { weight: 1, arbitrary: operandArb(unknown) as fc.Arbitrary<Condition> },
      { weight: 2, arbitrary: tie("condition").map((operand): Condition => ({ kind: "not", operand, ...at })) },
      {
        weight: 3,
        arbitrary: fc
          .record({ kind: fc.constantFrom("and" as const, "or" as const), left: tie("condition"), right: tie("condition") })
          .map(({ kind, left, right }): Condition => ({ kind, left, right, ...at })),
      },
    ),
  })).condition;
};

const sessionTypes = [...defaultCatalog().sessionTypes.map((t) => t.name), "Voice Brand New (Beta)"];

/** Outcomes as verify computes them: `trigger` is "" exactly when the decision is `none`, `reason` exactly when it is not. */
export const outcomeArb: fc.Arbitrary<OutcomeValues> = fc
  .record({
    decision: fc.constantFrom(...decisions),
    trigger: fc.constantFrom(...triggers.filter((t) => t !== "")),
    reason: fc.constantFrom(...reasons.filter((r) => r !== "")),
    assigned: fc.boolean(),
    connected: fc.boolean(),
    abandoned: fc.boolean(),
    shortAbandoned: fc.boolean(),
    consumerMessages: fc.nat(4),
    appendedTo: fc.constantFrom("R1", "sim-1"),
  })
  .map((o) => ({
    ...o,
    trigger: o.decision === "none" ? "" : o.trigger,
    reason: o.decision === "none" ? o.reason : "",
    appendedTo: o.decision === "append" ? o.appendedTo : "",
  }));

export const sessionArb: fc.Arbitrary<SessionAttributes> = fc.record(
  {
    channel: fc.constantFrom("voice", "chat"),
    sessionType: fc.constantFrom(...sessionTypes),
    queue: fc.constantFrom(...queues, "aaaa", "Billing/EU/VIP/aaab"),
    menuPath: fc.constantFrom("Support > Billing", "Billing > Invoices", "", "ü🙂", 'a"b\\c\n\t'),
    language: fc.constantFrom("en", "de", "ko"),
    phoneNumber: fc.constantFrom("+4930123456", "+14155550100"),
    endUser: fc.constantFrom("u1", "u2"),
  },
  { requiredKeys: ["channel", "sessionType", "queue"] },
);

/**
 * The same tree written another way: extra parentheses, any whitespace, strings with needless
 * escapes. `noise` drives the choices. Parses back to the tree, exactly once.
 */
export function renderLoosely(condition: Condition, noise: readonly number[]): string {
  let n = 0;
  const pick = (choices: number) => (noise.length === 0 ? 0 : (noise[n++ % noise.length] ?? 0) % choices);
  const space = () => [" ", " ", "  ", "\n", "\t", " \r\n "][pick(6)] ?? " ";
  const gap = () => (pick(3) === 0 ? "" : space());
  const string = (value: string) => {
    const plain = printLiteral({ kind: "string", value, ...at });
    if (pick(2) === 0) return plain;
    // every UTF-16 unit as \uXXXX: the same string, escaped as far as it goes
    let escaped = "";
    for (let i = 0; i < value.length; i++) {
      const hex = value.charCodeAt(i).toString(16).padStart(4, "0");
      escaped += "\\u" + (pick(2) === 0 ? hex : hex.toUpperCase());
    }
    return '"' + escaped + '"';
  };
  const operand = (o: Operand): string => {
    if (o.kind === "attribute") return o.name;
    if (o.kind === "string") return string(o.value);
    if (o.kind === "list") return "[" + gap() + o.items.map((i) => operand(i)).join(gap() + "," + gap()) + gap() + "]";
    return String(o.value);
  };
  const wrap = (c: Condition, needed: boolean): string => {
    const extra = pick(5) === 0;
    return needed || extra ? "(" + gap() + render(c) + gap() + ")" : render(c);
  };
  const render = (c: Condition): string => {
    switch (c.kind) {
      case "or":
        return wrap(c.left, false) + space() + "or" + space() + wrap(c.right, c.right.kind === "or");
      case "and":
        return wrap(c.left, c.left.kind === "or") + space() + "and" + space() + wrap(c.right, c.right.kind === "or" || c.right.kind === "and");
      case "not": {
        const inner = wrap(c.operand, c.operand.kind === "or" || c.operand.kind === "and");
        return "not" + (inner.startsWith("(") && pick(2) === 0 ? "" : space()) + inner;
      }
      case "comparison": {
        const op = c.operator === "not in" ? "not" + space() + "in" : c.operator;
        const word = /^[a-z]/i.test(op);
        return operand(c.left) + (word ? space() : gap()) + op + (word ? space() : gap()) + operand(c.right);
      }
      default:
        return operand(c);
    }
  };
  return gap() + render(condition) + gap();
}
