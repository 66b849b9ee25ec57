-- DropIndex
DROP INDEX "Decision_teamId_updatedAt_idx";

-- CreateIndex
CREATE INDEX "Decision_teamId_updatedAt_status_finalLevel_idx" ON "Decision"("teamId", "updatedAt", "status", "finalLevel");
