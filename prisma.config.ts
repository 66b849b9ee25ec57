/**
 * Prisma CLI configuration. DATABASE_URL picks the database (unset or `file:` →
 * SQLite, `postgresql://` → PostgreSQL) and with it the schema and migrations
 * folder; relative `file:` paths resolve against this directory. When no native
 * schema engine is installed (offline machines), the CLI is pointed at the wasm
 * bridge. Details: scripts/prisma/config-support.ts, scripts/prisma/README.md.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";

import { defineConfig } from "prisma/config";

import { prismaSetup } from "./scripts/prisma/config-support";

const root = path.dirname(fileURLToPath(import.meta.url));
const setup = prismaSetup(root);

export default defineConfig({
  schema: setup.schema,
  migrations: {
    path: setup.migrations,
    // Same command as `npm run db:seed` (the seed imports server-only modules).
    seed: "tsx --conditions=react-server prisma/seed.ts",
  },
  datasource: {
    url: setup.url,
  },
});
