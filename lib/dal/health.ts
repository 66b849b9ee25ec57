import "server-only";

import { getDb } from "@/lib/db";

/** Whether the database answers a trivial query. Reads no user data. */
export async function checkDatabase(): Promise<boolean> {
  try {
    await getDb().$queryRaw`SELECT 1`;
    return true;
  } catch {
    return false;
  }
}
