import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import type { LiveState, LiveViewer } from "@/lib/dal/live-sessions";

const db = vi.hoisted(() => ({ revision: 1, down: false, reads: 0 }));

vi.mock("@/lib/dal/live-sessions", () => ({
  unsafeLiveRevision: async () => {
    if (db.down) throw new Error("connect ECONNREFUSED 127.0.0.1:5432");
    return { revision: db.revision, closed: false };
  },
  getLiveStates: async (viewers: LiveViewer[]) => {
    if (db.down) throw new Error("connect ECONNREFUSED 127.0.0.1:5432");
    db.reads += 1;
    return viewers.map(() => ({ etag: `"r${db.revision}"` }) as unknown as LiveState);
  },
}));

const { UNAVAILABLE, WATCH_INTERVAL_MS, watchRoom } = await import("./watch");

const viewer: LiveViewer = { userId: "u1", guestToken: null };
const ticks = (n: number) => vi.advanceTimersByTimeAsync(WATCH_INTERVAL_MS * n);

describe("watchRoom", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    Object.assign(db, { revision: 1, down: false, reads: 0 });
  });
  afterEach(() => vi.useRealTimers());

  it("delivers once per revision, and reads the room once for all its streams", async () => {
    const a: unknown[] = [];
    const b: unknown[] = [];
    const stopA = watchRoom("abc123", viewer, (s) => a.push(s));
    const stopB = watchRoom("ABC123", viewer, (s) => b.push(s));
    await ticks(5);
    expect(a).toHaveLength(1);
    expect(b).toHaveLength(1);
    expect(db.reads).toBe(1);
    db.revision = 2;
    await ticks(3);
    expect(a.map((s) => (s as LiveState).etag)).toEqual(['"r1"', '"r2"']);
    expect(db.reads).toBe(2);
    stopA();
    stopB();
  });

  it("says once that the room is unavailable while the database is away, then delivers again when it is back, moved or not", async () => {
    const got: unknown[] = [];
    const stop = watchRoom("ABC123", viewer, (s) => got.push(s));
    await ticks(2);
    expect(got).toHaveLength(1);
    db.down = true;
    await ticks(10);
    expect(got.slice(1)).toEqual([UNAVAILABLE]);
    db.down = false;
    await ticks(2);
    expect(got).toHaveLength(3);
    expect((got[2] as LiveState).etag).toBe('"r1"');
    await ticks(5);
    expect(got).toHaveLength(3);
    stop();
  });

  it("stops reading once the last stream has gone", async () => {
    const stop = watchRoom("ABC123", viewer, () => {});
    await ticks(2);
    stop();
    db.revision = 9;
    const before = db.reads;
    await ticks(10);
    expect(db.reads).toBe(before);
  });
});
