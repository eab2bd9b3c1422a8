import type { DiffReport, PolicyDiff } from "./diff-policies.js";
import type { Group } from "./groups.js";
import { showOutcome } from "./outcome.js";
import type { OverrideChange, SettingChange } from "./settings-diff.js";
import { showValue } from "./settings.js";

/** Words the human and Markdown reports share: headlines, group labels, setting lines. */

export const count = (n: number): string => n.toLocaleString("en-US");
const plural = (n: number, one: string, many: string): string => `${count(n)} ${n === 1 ? one : many}`;

/** `acme-support: 3 kinds of session decide differently (1,234 of 72,360 traces)`. */
export function headline(p: PolicyDiff): string {
  switch (p.status) {
    case "added":
      return `${p.name}: added (${p.files.after ?? ""})`;
    case "removed":
      return `${p.name}: removed (${p.files.before ?? ""})`;
    case "changed": {
      const l = p.log;
      if (l !== undefined) {
        if (l.groups.length === 0)
          return `${p.name}: no behavioural change: no decision changes on ${plural(l.sessions, "session", "sessions")} of ${l.events}`;
        return `${p.name}: ${plural(l.groups.length, "kind of session decides", "kinds of session decide")} differently (${count(l.differing)} of ${count(l.sessions)} sessions of ${l.events})`;
      }
      const b = p.behaviour;
      if (b === undefined) return `${p.name}: no behavioural change (both versions compile to the same policy)`;
      const total = b.enumerated.traces + b.sampled.runs;
      if (b.groups.length === 0) {
        const sampled = b.sampled.runs > 0 ? ` and ${plural(b.sampled.runs, "sampled trace", "sampled traces")} of several sessions` : "";
        return `${p.name}: no behavioural change: no decision changes on ${count(b.enumerated.traces)} traces up to ${b.enumerated.maxEvents} events${sampled}`;
      }
      return `${p.name}: ${plural(b.groups.length, "kind of session decides", "kinds of session decide")} differently (${count(b.differing)} of ${count(total)} traces)`;
    }
  }
}

/** The first line of the report: what was compared, and the tally. */
export function summary(r: DiffReport): string {
  const n = (status: PolicyDiff["status"]) => r.policies.filter((p) => p.status === status).length;
  return `${r.before} → ${r.after}: ${count(n("changed"))} changed, ${count(n("added"))} added, ${count(n("removed"))} removed, ${count(r.unchanged)} unchanged`;
}

/** `calls matching override 3` or `chats matching no override, or overrides none → 4`. */
export function sessionsOf(g: Pick<Group<unknown>, "channel" | "matches">): string {
  const list = (m: number[]) => (m.length === 0 ? "none" : m.join(", "));
  const one = ({ before, after }: { before: number[]; after: number[] }) => {
    if (before.join(",") !== after.join(",")) return `overrides ${list(before)} → ${list(after)}`;
    return before.length === 0 ? "no override" : `override${before.length === 1 ? "" : "s"} ${list(before)}`;
  };
  return `${g.channel === "voice" ? "calls" : "chats"} matching ${g.matches.map(one).join(", or ")}`;
}

/** `calls: the record waits until the call is connected: create (connected) → create (assigned)`. */
export function groupLabel(g: Group<unknown>): string {
  return `${g.rules.join("; ")}: ${showOutcome(g.before)} → ${showOutcome(g.after)}`;
}

/** The parts of the decision that changed besides the decision itself. */
export function alsoChanged(g: Group<unknown>): string {
  return g.aspects.filter((a) => a !== "decision").join(", ");
}

export function settingLine(c: SettingChange): string {
  return `${c.path}: ${showValue(c.before)} → ${showValue(c.after)}`;
}

/** `override 4 added: when queue == "VIP"`. */
export function overrideLine(o: OverrideChange): string {
  switch (o.change) {
    case "added":
      return `override ${o.after?.index ?? "?"} added: when ${o.after?.when ?? ""}`;
    case "removed":
      return `override ${o.before?.index ?? "?"} removed: when ${o.before?.when ?? ""}`;
    case "moved":
      return `override ${o.before?.index ?? "?"} moved to ${o.after?.index ?? "?"}: when ${o.after?.when ?? ""}`;
    case "changed": {
      const when = o.before?.when === o.after?.when ? `when ${o.after?.when ?? ""}` : `when ${o.before?.when ?? ""} → when ${o.after?.when ?? ""}`;
      const place = o.before?.index === o.after?.index ? `${o.after?.index ?? "?"}` : `${o.before?.index ?? "?"} (now ${o.after?.index ?? "?"})`;
      return `override ${place} changed: ${when}`;
    }
  }
}

/** Whether the settings diff holds only changes no session can see. */
export function onlyCosmetic(p: PolicyDiff): boolean {
  return p.settings !== undefined && p.settings.base.length === 0 && p.settings.overrides.length === 0;
}
