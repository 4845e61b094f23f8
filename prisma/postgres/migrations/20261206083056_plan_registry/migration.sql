-- AlterTable
ALTER TABLE "Plan" ADD COLUMN     "registryId" TEXT;

