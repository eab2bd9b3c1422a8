import { named, type Invariant } from "../property.js";

const control = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/u;

/** A created record's title is plain single-line text within the CRM's subject limit. */
export const titles: Invariant = {
  id: "titles",
  title: "titles: plain single-line text within the CRM's subject limit",
  rule: "docs/domain.md: a title is plain text, bounded by the CRM's subject limit",
  applies: () => true,
  session(run) {
    const limit = run.settings.crm.subjectLimit;
    for (const { decision } of run.decisions) {
      if (decision.decision !== "create") continue;
      const { title } = decision;
      if (typeof title !== "string") return `${named(run)} got a record without a title`;
      const bad = control.exec(title);
      if (bad !== null) return `${named(run)} got the title ${JSON.stringify(title)}, with the control character U+${bad[0].charCodeAt(0).toString(16).padStart(4, "0").toUpperCase()}`;
      const length = [...title].length;
      if (length > limit) return `${named(run)} got a title of ${length} characters, over the limit of ${limit}`;
    }
    return undefined;
  },
};
