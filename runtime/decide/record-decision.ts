import type { Settings } from "../../schemas/types/bundle.v1.js";
import type { Decision, Trigger } from "../../schemas/types/decision.v1.js";
import { chooseRecord } from "../records/choose-record.js";
import type { RecordStore } from "../records/record-store.js";
import { callOut } from "./rejection.js";
import type { Session } from "./session.js";
import type { Variant } from "./variants.js";

/**
 * A record is due for the session: append to the end user's open record in the queue (or one
 * closed recently enough, reopened), or create one with the session's title. The record store
 * may throw: a CallerFailure, and the store is as before.
 */
export function recordDecision(store: RecordStore, session: Session, settings: Settings, trigger: Trigger, at: string): Decision {
  const v = session.variant;
  const crm = v.crm;
  if (settings.appendToOpen && session.endUser !== undefined) {
    const endUser = session.endUser;
    const target = chooseRecord(
      callOut("the record store", () => store.recordsOf(endUser, session.queue)),
      crm,
      settings,
      at,
    );
    if (target !== undefined) {
      const { record, reopen } = target;
      if (reopen) callOut("the record store", () => store.update(record.recordId, { status: crm.reopenStatus, closedAt: null }));
      return {
        sessionId: session.id,
        decision: "append",
        recordId: record.recordId,
        trigger,
        at,
        tags: [...session.type.tags],
        status: reopen ? crm.reopenStatus : record.status,
        reopened: reopen,
        policy: v.policy,
        revision: v.revision,
        overrides: matched(v),
      };
    }
  }
  const title = v.title({
    callType: session.type.callType,
    sessionId: session.id,
    menuPath: session.menuPath,
    phoneNumber: session.phoneNumber,
    language: session.language,
    startedAt: session.startedAt,
  });
  const recordId = callOut("the record store", () =>
    store.create({ endUser: session.endUser ?? null, queue: session.queue, status: crm.newStatus, createdAt: at, closedAt: null }),
  );
  return {
    sessionId: session.id,
    decision: "create",
    recordId,
    trigger,
    at,
    title,
    tags: [...session.type.tags],
    status: crm.newStatus,
    policy: v.policy,
    revision: v.revision,
    overrides: matched(v),
  };
}

export type NoneReason = Extract<Decision, { decision: "none" }>["reason"];

/** The session gets no record, for this reason. */
export function none(session: Session, reason: NoneReason, at: string): Decision {
  const v = session.variant;
  return { sessionId: session.id, decision: "none", reason, at, policy: v.policy, revision: v.revision, overrides: matched(v) };
}

/** The overrides a decision lists (provenance, with the variant's policy and revision): a copy the caller may keep. */
function matched(variant: Variant): number[] {
  return variant.overrides.length === 0 ? [] : [...variant.overrides];
}
