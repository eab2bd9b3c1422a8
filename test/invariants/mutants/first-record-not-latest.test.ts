import { it, vi } from "vitest";
import { appendsToTheLatestMatch } from "../properties.js";
import { expectCaught } from "./expect-caught.js";

// Planted bug: chooseRecord takes the first matching record, as if the store listed them newest
// first (it lists them oldest first): the session is appended to the oldest, not the latest.
vi.mock("../../../runtime/records/choose-record.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../../runtime/records/choose-record.js")>();
  const { epochMs } = await import("../../../runtime/events/time.js");
  type Args = Parameters<typeof original.chooseRecord>;
  return {
    ...original,
    chooseRecord(records: Args[0], crm: Args[1], settings: Args[2], at: Args[3]): ReturnType<typeof original.chooseRecord> {
      const window = settings.closedWithinDays;
      const usable = records.filter((r) => !crm.neverUpdated.includes(r.status));
      const open = usable.find((r) => !crm.closedStatuses.includes(r.status));
      if (open !== undefined) return { record: open, reopen: false };
      const closed = usable.find((r) => window !== null && r.closedAt !== null && epochMs(at) - epochMs(r.closedAt) <= window * 86_400_000);
      return closed === undefined ? undefined : { record: closed, reopen: true };
    },
  };
});

it("planted bug (the first matching record, not the latest) is caught by: the latest open record wins", () => {
  expectCaught(appendsToTheLatestMatch);
});
