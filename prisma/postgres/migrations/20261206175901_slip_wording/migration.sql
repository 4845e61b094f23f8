-- AlterTable
ALTER TABLE "SupervisionSlip" ADD COLUMN     "wording" TEXT;

