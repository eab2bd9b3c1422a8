import { it, vi } from "vitest";
import { chatThresholdZero } from "../properties.js";
import { expectCaught } from "./expect-caught.js";

// Planted bug: an off-by-one, `consumerMessages > minConsumerMessages` where `>=` is meant,
// wherever the chat threshold is compared (emulated by handing those comparisons N + 1).
vi.mock("../../../runtime/decide/decider.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../../runtime/decide/decider.js")>();
  const proto = original.Decider.prototype as any;
  const settingsFor = proto.settingsFor;
  proto.settingsFor = function (this: any, session: any) {
    const settings = settingsFor.call(this, session);
    return { ...settings, minConsumerMessages: settings.minConsumerMessages + 1 };
  };
  return original;
});

it("planted bug (chat threshold compared with > instead of >=) is caught by: threshold 0, every connected chat gets a record", () => {
  expectCaught(chatThresholdZero);
});
