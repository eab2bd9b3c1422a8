import type { CompiledPolicy } from "../../schemas/types/bundle.v1.js";
import { recordTags } from "../tags/tag-forms.js";

/** A session type as one policy sees it: its CALL_TYPE value and the tags of its records. */
export interface SessionTypeInfo {
  name: string;
  channel: "voice" | "chat";
  callType: string;
  tags: readonly string[];
  known: boolean;
}

/** Catalog lookup; a type not in the catalog is derived by the CRM's rules and remembered. */
export class SessionTypes {
  private readonly types = new Map<string, SessionTypeInfo>();

  constructor(private readonly policy: CompiledPolicy) {
    for (const t of policy.sessionTypes) this.types.set(t.name, { ...t, known: true });
  }

  get(name: string, channel: "voice" | "chat"): SessionTypeInfo {
    const found = this.types.get(name);
    if (found !== undefined) return found;
    const derived: SessionTypeInfo = { name, channel, callType: name, tags: recordTags(name, this.policy.crm, this.policy.tags), known: false };
    if (this.types.size < 10_000) this.types.set(name, derived);
    return derived;
  }
}
