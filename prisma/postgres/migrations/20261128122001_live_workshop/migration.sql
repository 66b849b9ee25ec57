-- CreateTable
CREATE TABLE "WorkshopSession" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "decisionId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "facilitatorUserId" TEXT,
    "anonymous" BOOLEAN NOT NULL DEFAULT false,
    "observersAllowed" BOOLEAN NOT NULL DEFAULT true,
    "timerMinutes" INTEGER,
    "currentStep" TEXT NOT NULL,
    "phase" TEXT NOT NULL DEFAULT 'lobby',
    "stepDeadline" TIMESTAMP(3),
    "revision" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" TIMESTAMP(3),

    CONSTRAINT "WorkshopSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WorkshopParticipant" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "userId" TEXT,
    "displayName" TEXT NOT NULL,
    "guestTokenHash" TEXT,
    "role" TEXT NOT NULL DEFAULT 'participant',
    "revision" INTEGER NOT NULL DEFAULT 1,
    "joinedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WorkshopParticipant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WorkshopAnswer" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "participantId" TEXT NOT NULL,
    "step" TEXT NOT NULL,
    "answers" JSONB NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WorkshopAnswer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WorkshopAgreement" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "step" TEXT NOT NULL,
    "answers" JSONB NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WorkshopAgreement_pkey" PRIMARY KEY ("id")
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

-- AddForeignKey
ALTER TABLE "WorkshopSession" ADD CONSTRAINT "WorkshopSession_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkshopSession" ADD CONSTRAINT "WorkshopSession_decisionId_fkey" FOREIGN KEY ("decisionId") REFERENCES "Decision"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkshopSession" ADD CONSTRAINT "WorkshopSession_facilitatorUserId_fkey" FOREIGN KEY ("facilitatorUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkshopParticipant" ADD CONSTRAINT "WorkshopParticipant_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "WorkshopSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkshopParticipant" ADD CONSTRAINT "WorkshopParticipant_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkshopAnswer" ADD CONSTRAINT "WorkshopAnswer_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "WorkshopSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkshopAnswer" ADD CONSTRAINT "WorkshopAnswer_participantId_fkey" FOREIGN KEY ("participantId") REFERENCES "WorkshopParticipant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkshopAgreement" ADD CONSTRAINT "WorkshopAgreement_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "WorkshopSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;
