// Every diagnostic code, with its severity. Codes are stable: tools and CI scripts match on them.
// docs/diagnostics.md explains each one.
export const codes = {
  // a bug in crm-policy itself: a check that threw
  "internal-error": "error",
  // reading the file
  "read-error": "error",
  "not-utf8": "error",
  "empty-file": "error",
  "yaml-syntax": "error",
  "duplicate-key": "error",
  "multiple-documents": "error",
  // the JSON Schema
  "missing-property": "error",
  "unknown-property": "error",
  "wrong-type": "error",
  "invalid-value": "error",
  "out-of-range": "error",
  "invalid-name": "error",
  "unsupported-api-version": "error",
  "unknown-kind": "error",
  // meaning
  "tags-not-supported": "error",
  "closed-within-days-needs-append": "error",
  "duplicate-name": "error",
  "reopen-status-is-closed": "error",
  "unknown-time-zone": "error",
  "tag-too-long": "warning",
  "template-syntax": "error",
  "template-unknown-variable": "error",
  "template-helper": "error",
  "template-block": "error",
  "template-partial": "error",
  "template-unescaped": "error",
  "template-path": "error",
  "template-comment": "error",
  "template-multiline": "error",
  "template-whitespace-control": "error",
  "template-brackets": "error",
  "template-inner-whitespace": "error",
  "template-too-long": "error",
  "condition-syntax": "error",
  "condition-unknown-attribute": "error",
  "condition-outcome-attribute": "error",
  "condition-type-mismatch": "error",
  "condition-never-holds": "error",
  "condition-unknown-session-type": "warning",
  "condition-constant": "warning",
  "no-policies": "warning",
  "bundle-skipped": "warning",
} as const;

export type Code = keyof typeof codes;
export type Severity = (typeof codes)[Code];
