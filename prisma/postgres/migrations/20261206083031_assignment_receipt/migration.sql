-- AlterTable
ALTER TABLE "Assignment" ADD COLUMN     "acknowledgeBy" TIMESTAMP(3),
ADD COLUMN     "acknowledgedAt" TIMESTAMP(3);

