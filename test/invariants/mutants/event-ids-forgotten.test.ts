import { it, vi } from "vitest";
import { idsDecideRedelivery } from "../delivery-properties.js";
import { expectCaught } from "./expect-caught.js";

// Planted bug: a session never remembers the event ids it accepted, so a consumer message
// delivered again with its id counts twice.
vi.mock("../../../runtime/decide/session.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../../runtime/decide/session.js")>();
  (original.Session.prototype as any).remember = function () {};
  return original;
});

it("planted bug (event ids not remembered) is caught by: ids decide redelivery", () => {
  expectCaught(idsDecideRedelivery);
});
