// An event type's names cannot break what is generated from them: a field named like a property
// every object inherits is refused by the catalog's schema, and a title that is already a
// hand-written schema definition is refused by the generator, with a message and no stack trace.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, expect, it } from "vitest";
import { projectRoot } from "../../compiler/project-files.js";
import { CatalogError, catalogFacts, schemasFor } from "../../scripts/gen-catalog.js";

type EventTypes = { eventTypes: { type: string; title: string; fields: { name: string; kind: string; required: boolean; description: string }[] }[] };

const copies: string[] = [];
afterEach(() => {
  for (const dir of copies.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A copy of catalog/ with its event types changed by `edit`. */
function catalogWith(edit: (events: EventTypes) => void): string {
  const dir = mkdtempSync(join(tmpdir(), "crm-policy-event-names-"));
  copies.push(dir);
  cpSync(join(projectRoot, "catalog"), dir, { recursive: true });
  const file = join(dir, "event-types.json");
  const events = JSON.parse(readFileSync(file, "utf8")) as EventTypes;
  edit(events);
  writeFileSync(file, JSON.stringify(events, null, 2));
  return dir;
}

const assigned = (events: EventTypes) => events.eventTypes.find((e) => e.type === "assigned")!;

it.each(["constructor", "toString", "valueOf", "hasOwnProperty"])("a field named `%s` is refused by the catalog's schema", (name) => {
  const dir = catalogWith((events) => assigned(events).fields.push({ name, kind: "string", required: false, description: "inherited by every object" }));
  expect(() => catalogFacts(dir)).toThrow(CatalogError);
  expect(() => catalogFacts(dir)).toThrow(/event-types/);
});

it.each([
  ["Time", "session-event.v1.schema.json"],
  ["Event", "policy-test.v1.schema.json"],
])("a title `%s` that would replace a hand-written definition of %s is refused", (title, file) => {
  const dir = catalogWith((events) => {
    assigned(events).title = title;
  });
  const facts = catalogFacts(dir);
  expect(() => schemasFor(facts, join(projectRoot, "schemas"))).toThrow(CatalogError);
  expect(() => schemasFor(facts, join(projectRoot, "schemas"))).toThrow(new RegExp(`hand-written definition .*${file.replace(/\./g, "\\.")}`));
});

it("the shipped catalog generates without a clash", () => {
  expect(() => schemasFor(catalogFacts(join(projectRoot, "catalog")), join(projectRoot, "schemas"))).not.toThrow();
});
