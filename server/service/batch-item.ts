import type { Decision } from "@crm-policy/runtime";

/** One item of a posted batch: a parsed JSON value, or why its line is not JSON. */
export type BatchItem = { line: number; value: unknown } | { line: number; problem: string };

/** What became of one event, in the response to its batch. */
export type EventOutcome =
  | { line: number; status: "decided"; seq: number; decision: Decision }
  | { line: number; status: "accepted" }
  | { line: number; status: "rejected"; reason: string };
