import { it, vi } from "vitest";
import { oneDecisionPerSession } from "../properties.js";
import { expectCaught } from "./expect-caught.js";

// Planted bug: EndedSessions remembers nothing (each ended session falls out of memory as soon
// as it ends, whatever its time), so a late redelivery of a session's `started` begins it again
// and its redelivered events decide it a second time.
vi.mock("../../../runtime/decide/ended-sessions.js", () => ({
  EndedSessions: class {
    nextDue = Number.POSITIVE_INFINITY;
    add(sessionId: string): string | undefined {
      return sessionId;
    }
    due(): string[] {
      return [];
    }
  },
}));

it("planted bug (ended sessions forgotten: redelivered events revive them) is caught by: at most one decision per session, whatever is redelivered", () => {
  expectCaught(oneDecisionPerSession);
});
