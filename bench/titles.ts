import Handlebars from "handlebars";
import { defaultCatalog } from "../compiler/model/catalog.js";
import type { CompiledPolicy } from "@crm-policy/runtime";
import { titleRenderer, type TitleInput } from "@crm-policy/runtime/toolchain";
import { handTitle, plain, utcSecond } from "./hand-written/title.js";
import { assertSameLines } from "./lines.js";
import { get, interleaved, timed } from "./measure.js";
import { benchTemplate } from "./policy.js";
import { Prng } from "./prng.js";
import { perSecond, times, type Row } from "./table.js";

const inputCount = 10_000;
const passes = 20;
const rounds = 7;

/** Session values as they come: catalog labels and odd type names, some control characters, times in several forms. */
function titleInputs(seed: number): TitleInput[] {
  const rng = new Prng(seed);
  const types = defaultCatalog().sessionTypes.map((t) => t.callType ?? t.name);
  const odd = ["Voice Brand New (Beta)", "Messaging\tInbound\n(Apple)", "Rückruf – Web\u0007"];
  const inputs: TitleInput[] = [];
  for (let i = 0; i < inputCount; i++) {
    const ms = Date.UTC(2026, 10, 20) + rng.int(86_400_000 * 30);
    const iso = new Date(ms).toISOString();
    const roll = rng.next();
    const startedAt = roll < 0.85 ? iso.slice(0, 19) + "Z" : roll < 0.95 ? iso : new Date(ms + 7_200_000).toISOString().slice(0, 19) + "+02:00";
    inputs.push({
      callType: rng.chance(0.02) ? rng.pick(odd) : rng.pick(types),
      sessionId: (rng.chance(0.01) ? "call\t" : "call-") + rng.int(1e9).toString(36) + "-" + i,
      menuPath: "Support > Billing",
      phoneNumber: "+14155550100",
      language: "en",
      startedAt,
    });
  }
  return inputs;
}

/** Row 2: the compiled title renderer vs hand-written concatenation vs a Handlebars template. */
export async function titleRows(policy: CompiledPolicy): Promise<Row[]> {
  const inputs = titleInputs(7);
  const runtime = titleRenderer(policy);
  const template = Handlebars.compile<Record<string, string>>(benchTemplate, { noEscape: true });
  const cut = (text: string) => (text.length <= 255 ? text : Array.from(text).slice(0, 255).join(""));
  const handlebars = (i: TitleInput) => cut(template({ CALL_TYPE: plain(i.callType), CALL_ID: plain(i.sessionId), TIMESTAMP: utcSecond(i.startedAt) }));
  const concat = (i: TitleInput) => handTitle(i.callType, i.sessionId, i.startedAt);

  const byRuntime = inputs.map(runtime);
  assertSameLines("title: concatenation vs runtime", byRuntime, inputs.map(concat));
  assertSameLines("title: Handlebars vs runtime", byRuntime, inputs.map(handlebars));

  let sink = 0;
  const round = (render: (i: TitleInput) => string) => () =>
    timed(() => {
      for (let p = 0; p < passes; p++) for (const input of inputs) sink += render(input).length;
    });
  const medians = await interleaved(rounds, [
    { name: "runtime", round: round(runtime) },
    { name: "concat", round: round(concat) },
    { name: "handlebars", round: round(handlebars) },
  ]);
  if (sink === 0) throw new Error("no titles rendered");
  const count = inputs.length * passes;
  const vsConcat = get(medians, "runtime") / get(medians, "concat");
  const vsHandlebars = get(medians, "handlebars") / get(medians, "runtime");
  const value = perSecond(count, get(medians, "runtime"), "titles");
  return [
    {
      measure: "title rendering (baseline: hand-written concatenation; ratio: runtime time ÷ concatenation time)",
      value,
      baseline: perSecond(count, get(medians, "concat"), "titles"),
      ratio: times(vsConcat),
      target: "≤ 2.00x",
      met: vsConcat <= 2,
    },
    {
      measure: "title rendering vs Handlebars compiled template (ratio: speed-up)",
      value,
      baseline: perSecond(count, get(medians, "handlebars"), "titles"),
      ratio: times(vsHandlebars),
      target: "≥ 10x",
      met: vsHandlebars >= 10,
    },
  ];
}
