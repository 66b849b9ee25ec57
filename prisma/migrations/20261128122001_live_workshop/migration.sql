-- CreateTable
CREATE TABLE "WorkshopSession" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "teamId" TEXT NOT NULL,
    "decisionId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "facilitatorUserId" TEXT,
    "anonymous" BOOLEAN NOT NULL DEFAULT false,
    "observersAllowed" BOOLEAN NOT NULL DEFAULT true,
    "timerMinutes" INTEGER,
    "currentStep" TEXT NOT NULL,
    "phase" TEXT NOT NULL DEFAULT 'lobby',
    "stepDeadline" DATETIME,
    "revision" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" DATETIME,
    CONSTRAINT "WorkshopSession_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "WorkshopSession_decisionId_fkey" FOREIGN KEY ("decisionId") REFERENCES "Decision" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "WorkshopSession_facilitatorUserId_fkey" FOREIGN KEY ("facilitatorUserId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "WorkshopParticipant" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "sessionId" TEXT NOT NULL,
    "userId" TEXT,
    "displayName" TEXT NOT NULL,
    "guestTokenHash" TEXT,
    "role" TEXT NOT NULL DEFAULT 'participant',
    "revision" INTEGER NOT NULL DEFAULT 1,
    "joinedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "WorkshopParticipant_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "WorkshopSession" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "WorkshopParticipant_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "WorkshopAnswer" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "sessionId" TEXT NOT NULL,
    "participantId" TEXT NOT NULL,
    "step" TEXT NOT NULL,
    "answers" JSONB NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "WorkshopAnswer_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "WorkshopSession" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "WorkshopAnswer_participantId_fkey" FOREIGN KEY ("participantId") REFERENCES "WorkshopParticipant" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "WorkshopAgreement" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "sessionId" TEXT NOT NULL,
    "step" TEXT NOT NULL,
    "answers" JSONB NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "WorkshopAgreement_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "WorkshopSession" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "WorkshopSession_code_key" ON "WorkshopSession"("code");

-- CreateIndex
CREATE INDEX "WorkshopSession_decisionId_createdAt_idx" ON "WorkshopSession"("decisionId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "WorkshopParticipant_guestTokenHash_key" ON "WorkshopParticipant"("guestTokenHash");

-- CreateIndex
CREATE INDEX "WorkshopParticipant_sessionId_joinedAt_idx" ON "WorkshopParticipant"("sessionId", "joinedAt");

-- CreateIndex
CREATE UNIQUE INDEX "WorkshopParticipant_sessionId_userId_key" ON "WorkshopParticipant"("sessionId", "userId");

-- CreateIndex
CREATE INDEX "WorkshopAnswer_sessionId_step_idx" ON "WorkshopAnswer"("sessionId", "step");

-- CreateIndex
CREATE UNIQUE INDEX "WorkshopAnswer_participantId_step_key" ON "WorkshopAnswer"("participantId", "step");

-- CreateIndex
CREATE UNIQUE INDEX "WorkshopAgreement_sessionId_step_key" ON "WorkshopAgreement"("sessionId", "step");
