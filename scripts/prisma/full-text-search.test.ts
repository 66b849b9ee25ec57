import fs from "node:fs";
import path from "node:path";

import { expect, it } from "vitest";

import { SEARCH_TRIGGERS_SQL, withFullTextSearchKept, withoutFullTextSearchDrops } from "./full-text-search";
import { ROOT } from "./generate-postgres-schema";

const migration = () => {
  const dir = fs.readdirSync(path.join(ROOT, "prisma/migrations")).find((n) => n.endsWith("_decision_full_text_search"));
  return fs.readFileSync(path.join(ROOT, "prisma/migrations", dir!, "migration.sql"), "utf8");
};

it("holds the migration's triggers and rebuild verbatim", () => {
  expect(migration()).toContain(SEARCH_TRIGGERS_SQL);
});

it("drops only the FTS5 table's own drops from a diff", () => {
  const drop = (t: string) => `-- DropTable\nPRAGMA foreign_keys=off;\nDROP TABLE "${t}";\nPRAGMA foreign_keys=on;`;
  const other = `-- AlterTable\nALTER TABLE "Team" ADD COLUMN "description" TEXT;`;
  const fts = ["DecisionSearch", "DecisionSearch_config", "DecisionSearch_data", "DecisionSearch_docsize", "DecisionSearch_idx"].map(drop);
  expect(withoutFullTextSearchDrops(`${fts.join("\n\n")}\n\n`)).toBeNull();
  expect(withoutFullTextSearchDrops(`${fts.join("\n\n")}\n\n${other}\n\n`)).toBe(`${other}\n`);
  // A table that only starts with the name is a real difference.
  expect(withoutFullTextSearchDrops(`${drop("DecisionSearchHistory")}\n`)).toContain("DecisionSearchHistory");
});

it("adds the triggers and a rebuild only to a migration that redefines Decision", () => {
  const plain = `ALTER TABLE "Team" ADD COLUMN "description" TEXT;\n`;
  expect(withFullTextSearchKept(plain)).toBe(plain);
  const redefine = `CREATE TABLE "new_Decision" ("id" TEXT NOT NULL PRIMARY KEY);\nDROP TABLE "Decision";\nALTER TABLE "new_Decision" RENAME TO "Decision";\n`;
  expect(withFullTextSearchKept(redefine)).toContain(SEARCH_TRIGGERS_SQL);
});
