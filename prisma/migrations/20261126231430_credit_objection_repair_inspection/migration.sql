-- CreateTable
CREATE TABLE "MarketEntity" (
    "code" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "registrationBody" TEXT NOT NULL,
    "district" TEXT NOT NULL,
    "industry" TEXT NOT NULL,
    "creditClass" TEXT NOT NULL DEFAULT 'good',
    "ruleVersion" TEXT NOT NULL DEFAULT '',
    "classReasons" TEXT NOT NULL DEFAULT '[]',
    "classifiedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "CreditRecord" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "entityCode" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "severity" TEXT NOT NULL DEFAULT 'general',
    "amountYuan" REAL,
    "date" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "providerBodyId" TEXT,
    "providerName" TEXT NOT NULL DEFAULT '',
    "repairExcluded" BOOLEAN NOT NULL DEFAULT false,
    "status" TEXT NOT NULL DEFAULT 'active',
    "publication" TEXT NOT NULL DEFAULT 'published',
    "publicationEndedAt" DATETIME,
    "underObjection" BOOLEAN NOT NULL DEFAULT false,
    "objectionCaseId" TEXT,
    "source" TEXT NOT NULL,
    "history" TEXT NOT NULL DEFAULT '[]',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "CreditRecord_entityCode_fkey" FOREIGN KEY ("entityCode") REFERENCES "MarketEntity" ("code") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CreditClassChange" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "entityCode" TEXT NOT NULL,
    "at" DATETIME NOT NULL,
    "from" TEXT,
    "to" TEXT NOT NULL,
    "ruleVersion" TEXT NOT NULL,
    "reasons" TEXT NOT NULL DEFAULT '[]',
    "cause" TEXT NOT NULL,
    CONSTRAINT "CreditClassChange_entityCode_fkey" FOREIGN KEY ("entityCode") REFERENCES "MarketEntity" ("code") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ObjectionCase" (
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
    "version" INTEGER NOT NULL DEFAULT 0,
    "projectedAt" DATETIME,
    CONSTRAINT "ObjectionCase_entityCode_fkey" FOREIGN KEY ("entityCode") REFERENCES "MarketEntity" ("code") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ObjectionCase_recordId_fkey" FOREIGN KEY ("recordId") REFERENCES "CreditRecord" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RepairApplication" (
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
    "reasons" TEXT,
    "policyVersion" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "projectedAt" DATETIME,
    CONSTRAINT "RepairApplication_entityCode_fkey" FOREIGN KEY ("entityCode") REFERENCES "MarketEntity" ("code") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "RepairApplication_recordId_fkey" FOREIGN KEY ("recordId") REFERENCES "CreditRecord" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "InspectionRound" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "title" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "filter" TEXT NOT NULL,
    "sampleRule" TEXT NOT NULL,
    "checklist" TEXT NOT NULL,
    "bodies" TEXT NOT NULL,
    "inspectorsPerBody" INTEGER NOT NULL,
    "seed" TEXT,
    "populationHash" TEXT,
    "populationSize" INTEGER,
    "drawnAt" DATETIME,
    "createdByName" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "projectedAt" DATETIME
);

-- CreateTable
CREATE TABLE "PopulationSnapshot" (
    "hash" TEXT NOT NULL PRIMARY KEY,
    "size" INTEGER NOT NULL,
    "codes" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "SampledEntity" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "roundId" TEXT NOT NULL,
    "entityCode" TEXT NOT NULL,
    "ordinal" INTEGER NOT NULL,
    CONSTRAINT "SampledEntity_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "InspectionRound" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "SampledEntity_entityCode_fkey" FOREIGN KEY ("entityCode") REFERENCES "MarketEntity" ("code") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "InspectorAssignment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "sampledId" TEXT NOT NULL,
    "officerId" TEXT NOT NULL,
    "bodyId" TEXT NOT NULL,
    CONSTRAINT "InspectorAssignment_sampledId_fkey" FOREIGN KEY ("sampledId") REFERENCES "SampledEntity" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "InspectorAssignment_officerId_fkey" FOREIGN KEY ("officerId") REFERENCES "EnforcementOfficer" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "InspectionResult" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "answers" TEXT NOT NULL,
    "inspectorIds" TEXT NOT NULL,
    "finding" TEXT,
    "recordedAt" DATETIME NOT NULL,
    "recordedBy" TEXT NOT NULL,
    "publishBy" DATETIME NOT NULL,
    "publishedAt" DATETIME,
    "overdue" BOOLEAN NOT NULL DEFAULT false,
    "recordId" TEXT,
    CONSTRAINT "InspectionResult_id_fkey" FOREIGN KEY ("id") REFERENCES "SampledEntity" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "EnforcementOfficer" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "bodyId" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true
);

-- CreateTable
CREATE TABLE "InspectorConflict" (
    "officerId" TEXT NOT NULL,
    "entityCode" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "declaredAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("officerId", "entityCode"),
    CONSTRAINT "InspectorConflict_officerId_fkey" FOREIGN KEY ("officerId") REFERENCES "EnforcementOfficer" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CaseEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "caseId" TEXT NOT NULL,
    "caseKind" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "type" TEXT NOT NULL,
    "at" DATETIME NOT NULL,
    "actorId" TEXT,
    "actorName" TEXT NOT NULL,
    "comment" TEXT,
    "data" TEXT NOT NULL DEFAULT '{}'
);

-- CreateIndex
CREATE INDEX "MarketEntity_creditClass_district_industry_idx" ON "MarketEntity"("creditClass", "district", "industry");

-- CreateIndex
CREATE INDEX "CreditRecord_entityCode_idx" ON "CreditRecord"("entityCode");

-- CreateIndex
CREATE INDEX "CreditRecord_underObjection_idx" ON "CreditRecord"("underObjection");

-- CreateIndex
CREATE INDEX "CreditClassChange_entityCode_at_idx" ON "CreditClassChange"("entityCode", "at");

-- CreateIndex
CREATE INDEX "ObjectionCase_status_idx" ON "ObjectionCase"("status");

-- CreateIndex
CREATE INDEX "ObjectionCase_entityCode_idx" ON "ObjectionCase"("entityCode");

-- CreateIndex
CREATE INDEX "RepairApplication_recordId_idx" ON "RepairApplication"("recordId");

-- CreateIndex
CREATE INDEX "RepairApplication_status_idx" ON "RepairApplication"("status");

-- CreateIndex
CREATE INDEX "SampledEntity_entityCode_idx" ON "SampledEntity"("entityCode");

-- CreateIndex
CREATE UNIQUE INDEX "SampledEntity_roundId_ordinal_key" ON "SampledEntity"("roundId", "ordinal");

-- CreateIndex
CREATE INDEX "InspectorAssignment_sampledId_idx" ON "InspectorAssignment"("sampledId");

-- CreateIndex
CREATE INDEX "InspectorAssignment_officerId_idx" ON "InspectorAssignment"("officerId");

-- CreateIndex
CREATE INDEX "EnforcementOfficer_bodyId_idx" ON "EnforcementOfficer"("bodyId");

-- CreateIndex
CREATE UNIQUE INDEX "CaseEvent_caseId_seq_key" ON "CaseEvent"("caseId", "seq");

