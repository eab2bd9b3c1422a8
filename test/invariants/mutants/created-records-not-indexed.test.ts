import { it, vi } from "vitest";
import { appendsToTheLatestMatch } from "../properties.js";
import { expectCaught } from "./expect-caught.js";

// Planted bug: MemoryRecordStore.create files a new record by id but not under its end user and
// queue, so later sessions of that end user never find it and create another record.
vi.mock("../../../runtime/records/memory-store.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../../runtime/records/memory-store.js")>();
  class MemoryRecordStore extends original.MemoryRecordStore {
    private serial = 0;
    override create(record: Parameters<InstanceType<typeof original.MemoryRecordStore>["create"]>[0]): string {
      const byId = (this as any).byId as Map<string, unknown>;
      let recordId: string;
      do recordId = `sim-${++this.serial}`;
      while (byId.has(recordId));
      byId.set(recordId, { recordId, ...record });
      return recordId;
    }
  }
  return { ...original, MemoryRecordStore };
});

it("planted bug (created records not indexed by end user and queue) is caught by: a known end user's open record is appended to", () => {
  expectCaught(appendsToTheLatestMatch);
});
