-- CreateTable
CREATE TABLE "ReportObligation" (
    "id" TEXT NOT NULL,
    "taskId" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "bodyName" TEXT NOT NULL,
    "bodyId" TEXT,
    "periodStart" TIMESTAMP(3) NOT NULL,
    "periodEnd" TIMESTAMP(3) NOT NULL,
    "due" TIMESTAMP(3) NOT NULL,
    "status" TEXT NOT NULL,
    "submittedAt" TIMESTAMP(3),
    "acceptedAt" TIMESTAMP(3),
    "returnCount" INTEGER NOT NULL DEFAULT 0,
    "text" TEXT,
    "percent" INTEGER,
    "attachments" TEXT NOT NULL DEFAULT '[]',
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReportObligation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ReportObligation_planId_periodEnd_idx" ON "ReportObligation"("planId", "periodEnd");

-- CreateIndex
CREATE INDEX "ReportObligation_taskId_idx" ON "ReportObligation"("taskId");

-- CreateIndex
CREATE INDEX "ReportObligation_bodyId_idx" ON "ReportObligation"("bodyId");
