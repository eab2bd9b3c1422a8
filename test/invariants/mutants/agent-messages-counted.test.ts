import { it, vi } from "vitest";
import { abandonedChatsMin } from "../properties.js";
import { expectCaught } from "./expect-caught.js";

// Planted bug: Decider's `message` counts the agent's messages as consumer messages
// (the `from !== "consumer"` test is missing).
vi.mock("../../../runtime/decide/decider.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../../runtime/decide/decider.js")>();
  const proto = original.Decider.prototype as any;
  const message = proto.message;
  proto.message = function (this: any, session: any, _from: string, at: string) {
    return message.call(this, session, "consumer", at);
  };
  return original;
});

it("planted bug (agent messages counted as consumer messages) is caught by: only abandoned chats with ≥ M consumer messages", () => {
  expectCaught(abandonedChatsMin);
});
