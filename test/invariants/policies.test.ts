import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";
import { checkInvariants } from "./check-invariants.js";
import { compilingIsDeterministic, deadOverrideChangesNothing, invariants } from "./properties.js";

// Overrides and the compiler (README.md: docs/domain.md has no overrides and no bundle).
checkInvariants([deadOverrideChangesNothing, compilingIsDeterministic]);

// The suite quotes docs/domain.md; the quotes must stay true to it.
const domainMd = fileURLToPath(new URL("../../docs/domain.md", import.meta.url));

it("every sentence the invariants quote from docs/domain.md is in docs/domain.md as written", () => {
  const text = readFileSync(domainMd, "utf8").replace(/\s+/g, " ");
  for (const quote of invariants.flatMap((i) => i.quotes).filter((q) => q.source === "docs/domain.md")) expect(text).toContain(quote.text);
});
