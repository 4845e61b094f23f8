-- AlterTable
ALTER TABLE "Plan" ADD COLUMN "escalationLadder" TEXT;

-- CreateTable
CREATE TABLE "SupervisionSlip" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "planId" TEXT NOT NULL,
    "taskId" TEXT NOT NULL,
    "bodyName" TEXT NOT NULL,
    "bodyId" TEXT,
    "rungId" TEXT NOT NULL,
    "level" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "serial" INTEGER NOT NULL,
    "issuedAt" DATETIME NOT NULL,
    "due" DATETIME NOT NULL,
    "daysOverdue" INTEGER NOT NULL,
    "respondBy" DATETIME NOT NULL,
    "fileId" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "acknowledgedAt" DATETIME,
    "acknowledgedBy" TEXT,
    CONSTRAINT "SupervisionSlip_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "SupervisionSlip_bodyId_idx" ON "SupervisionSlip"("bodyId");

-- CreateIndex
CREATE INDEX "SupervisionSlip_taskId_idx" ON "SupervisionSlip"("taskId");

-- CreateIndex
CREATE UNIQUE INDEX "SupervisionSlip_planId_year_serial_key" ON "SupervisionSlip"("planId", "year", "serial");

