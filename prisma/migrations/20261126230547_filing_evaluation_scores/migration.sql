-- CreateTable
CREATE TABLE "FilingRound" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "title" TEXT NOT NULL,
    "deadline" DATETIME NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "openedAt" DATETIME NOT NULL,
    "openedBy" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "BodyFiling" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "roundId" TEXT NOT NULL,
    "bodyId" TEXT NOT NULL,
    "bodyName" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "light" TEXT NOT NULL DEFAULT 'green',
    "due" DATETIME NOT NULL,
    "submittedAt" DATETIME,
    "lastSubmittedAt" DATETIME,
    "acceptedAt" DATETIME,
    "returnCount" INTEGER NOT NULL DEFAULT 0,
    "lastReason" TEXT,
    "measuresRef" TEXT,
    "measuresName" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "BodyFiling_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "FilingRound" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CatalogueEntry" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "filingId" TEXT NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "item" TEXT NOT NULL,
    "disposition" TEXT NOT NULL,
    "object" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "standard" TEXT NOT NULL,
    "measures" TEXT NOT NULL,
    "procedure" TEXT NOT NULL,
    CONSTRAINT "CatalogueEntry_filingId_fkey" FOREIGN KEY ("filingId") REFERENCES "BodyFiling" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "FilingRecord" (
    "roundId" TEXT NOT NULL PRIMARY KEY,
    "consolidatedAt" DATETIME NOT NULL,
    "consolidatedBy" TEXT NOT NULL,
    "rows" TEXT NOT NULL DEFAULT '[]',
    "includedBodies" TEXT NOT NULL DEFAULT '[]',
    "overdueBodies" TEXT NOT NULL DEFAULT '[]',
    "filedOn" TEXT,
    "filingNumber" TEXT,
    "filedAt" DATETIME,
    CONSTRAINT "FilingRecord_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "FilingRound" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "EvaluationRound" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "year" INTEGER NOT NULL,
    "deadline" DATETIME NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "openedAt" DATETIME NOT NULL,
    "openedBy" TEXT NOT NULL,
    "consolidatedAt" DATETIME,
    "summaryDate" TEXT,
    "summary" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "UnitReport" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "roundId" TEXT NOT NULL,
    "bodyId" TEXT NOT NULL,
    "bodyName" TEXT NOT NULL,
    "unitKind" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "light" TEXT NOT NULL DEFAULT 'green',
    "due" DATETIME NOT NULL,
    "submittedAt" DATETIME,
    "lastSubmittedAt" DATETIME,
    "acceptedAt" DATETIME,
    "returnCount" INTEGER NOT NULL DEFAULT 0,
    "lastReason" TEXT,
    "content" TEXT,
    "attachments" TEXT NOT NULL DEFAULT '[]',
    "version" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "UnitReport_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "EvaluationRound" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RoundEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "roundKind" TEXT NOT NULL,
    "roundId" TEXT NOT NULL,
    "unitId" TEXT,
    "seq" INTEGER NOT NULL,
    "type" TEXT NOT NULL,
    "at" DATETIME NOT NULL,
    "actorId" TEXT,
    "actorName" TEXT NOT NULL,
    "bodyId" TEXT,
    "comment" TEXT,
    "attachments" TEXT NOT NULL DEFAULT '[]',
    "data" TEXT NOT NULL DEFAULT '{}'
);

-- CreateTable
CREATE TABLE "RubricVersion" (
    "version" TEXT NOT NULL PRIMARY KEY,
    "rubric" TEXT NOT NULL,
    "note" TEXT,
    "createdAt" DATETIME NOT NULL,
    "createdBy" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "ScoreSheet" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "year" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "rubricVersion" TEXT NOT NULL,
    "rubric" TEXT NOT NULL,
    "asOf" DATETIME NOT NULL,
    "computedAt" DATETIME NOT NULL,
    "computedBy" TEXT NOT NULL,
    "reviewedAt" DATETIME,
    "reviewedBy" TEXT,
    "publishedAt" DATETIME,
    "publishedBy" TEXT
);

-- CreateTable
CREATE TABLE "BodyScore" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "sheetId" TEXT NOT NULL,
    "bodyId" TEXT NOT NULL,
    "bodyName" TEXT NOT NULL,
    "score" REAL NOT NULL,
    "record" TEXT NOT NULL,
    "breakdown" TEXT NOT NULL,
    CONSTRAINT "BodyScore_sheetId_fkey" FOREIGN KEY ("sheetId") REFERENCES "ScoreSheet" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "BodyFiling_bodyId_idx" ON "BodyFiling"("bodyId");

-- CreateIndex
CREATE UNIQUE INDEX "BodyFiling_roundId_bodyId_key" ON "BodyFiling"("roundId", "bodyId");

-- CreateIndex
CREATE INDEX "CatalogueEntry_filingId_idx" ON "CatalogueEntry"("filingId");

-- CreateIndex
CREATE UNIQUE INDEX "EvaluationRound_year_key" ON "EvaluationRound"("year");

-- CreateIndex
CREATE INDEX "UnitReport_bodyId_idx" ON "UnitReport"("bodyId");

-- CreateIndex
CREATE UNIQUE INDEX "UnitReport_roundId_bodyId_key" ON "UnitReport"("roundId", "bodyId");

-- CreateIndex
CREATE INDEX "RoundEvent_roundId_at_idx" ON "RoundEvent"("roundId", "at");

-- CreateIndex
CREATE INDEX "RoundEvent_unitId_idx" ON "RoundEvent"("unitId");

-- CreateIndex
CREATE UNIQUE INDEX "ScoreSheet_year_version_key" ON "ScoreSheet"("year", "version");

-- CreateIndex
CREATE UNIQUE INDEX "BodyScore_sheetId_bodyId_key" ON "BodyScore"("sheetId", "bodyId");

