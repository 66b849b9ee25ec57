-- Full-text search over the decision log (issue #16): a GIN index of the search text's tsvector
-- ('simple' configuration: no stemming, any language), which the log's search matches with the
-- same expression. Written by hand: Prisma's schema has no expression indexes.
CREATE INDEX "Decision_searchText_fts_idx" ON "Decision" USING GIN (to_tsvector('simple', "searchText"));
