import { it, vi } from "vitest";
import { noRecordForCallAbandonedBeforeAssignment } from "../properties.js";
import { expectCaught } from "./expect-caught.js";

// Planted bug: in Decider.end, `createForAbandoned || !delayUntilConnected` where `&&` is meant:
// with neither setting, an abandoned call gets a record.
vi.mock("../../../runtime/decide/decider.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../../runtime/decide/decider.js")>();
  const proto = original.Decider.prototype as any;
  const end = proto.end;
  proto.end = function (this: any, session: any, at: string) {
    const settings = this.settingsFor(session);
    if (session.type.channel === "voice" && !session.decided && !session.connected && (settings.createForAbandoned || !settings.delayUntilConnected)) {
      end.call(this, { ...session, decided: true }, at); // its bookkeeping only
      return this.decide(session, "ended", at);
    }
    return end.call(this, session, at);
  };
  return original;
});

it("planted bug (|| for && in the abandoned-call rule) is caught by: without records for abandoned calls, a call abandoned before assignment gets none", () => {
  expectCaught(noRecordForCallAbandonedBeforeAssignment);
});
