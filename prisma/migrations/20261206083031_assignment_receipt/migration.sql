-- AlterTable
ALTER TABLE "Assignment" ADD COLUMN "acknowledgeBy" DATETIME;
ALTER TABLE "Assignment" ADD COLUMN "acknowledgedAt" DATETIME;

