-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Notification" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "key" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "subjectEn" TEXT NOT NULL DEFAULT '',
    "bodyEn" TEXT NOT NULL DEFAULT '',
    "taskId" TEXT,
    "createdAt" DATETIME NOT NULL,
    "readAt" DATETIME,
    "emailedAt" DATETIME,
    CONSTRAINT "Notification_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
-- Earlier notices are bilingual in one string, which cannot be split: it stands for both languages.
INSERT INTO "new_Notification" ("accountId", "body", "createdAt", "emailedAt", "id", "key", "kind", "readAt", "subject", "subjectEn", "bodyEn", "taskId") SELECT "accountId", "body", "createdAt", "emailedAt", "id", "key", "kind", "readAt", "subject", "subject", "body", "taskId" FROM "Notification";
DROP TABLE "Notification";
ALTER TABLE "new_Notification" RENAME TO "Notification";
CREATE INDEX "Notification_accountId_readAt_idx" ON "Notification"("accountId", "readAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

