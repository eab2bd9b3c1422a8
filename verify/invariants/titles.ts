import type { ResolvedPolicy } from "../../compiler/model/resolved-policy.js";
import type { SessionRun } from "../observe.js";
import { domain, named, type Invariant } from "../property.js";
import type { Run } from "../replay.js";
import { titleProblem } from "./title-shape.js";

/** Verdicts on titles already judged, per settings: enumeration makes the same title over and over. */
const judged = new WeakMap<ResolvedPolicy, Map<string, string | undefined>>();

function problemOf(title: unknown, run: SessionRun, all: Run): string | undefined {
  if (typeof title !== "string") return titleProblem(title, run, all.catalog);
  const { start } = run;
  const key = [title, run.callId, start.channel, start.sessionType, start.menuPath, start.phoneNumber, start.language, start.at].join("\u0000");
  let verdicts = judged.get(run.settings);
  if (verdicts === undefined) judged.set(run.settings, (verdicts = new Map()));
  if (verdicts.has(key)) return verdicts.get(key);
  const problem = titleProblem(title, run, all.catalog);
  if (verdicts.size >= 10_000) verdicts.clear();
  verdicts.set(key, problem);
  return problem;
}

/**
 * A created record's title is plain single-line text within the CRM's subject limit, made of the
 * template's own text and the session's values of the declared variables (title-shape.ts).
 */
export const titles: Invariant = {
  id: "titles",
  title: "titles: plain single-line text within the CRM's subject limit, made of the template's text and the session's values",
  quotes: [domain("a title is plain text, bounded by the CRM's subject limit (Salesforce Case Subject: 255 characters).")],
  applies: () => true,
  session(run, all) {
    for (const { decision } of run.decisions) {
      if (decision.decision !== "create") continue;
      const problem = problemOf(decision.title, run, all);
      if (problem !== undefined) return `${named(run)}: ${problem}`;
    }
    return undefined;
  },
};
