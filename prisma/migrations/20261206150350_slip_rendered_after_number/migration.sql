-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_SupervisionSlip" (
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
    "fileId" TEXT,
    "size" INTEGER,
    "acknowledgedAt" DATETIME,
    "acknowledgedBy" TEXT,
    CONSTRAINT "SupervisionSlip_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_SupervisionSlip" ("acknowledgedAt", "acknowledgedBy", "bodyId", "bodyName", "daysOverdue", "due", "fileId", "id", "issuedAt", "level", "planId", "respondBy", "rungId", "serial", "size", "taskId", "year") SELECT "acknowledgedAt", "acknowledgedBy", "bodyId", "bodyName", "daysOverdue", "due", "fileId", "id", "issuedAt", "level", "planId", "respondBy", "rungId", "serial", "size", "taskId", "year" FROM "SupervisionSlip";
DROP TABLE "SupervisionSlip";
ALTER TABLE "new_SupervisionSlip" RENAME TO "SupervisionSlip";
CREATE INDEX "SupervisionSlip_bodyId_idx" ON "SupervisionSlip"("bodyId");
CREATE INDEX "SupervisionSlip_taskId_idx" ON "SupervisionSlip"("taskId");
CREATE UNIQUE INDEX "SupervisionSlip_planId_year_serial_key" ON "SupervisionSlip"("planId", "year", "serial");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

