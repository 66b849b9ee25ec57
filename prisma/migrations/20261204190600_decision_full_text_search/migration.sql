-- Full-text search over the decision log (issue #16): an FTS5 index of "Decision"."searchText"
-- (external content: the text stays in "Decision", the index holds only tokens), kept in step
-- by triggers on every insert, update of the search text and delete. Rows are keyed by the
-- decision's rowid. Written by hand: Prisma's schema has no full-text indexes. A later migration
-- that redefines "Decision" (a new table copied over) drops these triggers and renumbers the
-- rowids: `npm run db:migrate:new` then appends the triggers and the rebuild again
-- (scripts/prisma/full-text-search.ts, which holds them verbatim).
CREATE VIRTUAL TABLE "DecisionSearch" USING fts5("searchText", content = 'Decision', content_rowid = 'rowid', tokenize = 'unicode61 remove_diacritics 2');

CREATE TRIGGER "Decision_search_insert" AFTER INSERT ON "Decision" BEGIN
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
