import { it, vi } from "vitest";
import { onlyConnectedCalls } from "../properties.js";
import { expectCaught } from "./expect-caught.js";

// Planted bug: Decider.end gives an abandoned call its record whenever `createForAbandoned` is
// on, as if `&& !settings.delayUntilConnected` were missing from its voice branch.
vi.mock("../../../runtime/decide/decider.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../../runtime/decide/decider.js")>();
  const proto = original.Decider.prototype as any;
  const end = proto.end;
  proto.end = function (this: any, session: any, at: string) {
    if (session.type.channel === "voice" && !session.decided && !session.connected && this.settingsFor(session).createForAbandoned) {
      end.call(this, { ...session, decided: true }, at); // its bookkeeping only: the session is dropped, its end remembered
      return this.decide(session, "ended", at);
    }
    return end.call(this, session, at);
  };
  return original;
});

it("planted bug (records for abandoned calls ignore delay until connected) is caught by: only calls connected to an agent get a record", () => {
  expectCaught(onlyConnectedCalls);
});
