-- AlterTable
ALTER TABLE "Account" ADD COLUMN "duty" TEXT;

-- AlterTable
ALTER TABLE "Assignment" ADD COLUMN "signOffDraft" TEXT;

-- AlterTable
ALTER TABLE "TaskEvent" ADD COLUMN "onBehalfOfId" TEXT;
ALTER TABLE "TaskEvent" ADD COLUMN "onBehalfOfName" TEXT;

-- AlterTable
ALTER TABLE "AuditEntry" ADD COLUMN "onBehalfOfId" TEXT;
ALTER TABLE "AuditEntry" ADD COLUMN "onBehalfOfName" TEXT;

-- CreateTable
CREATE TABLE "SignOffDelegation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "bodyId" TEXT NOT NULL,
    "principalId" TEXT NOT NULL,
    "delegateId" TEXT NOT NULL,
    "from" DATETIME NOT NULL,
    "until" DATETIME NOT NULL,
    "revokedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "SignOffDelegation_delegateId_idx" ON "SignOffDelegation"("delegateId");

-- CreateIndex
CREATE INDEX "SignOffDelegation_bodyId_idx" ON "SignOffDelegation"("bodyId");

