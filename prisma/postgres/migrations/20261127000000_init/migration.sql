-- CreateTable
CREATE TABLE "Body" (
    "id" TEXT NOT NULL,
    "shortName" TEXT NOT NULL,
    "fullName" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "aliases" TEXT NOT NULL DEFAULT '[]',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Body_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BodyMember" (
    "groupId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,

    CONSTRAINT "BodyMember_pkey" PRIMARY KEY ("groupId","memberId")
);

-- CreateTable
CREATE TABLE "Account" (
    "id" TEXT NOT NULL,
    "login" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "email" TEXT,
    "bodyId" TEXT,
    "passwordHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Account_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Plan" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "issuer" TEXT,
    "issuedOn" TEXT,
    "basis" TEXT,
    "sourceText" TEXT NOT NULL,
    "timeline" TEXT NOT NULL DEFAULT 'historic',
    "shiftDays" INTEGER NOT NULL DEFAULT 0,
    "reminderDays" TEXT NOT NULL DEFAULT '[7,1]',
    "warnings" TEXT NOT NULL DEFAULT '[]',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Plan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Section" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "title" TEXT NOT NULL,

    CONSTRAINT "Section_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Task" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "sectionId" TEXT NOT NULL,
    "ref" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "light" TEXT NOT NULL DEFAULT 'green',
    "due" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 0,
    "projectedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Task_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Assignment" (
    "id" TEXT NOT NULL,
    "taskId" TEXT NOT NULL,
    "bodyName" TEXT NOT NULL,
    "bodyId" TEXT,
    "role" TEXT NOT NULL,
    "primary" BOOLEAN NOT NULL DEFAULT false,
    "placeholder" BOOLEAN NOT NULL DEFAULT false,
    "blocking" BOOLEAN NOT NULL DEFAULT false,
    "status" TEXT NOT NULL DEFAULT 'assigned',
    "light" TEXT NOT NULL DEFAULT 'green',
    "deliverable" TEXT,
    "due" TIMESTAMP(3),
    "originalDue" TIMESTAMP(3),
    "submittedAt" TIMESTAMP(3),
    "acceptedAt" TIMESTAMP(3),
    "returnCount" INTEGER NOT NULL DEFAULT 0,
    "extensionUntil" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Assignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Requirement" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "due" TIMESTAMP(3),
    "recurrence" TEXT,
    "appliesTo" TEXT NOT NULL DEFAULT '[]',

    CONSTRAINT "Requirement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TaskEvent" (
    "id" TEXT NOT NULL,
    "taskId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "type" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "actorId" TEXT,
    "actorName" TEXT NOT NULL,
    "bodyName" TEXT,
    "comment" TEXT,
    "attachments" TEXT NOT NULL DEFAULT '[]',
    "data" TEXT NOT NULL DEFAULT '{}',

    CONSTRAINT "TaskEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEntry" (
    "id" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "actorId" TEXT,
    "actorName" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "detail" TEXT NOT NULL DEFAULT '{}',

    CONSTRAINT "AuditEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "taskId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "readAt" TIMESTAMP(3),
    "emailedAt" TIMESTAMP(3),

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Attachment" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "type" TEXT NOT NULL,
    "uploadedBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Attachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DeniedAttempt" (
    "id" SERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "accountId" TEXT,
    "operation" TEXT NOT NULL,
    "reason" TEXT NOT NULL,

    CONSTRAINT "DeniedAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FilingRound" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "deadline" TIMESTAMP(3) NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "openedAt" TIMESTAMP(3) NOT NULL,
    "openedBy" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FilingRound_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BodyFiling" (
    "id" TEXT NOT NULL,
    "roundId" TEXT NOT NULL,
    "bodyId" TEXT NOT NULL,
    "bodyName" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "light" TEXT NOT NULL DEFAULT 'green',
    "due" TIMESTAMP(3) NOT NULL,
    "submittedAt" TIMESTAMP(3),
    "lastSubmittedAt" TIMESTAMP(3),
    "acceptedAt" TIMESTAMP(3),
    "returnCount" INTEGER NOT NULL DEFAULT 0,
    "lastReason" TEXT,
    "measuresRef" TEXT,
    "measuresName" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BodyFiling_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CatalogueEntry" (
    "id" TEXT NOT NULL,
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

    CONSTRAINT "CatalogueEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FilingRecord" (
    "roundId" TEXT NOT NULL,
    "consolidatedAt" TIMESTAMP(3) NOT NULL,
    "consolidatedBy" TEXT NOT NULL,
    "rows" TEXT NOT NULL DEFAULT '[]',
    "includedBodies" TEXT NOT NULL DEFAULT '[]',
    "overdueBodies" TEXT NOT NULL DEFAULT '[]',
    "filedOn" TEXT,
    "filingNumber" TEXT,
    "filedAt" TIMESTAMP(3),

    CONSTRAINT "FilingRecord_pkey" PRIMARY KEY ("roundId")
);

-- CreateTable
CREATE TABLE "EvaluationRound" (
    "id" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "deadline" TIMESTAMP(3) NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "openedAt" TIMESTAMP(3) NOT NULL,
    "openedBy" TEXT NOT NULL,
    "consolidatedAt" TIMESTAMP(3),
    "summaryDate" TEXT,
    "summary" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EvaluationRound_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UnitReport" (
    "id" TEXT NOT NULL,
    "roundId" TEXT NOT NULL,
    "bodyId" TEXT NOT NULL,
    "bodyName" TEXT NOT NULL,
    "unitKind" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "light" TEXT NOT NULL DEFAULT 'green',
    "due" TIMESTAMP(3) NOT NULL,
    "submittedAt" TIMESTAMP(3),
    "lastSubmittedAt" TIMESTAMP(3),
    "acceptedAt" TIMESTAMP(3),
    "returnCount" INTEGER NOT NULL DEFAULT 0,
    "lastReason" TEXT,
    "content" TEXT,
    "attachments" TEXT NOT NULL DEFAULT '[]',
    "version" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "UnitReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RoundEvent" (
    "id" TEXT NOT NULL,
    "roundKind" TEXT NOT NULL,
    "roundId" TEXT NOT NULL,
    "unitId" TEXT,
    "seq" INTEGER NOT NULL,
    "type" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "actorId" TEXT,
    "actorName" TEXT NOT NULL,
    "bodyId" TEXT,
    "comment" TEXT,
    "attachments" TEXT NOT NULL DEFAULT '[]',
    "data" TEXT NOT NULL DEFAULT '{}',

    CONSTRAINT "RoundEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RubricVersion" (
    "version" TEXT NOT NULL,
    "rubric" TEXT NOT NULL,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "createdBy" TEXT NOT NULL,

    CONSTRAINT "RubricVersion_pkey" PRIMARY KEY ("version")
);

-- CreateTable
CREATE TABLE "ScoreSheet" (
    "id" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "rubricVersion" TEXT NOT NULL,
    "rubric" TEXT NOT NULL,
    "asOf" TIMESTAMP(3) NOT NULL,
    "computedAt" TIMESTAMP(3) NOT NULL,
    "computedBy" TEXT NOT NULL,
    "reviewedAt" TIMESTAMP(3),
    "reviewedBy" TEXT,
    "publishedAt" TIMESTAMP(3),
    "publishedBy" TEXT,

    CONSTRAINT "ScoreSheet_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BodyScore" (
    "id" TEXT NOT NULL,
    "sheetId" TEXT NOT NULL,
    "bodyId" TEXT NOT NULL,
    "bodyName" TEXT NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "record" TEXT NOT NULL,
    "breakdown" TEXT NOT NULL,

    CONSTRAINT "BodyScore_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MarketEntity" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "registrationBody" TEXT NOT NULL,
    "district" TEXT NOT NULL,
    "industry" TEXT NOT NULL,
    "creditClass" TEXT NOT NULL DEFAULT 'good',
    "ruleVersion" TEXT NOT NULL DEFAULT '',
    "classReasons" TEXT NOT NULL DEFAULT '[]',
    "classifiedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MarketEntity_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "CreditRecord" (
    "id" TEXT NOT NULL,
    "entityCode" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "severity" TEXT NOT NULL DEFAULT 'general',
    "amountYuan" DOUBLE PRECISION,
    "date" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "providerBodyId" TEXT,
    "providerName" TEXT NOT NULL DEFAULT '',
    "repairExcluded" BOOLEAN NOT NULL DEFAULT false,
    "status" TEXT NOT NULL DEFAULT 'active',
    "publication" TEXT NOT NULL DEFAULT 'published',
    "publicationEndedAt" TIMESTAMP(3),
    "underObjection" BOOLEAN NOT NULL DEFAULT false,
    "objectionCaseId" TEXT,
    "source" TEXT NOT NULL,
    "history" TEXT NOT NULL DEFAULT '[]',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CreditRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CreditClassChange" (
    "id" TEXT NOT NULL,
    "entityCode" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "from" TEXT,
    "to" TEXT NOT NULL,
    "ruleVersion" TEXT NOT NULL,
    "reasons" TEXT NOT NULL DEFAULT '[]',
    "cause" TEXT NOT NULL,

    CONSTRAINT "CreditClassChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ObjectionCase" (
    "id" TEXT NOT NULL,
    "entityCode" TEXT NOT NULL,
    "recordId" TEXT,
    "providerBodyId" TEXT,
    "filedByBodyId" TEXT,
    "filedByName" TEXT NOT NULL,
    "reasons" TEXT NOT NULL,
    "evidence" TEXT NOT NULL DEFAULT '[]',
    "status" TEXT NOT NULL,
    "filedAt" TIMESTAMP(3) NOT NULL,
    "acceptBy" TIMESTAMP(3) NOT NULL,
    "acceptedAt" TIMESTAMP(3),
    "verifyBy" TIMESTAMP(3),
    "replyBy" TIMESTAMP(3),
    "decidedAt" TIMESTAMP(3),
    "correction" TEXT,
    "overdue" TEXT NOT NULL DEFAULT '[]',
    "version" INTEGER NOT NULL DEFAULT 0,
    "projectedAt" TIMESTAMP(3),

    CONSTRAINT "ObjectionCase_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RepairApplication" (
    "id" TEXT NOT NULL,
    "entityCode" TEXT NOT NULL,
    "recordId" TEXT NOT NULL,
    "filedByBodyId" TEXT,
    "filedByName" TEXT NOT NULL,
    "statement" TEXT NOT NULL,
    "evidence" TEXT NOT NULL DEFAULT '[]',
    "commitment" TEXT,
    "status" TEXT NOT NULL,
    "filedAt" TIMESTAMP(3) NOT NULL,
    "reviewBy" TIMESTAMP(3),
    "decidedAt" TIMESTAMP(3),
    "overdue" BOOLEAN NOT NULL DEFAULT false,
    "reasons" TEXT,
    "policyVersion" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "projectedAt" TIMESTAMP(3),

    CONSTRAINT "RepairApplication_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InspectionRound" (
    "id" TEXT NOT NULL,
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
    "drawnAt" TIMESTAMP(3),
    "createdByName" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "projectedAt" TIMESTAMP(3),

    CONSTRAINT "InspectionRound_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PopulationSnapshot" (
    "hash" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "codes" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PopulationSnapshot_pkey" PRIMARY KEY ("hash")
);

-- CreateTable
CREATE TABLE "SampledEntity" (
    "id" TEXT NOT NULL,
    "roundId" TEXT NOT NULL,
    "entityCode" TEXT NOT NULL,
    "ordinal" INTEGER NOT NULL,

    CONSTRAINT "SampledEntity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InspectorAssignment" (
    "id" TEXT NOT NULL,
    "sampledId" TEXT NOT NULL,
    "officerId" TEXT NOT NULL,
    "bodyId" TEXT NOT NULL,

    CONSTRAINT "InspectorAssignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InspectionResult" (
    "id" TEXT NOT NULL,
    "answers" TEXT NOT NULL,
    "inspectorIds" TEXT NOT NULL,
    "finding" TEXT,
    "recordedAt" TIMESTAMP(3) NOT NULL,
    "recordedBy" TEXT NOT NULL,
    "publishBy" TIMESTAMP(3) NOT NULL,
    "publishedAt" TIMESTAMP(3),
    "overdue" BOOLEAN NOT NULL DEFAULT false,
    "recordId" TEXT,

    CONSTRAINT "InspectionResult_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EnforcementOfficer" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "bodyId" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "EnforcementOfficer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InspectorConflict" (
    "officerId" TEXT NOT NULL,
    "entityCode" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "declaredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InspectorConflict_pkey" PRIMARY KEY ("officerId","entityCode")
);

-- CreateTable
CREATE TABLE "CaseEvent" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "caseKind" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "type" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "actorId" TEXT,
    "actorName" TEXT NOT NULL,
    "comment" TEXT,
    "data" TEXT NOT NULL DEFAULT '{}',

    CONSTRAINT "CaseEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Body_shortName_key" ON "Body"("shortName");

-- CreateIndex
CREATE UNIQUE INDEX "Account_login_key" ON "Account"("login");

-- CreateIndex
CREATE UNIQUE INDEX "Section_planId_ordinal_key" ON "Section"("planId", "ordinal");

-- CreateIndex
CREATE INDEX "Task_light_idx" ON "Task"("light");

-- CreateIndex
CREATE UNIQUE INDEX "Task_planId_ref_key" ON "Task"("planId", "ref");

-- CreateIndex
CREATE INDEX "Assignment_taskId_idx" ON "Assignment"("taskId");

-- CreateIndex
CREATE INDEX "Assignment_bodyId_idx" ON "Assignment"("bodyId");

-- CreateIndex
CREATE INDEX "Assignment_light_due_idx" ON "Assignment"("light", "due");

-- CreateIndex
CREATE INDEX "Assignment_status_due_idx" ON "Assignment"("status", "due");

-- CreateIndex
CREATE INDEX "TaskEvent_at_idx" ON "TaskEvent"("at");

-- CreateIndex
CREATE UNIQUE INDEX "TaskEvent_taskId_seq_key" ON "TaskEvent"("taskId", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "AuditEntry_key_key" ON "AuditEntry"("key");

-- CreateIndex
CREATE INDEX "Notification_accountId_readAt_idx" ON "Notification"("accountId", "readAt");

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

-- AddForeignKey
ALTER TABLE "BodyMember" ADD CONSTRAINT "BodyMember_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Body"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BodyMember" ADD CONSTRAINT "BodyMember_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Body"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Account" ADD CONSTRAINT "Account_bodyId_fkey" FOREIGN KEY ("bodyId") REFERENCES "Body"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Section" ADD CONSTRAINT "Section_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Task" ADD CONSTRAINT "Task_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Task" ADD CONSTRAINT "Task_sectionId_fkey" FOREIGN KEY ("sectionId") REFERENCES "Section"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "Task"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_bodyId_fkey" FOREIGN KEY ("bodyId") REFERENCES "Body"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Requirement" ADD CONSTRAINT "Requirement_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TaskEvent" ADD CONSTRAINT "TaskEvent_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "Task"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BodyFiling" ADD CONSTRAINT "BodyFiling_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "FilingRound"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CatalogueEntry" ADD CONSTRAINT "CatalogueEntry_filingId_fkey" FOREIGN KEY ("filingId") REFERENCES "BodyFiling"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FilingRecord" ADD CONSTRAINT "FilingRecord_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "FilingRound"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnitReport" ADD CONSTRAINT "UnitReport_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "EvaluationRound"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BodyScore" ADD CONSTRAINT "BodyScore_sheetId_fkey" FOREIGN KEY ("sheetId") REFERENCES "ScoreSheet"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CreditRecord" ADD CONSTRAINT "CreditRecord_entityCode_fkey" FOREIGN KEY ("entityCode") REFERENCES "MarketEntity"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CreditClassChange" ADD CONSTRAINT "CreditClassChange_entityCode_fkey" FOREIGN KEY ("entityCode") REFERENCES "MarketEntity"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ObjectionCase" ADD CONSTRAINT "ObjectionCase_entityCode_fkey" FOREIGN KEY ("entityCode") REFERENCES "MarketEntity"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ObjectionCase" ADD CONSTRAINT "ObjectionCase_recordId_fkey" FOREIGN KEY ("recordId") REFERENCES "CreditRecord"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RepairApplication" ADD CONSTRAINT "RepairApplication_entityCode_fkey" FOREIGN KEY ("entityCode") REFERENCES "MarketEntity"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RepairApplication" ADD CONSTRAINT "RepairApplication_recordId_fkey" FOREIGN KEY ("recordId") REFERENCES "CreditRecord"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SampledEntity" ADD CONSTRAINT "SampledEntity_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "InspectionRound"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SampledEntity" ADD CONSTRAINT "SampledEntity_entityCode_fkey" FOREIGN KEY ("entityCode") REFERENCES "MarketEntity"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InspectorAssignment" ADD CONSTRAINT "InspectorAssignment_sampledId_fkey" FOREIGN KEY ("sampledId") REFERENCES "SampledEntity"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InspectorAssignment" ADD CONSTRAINT "InspectorAssignment_officerId_fkey" FOREIGN KEY ("officerId") REFERENCES "EnforcementOfficer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InspectionResult" ADD CONSTRAINT "InspectionResult_id_fkey" FOREIGN KEY ("id") REFERENCES "SampledEntity"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InspectorConflict" ADD CONSTRAINT "InspectorConflict_officerId_fkey" FOREIGN KEY ("officerId") REFERENCES "EnforcementOfficer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

