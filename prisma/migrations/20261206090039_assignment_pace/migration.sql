-- AlterTable
ALTER TABLE "Assignment" ADD COLUMN "behindPaceFrom" DATETIME;
ALTER TABLE "Assignment" ADD COLUMN "progressPercent" INTEGER;

