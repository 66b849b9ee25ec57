import "server-only";

import { unsafeLiveRevision } from "@/lib/dal/live-sessions";

/**
 * Server-sent events: the streams of one room on this app instance share one
 * watcher, which reads the room's revision from the database every
 * WATCH_INTERVAL_MS and tells every stream when it moved. The database stays
 * the only source of truth (a change made through another instance is seen the
 * same way); this map only saves each stream its own query.
 */
export const WATCH_INTERVAL_MS = 250;

type Listener = (revision: number, closed: boolean) => void;
type Watcher = { listeners: Set<Listener>; timer: ReturnType<typeof setInterval>; last: number | null; busy: boolean };

const globalForWatchers = globalThis as unknown as { levelsetLiveWatchers?: Map<string, Watcher> };
const watchers = (globalForWatchers.levelsetLiveWatchers ??= new Map<string, Watcher>());

/** Calls `listener` whenever the room's revision changes (and once the room is gone or closed). Returns the unsubscribe. */
export function watchRoom(code: string, listener: Listener): () => void {
  const key = code.toUpperCase();
  let watcher = watchers.get(key);
  if (!watcher) {
    const created: Watcher = { listeners: new Set(), last: null, busy: false, timer: setInterval(() => void tick(key, created), WATCH_INTERVAL_MS) };
    watchers.set(key, created);
    watcher = created;
  }
  watcher.listeners.add(listener);
  return () => {
    const w = watchers.get(key);
    if (!w) return;
    w.listeners.delete(listener);
    if (w.listeners.size === 0) {
      clearInterval(w.timer);
      watchers.delete(key);
    }
  };
}

async function tick(key: string, watcher: Watcher) {
  if (watcher.busy) return; // a slow database: skip a beat rather than pile up queries
  watcher.busy = true;
  try {
    const room = await unsafeLiveRevision(key);
    const revision = room?.revision ?? -1;
    if (revision === watcher.last && room && !room.closed) return;
    watcher.last = revision;
    for (const listener of [...watcher.listeners]) listener(revision, !room || room.closed);
  } catch {
    // The database is away for a moment: the streams stay open and the next tick tries again.
  } finally {
    watcher.busy = false;
  }
}
