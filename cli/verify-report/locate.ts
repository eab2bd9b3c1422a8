import { parse } from "../../compiler/passes/parse.js";
import type { SourceFile } from "../../compiler/passes/parse.js";
import { segments } from "../../compiler/source/yaml-document.js";
import type { Property } from "../../verify/property.js";

/**
 * The setting each invariant speaks about (a JSON pointer into the policy): where a GitHub
 * annotation for its violation goes. A test keeps one entry per invariant.
 */
export const invariantSettings: Readonly<Record<string, string>> = {
  "one-decision": "/records",
  "connected-calls-only": "/records/calls/delayUntilConnected",
  "delay-until-connected": "/records/calls/delayUntilConnected",
  "abandoned-call-no-record": "/records/calls/createForAbandoned",
  "abandoned-call-record": "/records/calls/createForAbandoned",
  "chat-threshold": "/records/chats/minConsumerMessages",
  "abandoned-chats-none": "/records/chats/abandoned",
  "abandoned-chats-all": "/records/chats/abandoned",
  "abandoned-chats-min": "/records/chats/abandoned",
  appends: "/records/append",
  "appends-to-latest": "/records/append",
  titles: "/title/template",
  tags: "/tags",
};

export interface Place {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/**
 * Where a property's violation is annotated: an `expect` entry at its `name`; an invariant at
 * the setting it speaks about, or the nearest part of the policy that is written (a setting
 * left at its default is not in the file), or the policy's name.
 */
export function placeOf(source: SourceFile, property: Property, expectNames: readonly string[]): Place {
  const parsed = parse(source);
  const start = { file: source.file, line: 1, column: 1, endLine: 1, endColumn: 1 };
  if (!parsed.ok) return start;
  const { document } = parsed;
  const index = property.id.startsWith("expect:") ? expectNames.indexOf(property.id.slice("expect:".length)) : -1;
  let pointer = index >= 0 ? `/expect/${index}/name` : (invariantSettings[property.id] ?? "/metadata/name");
  while (pointer !== "" && !present(document.value, pointer)) pointer = pointer.slice(0, pointer.lastIndexOf("/"));
  if (pointer === "") pointer = "/metadata/name";
  const span = document.locate(pointer, index >= 0 ? "value" : "key");
  return { file: source.file, line: span.line, column: span.column, endLine: span.endLine, endColumn: span.endColumn };
}

function present(value: unknown, pointer: string): boolean {
  let v = value;
  for (const key of segments(pointer)) {
    if (typeof v !== "object" || v === null || !(key in v)) return false;
    v = (v as Record<string, unknown>)[key];
  }
  return true;
}
