import type { Decision } from "../../schemas/types/decision.v1.js";

/**
 * An event the runtime refused, and why; nothing else changed. `retryable`: the event itself was
 * fine, but the caller's code (record store, warning handler) threw while it was applied; the
 * session is as before the event, and pushing the event again applies it then.
 */
export class Rejection {
  readonly rejected = true;
  constructor(
    readonly reason: string,
    readonly retryable = false,
    readonly cause?: unknown,
    /** The event refused, when it is not the one just received: one held for its session's `started` (docs/semantics.md). */
    readonly event?: unknown,
  ) {}
}

/** What an event (or time moving on) gave: decisions, and rejections. */
export type Outcome = Decision | Rejection;

/** The caller's code threw: carried out of the decider as a retryable Rejection. */
export class CallerFailure extends Error {
  constructor(
    readonly what: string,
    readonly error: unknown,
  ) {
    super(`${what} threw: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Calls the caller's code; whatever it throws becomes a CallerFailure. */
export function callOut<T>(what: string, call: () => T): T {
  try {
    return call();
  } catch (error) {
    throw new CallerFailure(what, error);
  }
}
