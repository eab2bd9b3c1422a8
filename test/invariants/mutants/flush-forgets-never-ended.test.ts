import { it, vi } from "vitest";
import { everySessionDecided } from "../delivery-properties.js";
import { expectCaught } from "./expect-caught.js";

// Planted bug: a session that never ended is dropped when time (or the flush) closes it, with no
// decision.
vi.mock("../../../runtime/decide/decider.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../../runtime/decide/decider.js")>();
  const proto = original.Decider.prototype as any;
  const close = proto.close;
  proto.close = function (this: any, session: any) {
    if (session.endedAt !== undefined) return close.call(this, session);
    this.forget(session, session.lastAt);
    return undefined;
  };
  return original;
});

it("planted bug (never-ended sessions dropped undecided) is caught by: every session is decided after the flush", () => {
  expectCaught(everySessionDecided);
});
