import { it, vi } from "vitest";
import { oneDecisionPerSession } from "../properties.js";
import { expectCaught } from "./expect-caught.js";

// Planted bug: Decider.end lacks its `if (session.decided) return undefined`: a session with a
// record gets a second decision when it ends.
vi.mock("../../../runtime/decide/decider.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../../runtime/decide/decider.js")>();
  const proto = original.Decider.prototype as any;
  const end = proto.end;
  proto.end = function (this: any, session: any, at: string) {
    session.decided = false;
    return end.call(this, session, at);
  };
  return original;
});

it("planted bug (a decided session decided again at its end) is caught by: at most one decision per session", () => {
  expectCaught(oneDecisionPerSession);
});
