/**
 * The decision log's full-text index on SQLite (migration `…_decision_full_text_search`) is an
 * FTS5 virtual table with triggers, which Prisma's schema cannot describe. Two consequences for
 * the migration tooling, handled here:
 *
 * - `prisma migrate diff` sees the FTS5 table's shadow tables (`DecisionSearch_data`, …) as
 *   tables missing from the schema and offers to drop them (prisma/orm#8106). Those drops are
 *   not a difference between the migrations and the schema: `withoutFullTextSearchDrops`
 *   removes them from a diff.
 * - A migration that redefines "Decision" (SQLite cannot alter some columns in place: Prisma
 *   copies the rows into a new table and renames it) drops the triggers with the old table and
 *   renumbers the rowids the index is keyed by. `withFullTextSearchKept` appends the triggers
 *   again and rebuilds the index to such a migration.
 */

/** The triggers of the migration, verbatim (a test holds the migration file to them). */
export const SEARCH_TRIGGERS_SQL = `CREATE TRIGGER "Decision_search_insert" AFTER INSERT ON "Decision" BEGIN
  INSERT INTO "DecisionSearch" (rowid, "searchText") VALUES (new.rowid, new."searchText");
END;

CREATE TRIGGER "Decision_search_delete" AFTER DELETE ON "Decision" BEGIN
  INSERT INTO "DecisionSearch" ("DecisionSearch", rowid, "searchText") VALUES ('delete', old.rowid, old."searchText");
END;

CREATE TRIGGER "Decision_search_update" AFTER UPDATE OF "searchText" ON "Decision" WHEN old."searchText" IS NOT new."searchText" BEGIN
  INSERT INTO "DecisionSearch" ("DecisionSearch", rowid, "searchText") VALUES ('delete', old.rowid, old."searchText");
  INSERT INTO "DecisionSearch" (rowid, "searchText") VALUES (new.rowid, new."searchText");
END;

INSERT INTO "DecisionSearch" ("DecisionSearch") VALUES ('rebuild');
`;

const FTS_TABLE = /^DROP TABLE "DecisionSearch(_(config|data|docsize|idx|content))?";$/m;

/** A SQLite diff script without its drops of the FTS5 table and its shadow tables; null when nothing else is left. */
export function withoutFullTextSearchDrops(script: string): string | null {
  const blocks = script.split(/\n{2,}/).filter((block) => block.trim() !== "");
  const kept = blocks.filter((block) => !(block.startsWith("-- DropTable") && FTS_TABLE.test(block)));
  return kept.length === 0 ? null : `${kept.join("\n\n")}\n`;
}

/** A SQLite migration that redefines "Decision" gets the search triggers back and a rebuilt index. */
export function withFullTextSearchKept(script: string): string {
  if (!/CREATE TABLE "new_Decision"/.test(script)) return script;
  return `${script.replace(/\n*$/, "\n")}
-- "Decision" was redefined: its full-text search triggers went with the old table and its
-- rowids were renumbered (scripts/prisma/full-text-search.ts).
${SEARCH_TRIGGERS_SQL}`;
}
