import { Decider, type CompiledPolicy, type loadBundle } from "@crm-policy/runtime";
import type { ReplayStore } from "./replay-store.js";

/** What the service needs to know to load a bundle. */
export interface BundleCheck {
  policyName: string;
  /** How a new bundle's text becomes a verified bundle (format, digest, and signature if keys are trusted). */
  load: (text: string) => ReturnType<typeof loadBundle>;
  /** How a bundle kept in the state database is loaded again (it was verified when it went live). */
  loadStored: (text: string) => ReturnType<typeof loadBundle>;
  /** A session with no `ended` this long (ms of event time) after its start is closed as `expired`; Infinity: never. */
  maxSessionAge: number;
}

/** One bundle revision in service: its policy and the Decider running the sessions started under it. */
export class Revision {
  /** Sessions (in flight or remembered as ended) that belong to this revision. */
  sessions = 0;

  private constructor(
    readonly digest: string,
    readonly keyId: string | null,
    readonly policy: CompiledPolicy,
    readonly decider: Decider,
    readonly loadedAt: string,
  ) {}

  static load(text: string, check: BundleCheck, store: ReplayStore, keepEnded: number, onWarning: (message: string) => void): Revision {
    const loaded = check.load(text);
    const policy = loaded.policy(check.policyName);
    const signature = (loaded.bundle as { signature?: { keyId?: unknown } }).signature;
    const keyId = typeof signature?.keyId === "string" ? signature.keyId : null;
    // Decided in delivery order at each event, as the service stores them (no lateness); expiry as configured.
    const decider = new Decider(policy, store, { endedSessionMemory: keepEnded, onWarning, lateness: 0, maxSessionAge: check.maxSessionAge });
    return new Revision(loaded.bundle.digest, keyId, policy, decider, new Date().toISOString());
  }
}
