// `npm run backup [-- FILE]`: see scripts/backup/db-backup.ts.
import { main } from "./cli";

await main("backup", process.argv.slice(2));
