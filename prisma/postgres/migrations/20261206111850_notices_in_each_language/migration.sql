-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "bodyEn" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "subjectEn" TEXT NOT NULL DEFAULT '';


-- Earlier notices are bilingual in one string, which cannot be split: it stands for both languages.
UPDATE "Notification" SET "subjectEn" = "subject", "bodyEn" = "body";
