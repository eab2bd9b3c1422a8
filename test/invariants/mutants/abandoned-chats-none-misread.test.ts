import { it, vi } from "vitest";
import { abandonedChatsNone } from "../properties.js";
import { expectCaught } from "./expect-caught.js";

// Planted bug: `abandoned: none` read as "no record for short-abandoned chats": Decider.end
// gives a chat abandoned after `shortAbandonSeconds` (or with no such setting) a record.
vi.mock("../../../runtime/decide/decider.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../../runtime/decide/decider.js")>();
  const proto = original.Decider.prototype as any;
  const end = proto.end;
  proto.end = function (this: any, session: any, at: string) {
    const result = end.call(this, session, at);
    if (result?.decision === "none" && result.reason === "abandoned_chat") return this.decide(session, "ended", at);
    return result;
  };
  return original;
});

it("planted bug (abandoned: none only spares short-abandoned chats) is caught by: no record for abandoned chats when disabled", () => {
  expectCaught(abandonedChatsNone);
});
