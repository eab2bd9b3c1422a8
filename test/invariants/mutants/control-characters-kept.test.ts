import { it, vi } from "vitest";
import { titles } from "../properties.js";
import { expectCaught } from "./expect-caught.js";

// Planted bug: plainLine turns line breaks and tabs into spaces but forgets to remove the other
// control characters (a BEL in a menu path reaches the title).
vi.mock("../../../runtime/title/plain-text.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../../runtime/title/plain-text.js")>();
  return { ...original, plainLine: (value: string): string => value.replace(/[\t\n\v\f\r\u0085\u2028\u2029]/g, " ") };
});

it("planted bug (control characters kept in title values) is caught by: a title is plain text", () => {
  expectCaught(titles);
});
