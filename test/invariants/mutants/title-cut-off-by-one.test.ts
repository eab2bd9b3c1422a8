import { it, vi } from "vitest";
import { titles } from "../properties.js";
import { expectCaught } from "./expect-caught.js";

// Planted bug: cutTo's loop runs while `points <= limit`, keeping one code point too many.
vi.mock("../../../runtime/title/plain-text.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../../runtime/title/plain-text.js")>();
  return {
    ...original,
    cutTo(text: string, limit: number): string {
      if (text.length <= limit) return text;
      let points = 0;
      let i = 0;
      while (i < text.length && points <= limit) {
        const code = text.charCodeAt(i);
        i += code >= 0xd800 && code <= 0xdbff && i + 1 < text.length ? 2 : 1;
        points++;
      }
      return text.slice(0, i);
    },
  };
});

it("planted bug (titles cut one code point past the limit) is caught by: a title is bounded by the CRM's subject limit", () => {
  expectCaught(titles);
});
