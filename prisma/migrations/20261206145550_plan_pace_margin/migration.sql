-- AlterTable
ALTER TABLE "Plan" ADD COLUMN "paceMarginPoints" INTEGER;

