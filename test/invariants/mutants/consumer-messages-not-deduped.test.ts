import { it, vi } from "vitest";
import { chatThreshold } from "../properties.js";
import { expectCaught } from "./expect-caught.js";

// Planted bug: Decider's `message` counts every consumer message it is given, so a redelivered
// message (same `at`) counts twice.
vi.mock("../../../runtime/decide/decider.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../../runtime/decide/decider.js")>();
  const proto = original.Decider.prototype as any;
  proto.message = function (this: any, session: any, from: string, at: string) {
    if (session.type.channel === "voice") return new original.Rejection(`\`message\` event on voice session \`${session.id}\``);
    if (from !== "consumer" || session.decided) return undefined;
    session.consumerMessages++;
    if (session.connected && session.consumerMessages >= this.settingsFor(session).minConsumerMessages) return this.decide(session, "message", at);
    return undefined;
  };
  return original;
});

it("planted bug (redelivered consumer messages counted again) is caught by: a connected chat that ends below N gets no record", () => {
  expectCaught(chatThreshold);
});
