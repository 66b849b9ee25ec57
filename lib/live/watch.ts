import "server-only";

import { type AppError, isAppError } from "@/lib/dal/errors";
import { getLiveStates, type LiveState, type LiveViewer, unsafeLiveRevision } from "@/lib/dal/live-sessions";

/**
 * Server-sent events: the streams of one room on this app instance share one
 * watcher. It reads the room's revision from the database every
 * WATCH_INTERVAL_MS; when it moved, it reads the room ONCE for all its streams
 * (`getLiveStates`: one set of queries and one reveal computation, then a view
 * per viewer) and hands each stream its state. The database stays the only
 * source of truth (a change made through another instance is seen the same
 * way); this map only saves work. One read at a time per room: changes that
 * arrive during a read are picked up by the next tick, so a busy room (answers
 * every few milliseconds) or a slow server never builds a queue.
 */
export const WATCH_INTERVAL_MS = 100;

/** Delivered once when the room cannot be read (the database is away); the next state delivered means it is back. */
export const UNAVAILABLE = "unavailable" as const;
export type Delivery = (state: LiveState | AppError | typeof UNAVAILABLE) => void;
type Subscriber = { viewer: LiveViewer; deliver: Delivery };
type Watcher = {
  code: string;
  subscribers: Set<Subscriber>;
  timer: ReturnType<typeof setInterval>;
  last: number | null;
  reading: boolean;
  /** The last read failed: subscribers were told, and the next read that works delivers to all of them again. */
  down: boolean;
};

const globalForWatchers = globalThis as unknown as { levelsetLiveWatchers?: Map<string, Watcher> };
const watchers = (globalForWatchers.levelsetLiveWatchers ??= new Map<string, Watcher>());

/**
 * Delivers `viewer`'s state of the room whenever the room's revision moves (or the
 * error getLiveState would give: SEALED, NOT_FOUND). When the room cannot be read
 * (the database is away), delivers UNAVAILABLE once, then every viewer's state
 * again on the first read that works, moved or not. Only for viewers that
 * getLiveState has just admitted. Returns the unsubscribe.
 */
export function watchRoom(code: string, viewer: LiveViewer, deliver: Delivery): () => void {
  const key = code.toUpperCase();
  let watcher = watchers.get(key);
  if (!watcher) {
    const created: Watcher = {
      code: key,
      subscribers: new Set(),
      last: null,
      reading: false,
      down: false,
      timer: setInterval(() => void tick(created), WATCH_INTERVAL_MS),
    };
    watchers.set(key, created);
    watcher = created;
  }
  const subscriber: Subscriber = { viewer, deliver };
  watcher.subscribers.add(subscriber);
  return () => {
    const w = watchers.get(key);
    if (!w) return;
    w.subscribers.delete(subscriber);
    if (w.subscribers.size === 0) {
      clearInterval(w.timer);
      watchers.delete(key);
    }
  };
}

async function tick(watcher: Watcher) {
  if (watcher.reading) return; // a read is in flight; the next tick looks again
  watcher.reading = true;
  try {
    const room = await unsafeLiveRevision(watcher.code);
    const revision = room?.revision ?? -1;
    if (!watcher.down && revision === watcher.last && room && !room.closed) return;
    const subscribers = [...watcher.subscribers];
    const states = await getLiveStates(
      subscribers.map((s) => s.viewer),
      watcher.code,
    ).catch((error: unknown) => {
      if (!isAppError(error)) throw error;
      return subscribers.map(() => error);
    });
    watcher.last = revision;
    watcher.down = false;
    subscribers.forEach((s, i) => s.deliver(states[i]!));
  } catch {
    // The database is away: the streams stay open (and say so), the next tick tries again.
    if (!watcher.down) {
      watcher.down = true;
      for (const s of watcher.subscribers) s.deliver(UNAVAILABLE);
    }
  } finally {
    watcher.reading = false;
  }
}
