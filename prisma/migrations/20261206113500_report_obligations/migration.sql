-- CreateTable
CREATE TABLE "ReportObligation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "taskId" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "bodyName" TEXT NOT NULL,
    "bodyId" TEXT,
    "periodStart" DATETIME NOT NULL,
    "periodEnd" DATETIME NOT NULL,
    "due" DATETIME NOT NULL,
    "status" TEXT NOT NULL,
    "submittedAt" DATETIME,
    "acceptedAt" DATETIME,
    "returnCount" INTEGER NOT NULL DEFAULT 0,
    "text" TEXT,
    "percent" INTEGER,
    "attachments" TEXT NOT NULL DEFAULT '[]',
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "ReportObligation_planId_periodEnd_idx" ON "ReportObligation"("planId", "periodEnd");

-- CreateIndex
CREATE INDEX "ReportObligation_taskId_idx" ON "ReportObligation"("taskId");

-- CreateIndex
CREATE INDEX "ReportObligation_bodyId_idx" ON "ReportObligation"("bodyId");
