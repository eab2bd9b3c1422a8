import { it, vi } from "vitest";
import { delayUntilConnected } from "../properties.js";
import { expectCaught } from "./expect-caught.js";

// Planted bug: the `assigned` branch of Decider.applyTo decides a voice record without asking
// whether `delayUntilConnected` is on.
vi.mock("../../../runtime/decide/decider.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../../runtime/decide/decider.js")>();
  const proto = original.Decider.prototype as any;
  const applyTo = proto.applyTo;
  proto.applyTo = function (this: any, session: any, value: any) {
    if (value.type !== "assigned" || session.assigned) return applyTo.call(this, session, value);
    session.assigned = true;
    if (session.decided || session.type.channel !== "voice") return undefined;
    return this.decide(session, "assigned", value.at);
  };
  return original;
});

it("planted bug (voice record at `assigned` despite delay until connected) is caught by: delay until connected", () => {
  expectCaught(delayUntilConnected);
});
