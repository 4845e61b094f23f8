-- AlterTable
ALTER TABLE "InspectionRound" ADD COLUMN "announcedAt" DATETIME;
ALTER TABLE "InspectionRound" ADD COLUMN "beacon" TEXT;
ALTER TABLE "InspectionRound" ADD COLUMN "beaconSource" TEXT;

-- CreateTable
CREATE TABLE "InspectionDrawRecord" (
    "roundId" TEXT NOT NULL PRIMARY KEY,
    "announcedAt" DATETIME NOT NULL,
    "populationHash" TEXT NOT NULL,
    "population" TEXT NOT NULL,
    "officers" TEXT,
    "sample" TEXT,
    "drawnAt" DATETIME
);

-- CreateTable
CREATE TABLE "HolidayCalendar" (
    "year" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "holidays" TEXT NOT NULL,
    "workingWeekends" TEXT NOT NULL,
    "enteredBy" TEXT NOT NULL,
    "enteredAt" DATETIME NOT NULL
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ObjectionCase" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "entityCode" TEXT NOT NULL,
    "recordId" TEXT,
    "providerBodyId" TEXT,
    "filedByBodyId" TEXT,
    "filedByName" TEXT NOT NULL,
    "reasons" TEXT NOT NULL,
    "evidence" TEXT NOT NULL DEFAULT '[]',
    "status" TEXT NOT NULL,
    "filedAt" DATETIME NOT NULL,
    "acceptBy" DATETIME NOT NULL,
    "acceptedAt" DATETIME,
    "verifyBy" DATETIME,
    "replyBy" DATETIME,
    "decidedAt" DATETIME,
    "correction" TEXT,
    "overdue" TEXT NOT NULL DEFAULT '[]',
    "provisional" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 0,
    "projectedAt" DATETIME,
    CONSTRAINT "ObjectionCase_entityCode_fkey" FOREIGN KEY ("entityCode") REFERENCES "MarketEntity" ("code") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ObjectionCase_recordId_fkey" FOREIGN KEY ("recordId") REFERENCES "CreditRecord" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_ObjectionCase" ("acceptBy", "acceptedAt", "correction", "decidedAt", "entityCode", "evidence", "filedAt", "filedByBodyId", "filedByName", "id", "overdue", "projectedAt", "providerBodyId", "reasons", "recordId", "replyBy", "status", "verifyBy", "version") SELECT "acceptBy", "acceptedAt", "correction", "decidedAt", "entityCode", "evidence", "filedAt", "filedByBodyId", "filedByName", "id", "overdue", "projectedAt", "providerBodyId", "reasons", "recordId", "replyBy", "status", "verifyBy", "version" FROM "ObjectionCase";
DROP TABLE "ObjectionCase";
ALTER TABLE "new_ObjectionCase" RENAME TO "ObjectionCase";
CREATE INDEX "ObjectionCase_status_idx" ON "ObjectionCase"("status");
CREATE INDEX "ObjectionCase_entityCode_idx" ON "ObjectionCase"("entityCode");
CREATE TABLE "new_RepairApplication" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "entityCode" TEXT NOT NULL,
    "recordId" TEXT NOT NULL,
    "filedByBodyId" TEXT,
    "filedByName" TEXT NOT NULL,
    "statement" TEXT NOT NULL,
    "evidence" TEXT NOT NULL DEFAULT '[]',
    "commitment" TEXT,
    "status" TEXT NOT NULL,
    "filedAt" DATETIME NOT NULL,
    "reviewBy" DATETIME,
    "decidedAt" DATETIME,
    "overdue" BOOLEAN NOT NULL DEFAULT false,
    "provisional" BOOLEAN NOT NULL DEFAULT false,
    "reasons" TEXT,
    "policyVersion" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "projectedAt" DATETIME,
    CONSTRAINT "RepairApplication_entityCode_fkey" FOREIGN KEY ("entityCode") REFERENCES "MarketEntity" ("code") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "RepairApplication_recordId_fkey" FOREIGN KEY ("recordId") REFERENCES "CreditRecord" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_RepairApplication" ("commitment", "decidedAt", "entityCode", "evidence", "filedAt", "filedByBodyId", "filedByName", "id", "overdue", "policyVersion", "projectedAt", "reasons", "recordId", "reviewBy", "statement", "status", "version") SELECT "commitment", "decidedAt", "entityCode", "evidence", "filedAt", "filedByBodyId", "filedByName", "id", "overdue", "policyVersion", "projectedAt", "reasons", "recordId", "reviewBy", "statement", "status", "version" FROM "RepairApplication";
DROP TABLE "RepairApplication";
ALTER TABLE "new_RepairApplication" RENAME TO "RepairApplication";
CREATE INDEX "RepairApplication_recordId_idx" ON "RepairApplication"("recordId");
CREATE INDEX "RepairApplication_status_idx" ON "RepairApplication"("status");
CREATE TABLE "new_InspectionResult" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "answers" TEXT NOT NULL,
    "inspectorIds" TEXT NOT NULL,
    "finding" TEXT,
    "recordedAt" DATETIME NOT NULL,
    "recordedBy" TEXT NOT NULL,
    "publishBy" DATETIME NOT NULL,
    "publishedAt" DATETIME,
    "overdue" BOOLEAN NOT NULL DEFAULT false,
    "provisional" BOOLEAN NOT NULL DEFAULT false,
    "recordId" TEXT,
    CONSTRAINT "InspectionResult_id_fkey" FOREIGN KEY ("id") REFERENCES "SampledEntity" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_InspectionResult" ("answers", "finding", "id", "inspectorIds", "overdue", "publishBy", "publishedAt", "recordId", "recordedAt", "recordedBy") SELECT "answers", "finding", "id", "inspectorIds", "overdue", "publishBy", "publishedAt", "recordId", "recordedAt", "recordedBy" FROM "InspectionResult";
DROP TABLE "InspectionResult";
ALTER TABLE "new_InspectionResult" RENAME TO "InspectionResult";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

