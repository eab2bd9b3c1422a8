import type { DiffReport, PolicyDiff } from "./diff-policies.js";
import { alsoChanged, count, groupLabel, headline, onlyCosmetic, overrideLine, sessionsOf, settingLine, summary } from "./describe.js";
import type { TraceExample } from "./explore.js";
import type { Group } from "./groups.js";
import type { SessionsExample } from "./replay-log.js";

/**
 * The terminal report: a summary line, then per added, removed or changed policy its headline,
 * its setting changes and each behavioural group with its example as lines `simulate` replays.
 */
export function reportHuman(r: DiffReport): string {
  const lines = [summary(r)];
  for (const p of r.policies) lines.push("", ...policy(p));
  return lines.join("\n") + "\n";
}

function policy(p: PolicyDiff): string[] {
  const out = [headline(p)];
  if (p.status !== "changed" || p.settings === undefined) return out;
  out.push(`  files: ${p.files.before ?? ""} → ${p.files.after ?? ""}`);
  const s = p.settings;
  if (s.base.length + s.overrides.length > 0) out.push("  settings:");
  out.push(...s.base.map((c) => `    ${settingLine(c)}`));
  for (const o of s.overrides) out.push(`    ${overrideLine(o)}`, ...o.settings.map((c) => `      ${settingLine(c)}`));
  if (s.cosmetic.length > 0) out.push(`  no behavioural change from: ${s.cosmetic.join(", ")}`);
  if (onlyCosmetic(p) && p.behaviour === undefined && p.log === undefined) out.push("  no behavioural change");
  if (p.behaviour !== undefined) p.behaviour.groups.forEach((g, i) => out.push(...traceGroup(g, i + 1)));
  if (p.log !== undefined) {
    const l = p.log;
    out.push(
      `  replayed ${l.events}${l.records === undefined ? "" : ` with ${l.records}`}: ${count(l.differing)} of ${count(l.sessions)} sessions decide differently (${count(l.lines)} lines, ${count(l.rejected)} rejected by both versions)`,
    );
    l.groups.forEach((g, i) => out.push(...logGroup(g, i + 1)));
  }
  return out;
}

function groupHead(g: Group<unknown>, n: number, unit: string): string[] {
  const also = alsoChanged(g);
  return [`  ${n}. ${groupLabel(g)}`, `     ${sessionsOf(g)}${also === "" ? "" : `; also changed: ${also}`}; ${count(g.count)} ${unit}`];
}

function traceGroup(g: Group<TraceExample>, n: number): string[] {
  const e = g.example;
  return [
    ...groupHead(g, n, g.count === 1 ? "trace" : "traces"),
    `     example: session ${e.sessionId}, ${e.events.length} events${e.records.length > 0 ? `, ${e.records.length} existing records (--records)` : ""}`,
    ...e.records.map((rec) => `       record ${JSON.stringify(rec)}`),
    ...e.events.map((ev) => `       ${JSON.stringify(ev)}`),
    `     before: ${e.before === null ? "pending (no decision)" : JSON.stringify(e.before)}`,
    `     after:  ${e.after === null ? "pending (no decision)" : JSON.stringify(e.after)}`,
  ];
}

function logGroup(g: Group<SessionsExample>, n: number): string[] {
  const e = g.example;
  const more = g.count - e.sessionIds.length;
  return [
    ...groupHead(g, n, g.count === 1 ? "session" : "sessions"),
    `     sessions: ${e.sessionIds.join(", ")}${more > 0 ? ` and ${count(more)} more` : ""}`,
    `     before: ${e.before === null ? "pending (no decision)" : JSON.stringify(e.before)}`,
    `     after:  ${e.after === null ? "pending (no decision)" : JSON.stringify(e.after)}`,
  ];
}
