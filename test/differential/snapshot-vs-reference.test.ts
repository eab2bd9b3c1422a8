import fc from "fast-check";
import { it } from "vitest";
import { snapshotProperty, tracesPerCase } from "../snapshot/snapshot-property.js";

// Snapshot and restore at any point, and a new policy taken live there, against the
// reference's uninterrupted run (test/snapshot/snapshot-property.ts).
const cases = Number(process.env["CRM_POLICY_RUNS"] ?? 10_000);
const seed = process.env["CRM_POLICY_SEED"] === undefined ? undefined : Number(process.env["CRM_POLICY_SEED"]);

it(`snapshot, JSON text, restore at any cut (and a new policy there) decides exactly as the uninterrupted run (${cases} cases)`, () => {
  fc.assert(snapshotProperty, { numRuns: Math.ceil(cases / tracesPerCase), ...(seed === undefined ? {} : { seed }) });
}, 1_800_000);
