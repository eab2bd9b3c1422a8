import { it, vi } from "vitest";
import { appendsOnlyWhereAllowed } from "../properties.js";
import { expectCaught } from "./expect-caught.js";

// Planted bug: chooseRecord measures "closed within D days" in whole days elapsed
// (`Math.floor(elapsed / day) <= D`), so a record closed D days and some hours ago is reopened.
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
        if (crm.neverUpdated.includes(record.status)) continue;
        const created = epochMs(record.createdAt);
        if (!crm.closedStatuses.includes(record.status)) {
          if (created >= openTime) [open, openTime] = [record, created];
        } else if (
          window !== null &&
          record.closedAt !== null &&
          created >= closedTime &&
          Math.floor((epochMs(at) - epochMs(record.closedAt)) / 86_400_000) <= window
        ) {
          [closed, closedTime] = [record, created];
        }
      }
      if (open !== undefined) return { record: open, reopen: false };
      if (closed !== undefined) return { record: closed, reopen: true };
      return undefined;
    },
  };
});

it("planted bug (closed-within-D-days counted in whole days) is caught by: appends go only where allowed", () => {
  expectCaught(appendsOnlyWhereAllowed);
});
