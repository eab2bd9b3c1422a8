import { it, vi } from "vitest";
import { appendsOnlyWhereAllowed } from "../properties.js";
import { expectCaught } from "./expect-caught.js";

// Planted bug: chooseRecord forgets the statuses the CRM never updates, so a Zendesk ticket in
// `closed` (one of its closed statuses) is reopened and appended to like a `solved` one.
vi.mock("../../../runtime/records/choose-record.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../../runtime/records/choose-record.js")>();
  const { epochMs } = await import("../../../runtime/events/time.js");
  type Args = Parameters<typeof original.chooseRecord>;
  return {
    ...original,
    chooseRecord(records: Args[0], crm: Args[1], settings: Args[2], at: Args[3]): ReturnType<typeof original.chooseRecord> {
      let open: Args[0][number] | undefined;
      let openTime = -Infinity;
      let closed: Args[0][number] | undefined;
      let closedTime = -Infinity;
      const window = settings.closedWithinDays;
      for (const record of records) {
        const created = epochMs(record.createdAt);
        if (!crm.closedStatuses.includes(record.status)) {
          if (created >= openTime) [open, openTime] = [record, created];
        } else if (window !== null && record.closedAt !== null && created >= closedTime && epochMs(at) - epochMs(record.closedAt) <= window * 86_400_000) {
          [closed, closedTime] = [record, created];
        }
      }
      if (open !== undefined) return { record: open, reopen: false };
      if (closed !== undefined) return { record: closed, reopen: true };
      return undefined;
    },
  };
});

it("planted bug (Zendesk `closed` tickets appended to) is caught by: appends go only where allowed", () => {
  expectCaught(appendsOnlyWhereAllowed);
});
