-- AlterTable
ALTER TABLE "ScoreSheet" ADD COLUMN "announcedAt" DATETIME;
ALTER TABLE "ScoreSheet" ADD COLUMN "correctsAppealId" TEXT;

-- CreateTable
CREATE TABLE "ScoreAppealWindow" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "year" INTEGER NOT NULL,
    "sheetId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "announcedAt" DATETIME NOT NULL,
    "announcedBy" TEXT NOT NULL,
    "appealWorkingDays" INTEGER NOT NULL,
    "closesAt" DATETIME NOT NULL,
    "provisional" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL
);

-- CreateTable
CREATE TABLE "ScoreAppeal" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "windowId" TEXT NOT NULL,
    "sheetId" TEXT NOT NULL,
    "bodyId" TEXT NOT NULL,
    "criterion" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "detail" TEXT NOT NULL,
    "points" REAL NOT NULL,
    "reason" TEXT NOT NULL,
    "evidence" TEXT NOT NULL DEFAULT '[]',
    "filedAt" DATETIME NOT NULL,
    "filedById" TEXT,
    "filedByName" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "decidedAt" DATETIME,
    "decidedBy" TEXT,
    "decision" TEXT,
    "correctedSheetId" TEXT,
    CONSTRAINT "ScoreAppeal_windowId_fkey" FOREIGN KEY ("windowId") REFERENCES "ScoreAppealWindow" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_BodyScore" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "sheetId" TEXT NOT NULL,
    "bodyId" TEXT NOT NULL,
    "bodyName" TEXT NOT NULL,
    "score" REAL NOT NULL,
    "record" TEXT NOT NULL,
    "breakdown" TEXT NOT NULL,
    "withdrawn" TEXT NOT NULL DEFAULT '[]',
    CONSTRAINT "BodyScore_sheetId_fkey" FOREIGN KEY ("sheetId") REFERENCES "ScoreSheet" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_BodyScore" ("bodyId", "bodyName", "breakdown", "id", "record", "score", "sheetId") SELECT "bodyId", "bodyName", "breakdown", "id", "record", "score", "sheetId" FROM "BodyScore";
DROP TABLE "BodyScore";
ALTER TABLE "new_BodyScore" RENAME TO "BodyScore";
CREATE UNIQUE INDEX "BodyScore_sheetId_bodyId_key" ON "BodyScore"("sheetId", "bodyId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "ScoreAppealWindow_year_idx" ON "ScoreAppealWindow"("year");

-- CreateIndex
CREATE INDEX "ScoreAppeal_bodyId_idx" ON "ScoreAppeal"("bodyId");

-- CreateIndex
CREATE UNIQUE INDEX "ScoreSheet_correctsAppealId_key" ON "ScoreSheet"("correctsAppealId");

