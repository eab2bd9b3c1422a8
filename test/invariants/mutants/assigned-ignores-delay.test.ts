import { it, vi } from "vitest";
import { delayUntilConnected } from "../properties.js";
import { expectCaught } from "./expect-caught.js";

// Planted bug: the `assigned` branch of Decider.push decides a voice record without asking
// whether `delayUntilConnected` is on.
vi.mock("../../../runtime/decide/decider.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../../runtime/decide/decider.js")>();
  const { eventProblem } = await import("../../../runtime/events/check-event.js");
  const proto = original.Decider.prototype as any;
  const push = proto.push;
  proto.push = function (this: any, value: any) {
    const session = eventProblem(value) === undefined && value.type === "assigned" ? this.sessions.get(value.sessionId) : undefined;
    // An ended session is kept as its end time (a string) until it is forgotten.
    if (typeof session !== "object" || session.assigned) return push.call(this, value);
    session.assigned = true;
    if (session.decided || session.type.channel !== "voice") return undefined;
    return this.decide(session, "assigned", value.at);
  };
  return original;
});

it("planted bug (voice record at `assigned` despite delay until connected) is caught by: delay until connected", () => {
  expectCaught(delayUntilConnected);
});
