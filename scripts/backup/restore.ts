// `npm run restore -- FILE [--force]`: see scripts/backup/db-backup.ts.
import { main } from "./cli";

await main("restore", process.argv.slice(2));
