import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";
import { checkInvariants } from "./check-invariants.js";
import { compilingIsDeterministic, deadOverrideChangesNothing, invariants } from "./properties.js";

// Overrides and the compiler (README.md: domain.md has no overrides and no bundle).
checkInvariants([deadOverrideChangesNothing, compilingIsDeterministic]);

// The suite quotes domain.md; the quotes must stay true to it (it lives beside the repository).
const domainMd = fileURLToPath(new URL("../../../shared/domain.md", import.meta.url));

it.skipIf(!existsSync(domainMd))("every sentence the invariants quote from domain.md is in domain.md as written", () => {
  const text = readFileSync(domainMd, "utf8").replace(/\s+/g, " ");
  for (const quote of invariants.flatMap((i) => i.quotes).filter((q) => q.source === "domain.md")) expect(text).toContain(quote.text);
});
