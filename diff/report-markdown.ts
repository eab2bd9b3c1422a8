import type { DiffReport, PolicyDiff } from "./diff-policies.js";
import { alsoChanged, count, groupLabel, headline, onlyCosmetic, overrideLine, sessionsOf, settingLine, summary } from "./describe.js";
import type { TraceExample } from "./explore.js";
import type { Group } from "./groups.js";
import type { SessionsExample } from "./replay-log.js";

/**
 * For a pull-request comment or a job summary: per policy a short headline, the setting
 * changes, a table of the behavioural groups and each example in a collapsed `<details>` block.
 */
export function reportMarkdown(r: DiffReport): string {
  const lines = [`### crm-policy diff`, "", text(summary(r))];
  for (const p of r.policies) lines.push("", ...policy(p));
  return lines.join("\n") + "\n";
}

function policy(p: PolicyDiff): string[] {
  const out = [`#### ${text(headline(p))}`];
  if (p.status !== "changed" || p.settings === undefined) return out;
  const s = p.settings;
  const settings = [...s.base.map((c) => `- ${code(settingLine(c))}`)];
  for (const o of s.overrides) settings.push(`- ${code(overrideLine(o))}`, ...o.settings.map((c) => `  - ${code(settingLine(c))}`));
  if (settings.length > 0) out.push("", `Settings (${code(p.files.after ?? "")}):`, "", ...settings);
  if (s.cosmetic.length > 0) out.push("", `No behavioural change from: ${s.cosmetic.map(code).join(", ")}.`);
  if (onlyCosmetic(p) && p.behaviour === undefined && p.log === undefined) out.push("", "No behavioural change.");
  const groups = p.behaviour?.groups ?? [];
  if (groups.length > 0) {
    out.push("", "| # | what changed | sessions | also changed | traces |", "|---|---|---|---|---|");
    groups.forEach((g, i) => out.push(row(g, i + 1)));
    groups.forEach((g, i) => out.push("", ...traceDetails(g, i + 1)));
  }
  if (p.log !== undefined) {
    const l = p.log;
    out.push("", `Replayed ${code(l.events)}: ${count(l.differing)} of ${count(l.sessions)} sessions decide differently.`);
    if (l.groups.length > 0) {
      out.push("", "| # | what changed | sessions | also changed | count | session ids |", "|---|---|---|---|---|---|");
      l.groups.forEach((g, i) =>
        out.push(`${row(g, i + 1)} ${cell(g.example.sessionIds.join(", ") + (g.count > g.example.sessionIds.length ? ", …" : ""))} |`),
      );
    }
  }
  return out;
}

function row(g: Group<unknown>, n: number): string {
  return `| ${n} | ${cell(groupLabel(g))} | ${cell(sessionsOf(g))} | ${cell(alsoChanged(g) || "–")} | ${count(g.count)} |`;
}

function traceDetails(g: Group<TraceExample>, n: number): string[] {
  const e = g.example;
  const replay = `crm-policy simulate --policy FILE${e.records.length > 0 ? " --records records.jsonl" : ""} --events events.jsonl`;
  return [
    `<details><summary>${n}. example: session ${html(e.sessionId)}, ${e.events.length} events</summary>`,
    "",
    ...(e.records.length > 0 ? ["records.jsonl:", "", "```json", ...e.records.map((x) => JSON.stringify(x)), "```", ""] : []),
    `events.jsonl (${code(replay)}):`,
    "",
    "```json",
    ...e.events.map((x) => JSON.stringify(x)),
    "```",
    "",
    "the session's decision line before, then after (`pending`: none yet):",
    "",
    "```json",
    e.before === null ? "pending" : JSON.stringify(e.before),
    e.after === null ? "pending" : JSON.stringify(e.after),
    "```",
    "",
    "</details>",
  ];
}

/** Text in a table cell: pipes and line breaks would end it. */
function cell(s: string): string {
  return text(s).replace(/\|/g, "\\|");
}

/** Plain text: no HTML or Markdown from a policy's names, conditions or paths gets rendered. */
function text(s: string): string {
  return html(s)
    .replace(/[\\`*_~[\]]/g, "\\$&")
    .replace(/\r?\n/g, " ");
}

function html(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** An inline code span that holds any backticks in the text. */
function code(s: string): string {
  const runs = s.match(/`+/g) ?? [];
  const fence = "`".repeat(Math.max(0, ...runs.map((r) => r.length)) + 1);
  const pad = s.startsWith("`") || s.endsWith("`") ? " " : "";
  return `${fence}${pad}${s.replace(/\r?\n/g, " ")}${pad}${fence}`;
}

export type { SessionsExample };
