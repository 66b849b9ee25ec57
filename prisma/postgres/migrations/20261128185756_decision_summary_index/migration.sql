-- CreateIndex
CREATE INDEX "Decision_teamId_status_finalLevel_decidedAt_idx" ON "Decision"("teamId", "status", "finalLevel", "decidedAt");
