import type { ResolvedPolicy } from "../../compiler/model/resolved-policy.js";
import type { Invariant } from "../property.js";
import { abandonedChatsInvariants } from "./abandoned-chats.js";
import { noRecordForCallsAbandonedEarly, recordForAbandonedCalls } from "./abandoned-calls.js";
import { appends } from "./appends.js";
import { appendsToLatest } from "./appends-to-latest.js";
import { chatThreshold } from "./chat-threshold.js";
import { connectedCallsOnly } from "./connected-calls-only.js";
import { delayUntilConnected } from "./delay-until-connected.js";
import { oneDecision } from "./one-decision.js";
import { tags } from "./tags.js";
import { titles } from "./titles.js";

/** Every invariant of the decision semantics, in the order verify reports them; the invariant suite checks the same ones. */
export const invariants: readonly Invariant[] = [
  oneDecision,
  connectedCallsOnly,
  delayUntilConnected,
  noRecordForCallsAbandonedEarly,
  recordForAbandonedCalls,
  chatThreshold,
  ...abandonedChatsInvariants,
  appends,
  appendsToLatest,
  titles,
  tags,
];

/** The invariants that speak about settings some session of the policy runs under. */
export function applicableInvariants(variants: readonly ResolvedPolicy[]): Invariant[] {
  return invariants.filter((i) => i.applies(variants));
}
