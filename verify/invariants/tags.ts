import { domain, named, type Invariant } from "../property.js";

/** Tags in the CRM's form: none on Salesforce, Zendesk's `^[a-z0-9_]+$`, Freshdesk's length limit; the platform tag, once and last, iff enabled. */
export const tags: Invariant = {
  id: "tags",
  title:
    "tags: in the CRM's form (none on Salesforce, Zendesk `^[a-z0-9_]+$`, Freshdesk at most 32 characters); the platform tag exactly when enabled, once and last",
  quotes: [
    domain("Zendesk `Voice Inbound (IVR)` → `voice_inbound_ivr`"),
    domain("`platform tag`: add the tag `UJET` to every record the integration creates."),
  ],
  applies: () => true,
  session(run) {
    const { crm } = run.settings;
    for (const { decision } of run.decisions) {
      if (decision.decision === "none") continue;
      const list = decision.tags;
      if (crm.tagStyle === "none") {
        if (list.length > 0) return `${named(run)} got tags ${JSON.stringify(list)} on ${crm.system}, which has none`;
        continue;
      }
      const zendesk = list.find((t) => crm.tagStyle === "snake_case" && !/^[a-z0-9_]+$/.test(t));
      if (zendesk !== undefined) return `${named(run)} got the snake_case tag ${JSON.stringify(zendesk)}, not of the form ^[a-z0-9_]+$`;
      const long = list.find((t) => crm.tagLimit > 0 && [...t].length > crm.tagLimit);
      if (long !== undefined) return `${named(run)} got the tag ${JSON.stringify(long)}, over ${crm.tagLimit} characters`;
      const platform = list.filter((t) => t === crm.platformTag).length;
      if (platform > 0 && (platform > 1 || list[list.length - 1] !== crm.platformTag))
        return `${named(run)} got tags ${JSON.stringify(list)}: the platform tag \`${crm.platformTag}\` must come once, last`;
      if (platform > 0 !== run.settings.tags.platform)
        return `${named(run)} got tags ${JSON.stringify(list)}: the platform tag \`${crm.platformTag}\` is ${run.settings.tags.platform ? "on" : "off"}`;
    }
    return undefined;
  },
};
