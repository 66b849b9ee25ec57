-- DropIndex
DROP INDEX "AuditEvent_decisionId_createdAt_idx";

-- CreateIndex
CREATE INDEX "AuditEvent_decisionId_teamId_createdAt_idx" ON "AuditEvent"("decisionId", "teamId", "createdAt");
