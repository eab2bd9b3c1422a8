import type { ResolvedPolicy } from "../compiler/model/resolved-policy.js";
import type { Decision } from "../schemas/types/decision.v1.js";
import type { SeenDecision, SessionRun } from "./observe.js";
import type { Run } from "./replay.js";

/** Why a run breaks a property: the session it is about, in words. */
export interface Violation {
  sessionId?: string;
  message: string;
}

/** Something verify checks on every trace: an invariant of the engine, or one of the policy's `expect`s. */
export interface Property {
  /** Stable: `one-decision`, `appends`, `expect:<name>`. */
  id: string;
  /** What verify prints. */
  title: string;
  check(run: Run): Violation | undefined;
}

/** A sentence an invariant proves, quoted as written (a test keeps the quotes of docs/domain.md true to it). */
export interface Quote {
  source: "docs/domain.md" | "docs/semantics.md" | "README.md";
  text: string;
}

export const domain = (text: string): Quote => ({ source: "docs/domain.md", text });

/**
 * An invariant of the decision semantics, over one observed session: what `verify` checks on a
 * policy's traces and the invariant suite (test/invariants) on generated policies, for the runtime
 * and the reference interpreter. It applies to a policy when some session can run under settings
 * it speaks about; for every other session it holds trivially.
 */
export interface Invariant {
  id: string;
  title: string;
  /** The sentences it proves. */
  quotes: readonly Quote[];
  applies(variants: readonly ResolvedPolicy[]): boolean;
  /** A broken promise about one session, or undefined. */
  session(run: SessionRun, all: Run): string | undefined;
}

/** An invariant as a property: the first session of the run that breaks it. */
export function invariantProperty(invariant: Invariant): Property {
  return {
    id: invariant.id,
    title: invariant.title,
    check(run) {
      if (run.crash !== undefined) return { message: run.crash };
      for (const [sessionId, session] of run.sessions) {
        const message = invariant.session(session, run);
        if (message !== undefined) return { sessionId, message };
      }
      return undefined;
    },
  };
}

/** A create or an append: the session got a record. */
export function isRecord(decision: Decision): boolean {
  return decision.decision !== "none";
}

/** The session's record decisions (a create or an append), with what they were made on. */
export function records(run: SessionRun): SeenDecision[] {
  return run.decisions.filter((d) => isRecord(d.decision));
}

/** `session \`s1\``, for messages. */
export function named(run: SessionRun): string {
  return `session \`${run.start.sessionId}\``;
}
