-- AlterTable
ALTER TABLE "Account" ADD COLUMN     "duty" TEXT;

-- AlterTable
ALTER TABLE "Assignment" ADD COLUMN     "signOffDraft" TEXT;

-- AlterTable
ALTER TABLE "TaskEvent" ADD COLUMN     "onBehalfOfId" TEXT,
ADD COLUMN     "onBehalfOfName" TEXT;

-- AlterTable
ALTER TABLE "AuditEntry" ADD COLUMN     "onBehalfOfId" TEXT,
ADD COLUMN     "onBehalfOfName" TEXT;

-- CreateTable
CREATE TABLE "SignOffDelegation" (
    "id" TEXT NOT NULL,
    "bodyId" TEXT NOT NULL,
    "principalId" TEXT NOT NULL,
    "delegateId" TEXT NOT NULL,
    "from" TIMESTAMP(3) NOT NULL,
    "until" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SignOffDelegation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SignOffDelegation_delegateId_idx" ON "SignOffDelegation"("delegateId");

-- CreateIndex
CREATE INDEX "SignOffDelegation_bodyId_idx" ON "SignOffDelegation"("bodyId");

