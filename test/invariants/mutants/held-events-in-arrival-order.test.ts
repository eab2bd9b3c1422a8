import { it, vi } from "vitest";
import { orderWithinLateness } from "../order-property.js";
import { expectCaught } from "./expect-caught.js";

// Planted bug: a session's held events are applied in the order they arrived, not in the order
// they happened, once its `started` comes.
vi.mock("../../../runtime/decide/held-events.js", async (importOriginal) => {
  const real = await importOriginal<typeof import("../../../runtime/decide/held-events.js")>();
  class ArrivalOrder extends real.HeldEvents {
    override take(sessionId: string): ReturnType<typeof real.HeldEvents.prototype.take> {
      return super.take(sessionId)?.sort((a, b) => a.arrival - b.arrival);
    }
  }
  return { ...real, HeldEvents: ArrivalOrder };
});

it("planted bug (held events applied in arrival order) is caught by: order within lateness does not matter", () => {
  expectCaught(orderWithinLateness);
});
