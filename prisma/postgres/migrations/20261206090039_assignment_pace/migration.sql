-- AlterTable
ALTER TABLE "Assignment" ADD COLUMN     "behindPaceFrom" TIMESTAMP(3),
ADD COLUMN     "progressPercent" INTEGER;

