// The runtime services embed. It imports nothing from compiler/, ajv, nearley or handlebars.
export { loadBundle, BundleError, LoadedBundle, type LoadBundleOptions } from "./bundle/load-bundle.js";
export { TrustedKeys } from "./bundle/trust.js";
export { readTrustedKeys } from "./bundle/trust-files.js";
export { bundleFormat } from "./bundle/format.js";
export {
  Decider,
  Rejection,
  defaultLateness,
  defaultMaxSessionAge,
  type DeciderOptions,
  type RestoreOptions,
  type Outcome,
  type SessionState,
} from "./decide/decider.js";
export { SnapshotError, snapshotFormat, mergeSnapshot, type PolicySource } from "./decide/snapshot.js";
export type { DeciderSnapshot } from "../schemas/types/decider-snapshot.v1.js";
export { MemoryRecordStore } from "./records/memory-store.js";
export type { RecordStore, CrmRecord } from "./records/record-store.js";
export { eventProblem, isSessionEvent } from "./events/check-event.js";
export type { Decision } from "../schemas/types/decision.v1.js";
export type { SessionEvent } from "../schemas/types/session-event.v1.js";
export type { CompiledPolicy, PolicyBundle } from "../schemas/types/bundle.v1.js";
