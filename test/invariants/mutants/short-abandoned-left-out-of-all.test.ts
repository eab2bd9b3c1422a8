import { it, vi } from "vitest";
import { abandonedChatsAll } from "../properties.js";
import { expectCaught } from "./expect-caught.js";

// Planted bug: `abandoned: all` leaves short-abandoned chats out: Decider.end classifies a
// chat that ended within `shortAbandonSeconds` before looking at the setting.
vi.mock("../../../runtime/decide/decider.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../../runtime/decide/decider.js")>();
  const { epochMs } = await import("../../../runtime/events/time.js");
  const proto = original.Decider.prototype as any;
  const end = proto.end;
  proto.end = function (this: any, session: any, at: string) {
    const seconds = this.settingsFor(session).shortAbandonSeconds;
    const short = seconds !== null && epochMs(at) - epochMs(session.startedAt) <= seconds * 1000;
    if (session.type.channel === "chat" && !session.decided && !session.connected && short) {
      end.call(this, { ...session, decided: true }, at); // its bookkeeping only
      return { sessionId: session.id, decision: "none", reason: "short_abandoned_chat", at };
    }
    return end.call(this, session, at);
  };
  return original;
});

it("planted bug (abandoned: all skips short-abandoned chats) is caught by: every abandoned chat, short-abandoned ones included, gets a record", () => {
  expectCaught(abandonedChatsAll);
});
