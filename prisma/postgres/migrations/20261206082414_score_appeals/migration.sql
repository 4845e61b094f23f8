-- AlterTable
ALTER TABLE "ScoreSheet" ADD COLUMN     "announcedAt" TIMESTAMP(3),
ADD COLUMN     "correctsAppealId" TEXT;

-- AlterTable
ALTER TABLE "BodyScore" ADD COLUMN     "withdrawn" TEXT NOT NULL DEFAULT '[]';

-- CreateTable
CREATE TABLE "ScoreAppealWindow" (
    "id" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "sheetId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "announcedAt" TIMESTAMP(3) NOT NULL,
    "announcedBy" TEXT NOT NULL,
    "appealWorkingDays" INTEGER NOT NULL,
    "closesAt" TIMESTAMP(3) NOT NULL,
    "provisional" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL,

    CONSTRAINT "ScoreAppealWindow_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScoreAppeal" (
    "id" TEXT NOT NULL,
    "windowId" TEXT NOT NULL,
    "sheetId" TEXT NOT NULL,
    "bodyId" TEXT NOT NULL,
    "criterion" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "detail" TEXT NOT NULL,
    "points" DOUBLE PRECISION NOT NULL,
    "reason" TEXT NOT NULL,
    "evidence" TEXT NOT NULL DEFAULT '[]',
    "filedAt" TIMESTAMP(3) NOT NULL,
    "filedById" TEXT,
    "filedByName" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "decidedAt" TIMESTAMP(3),
    "decidedBy" TEXT,
    "decision" TEXT,
    "correctedSheetId" TEXT,

    CONSTRAINT "ScoreAppeal_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ScoreAppealWindow_year_idx" ON "ScoreAppealWindow"("year");

-- CreateIndex
CREATE INDEX "ScoreAppeal_bodyId_idx" ON "ScoreAppeal"("bodyId");

-- CreateIndex
CREATE UNIQUE INDEX "ScoreSheet_correctsAppealId_key" ON "ScoreSheet"("correctsAppealId");

-- AddForeignKey
ALTER TABLE "ScoreAppeal" ADD CONSTRAINT "ScoreAppeal_windowId_fkey" FOREIGN KEY ("windowId") REFERENCES "ScoreAppealWindow"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

