-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "accountId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" DATETIME NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "revokedAt" DATETIME,
    "address" TEXT,
    CONSTRAINT "Session_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SignInCounter" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "window" INTEGER NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Body" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shortName" TEXT NOT NULL,
    "fullName" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "aliases" TEXT NOT NULL DEFAULT '[]',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "calendarVersion" INTEGER NOT NULL DEFAULT 0
);
INSERT INTO "new_Body" ("aliases", "createdAt", "fullName", "id", "kind", "shortName") SELECT "aliases", "createdAt", "fullName", "id", "kind", "shortName" FROM "Body";
DROP TABLE "Body";
ALTER TABLE "new_Body" RENAME TO "Body";
CREATE UNIQUE INDEX "Body_shortName_key" ON "Body"("shortName");
CREATE TABLE "new_Account" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "login" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "email" TEXT,
    "bodyId" TEXT,
    "passwordHash" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "mustChangePassword" BOOLEAN NOT NULL DEFAULT false,
    "passwordChangedAt" DATETIME,
    "createdBy" TEXT,
    CONSTRAINT "Account_bodyId_fkey" FOREIGN KEY ("bodyId") REFERENCES "Body" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Account" ("bodyId", "createdAt", "displayName", "email", "id", "login", "passwordHash", "role") SELECT "bodyId", "createdAt", "displayName", "email", "id", "login", "passwordHash", "role" FROM "Account";
DROP TABLE "Account";
ALTER TABLE "new_Account" RENAME TO "Account";
CREATE UNIQUE INDEX "Account_login_key" ON "Account"("login");
CREATE TABLE "new_DeniedAttempt" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "accountId" TEXT,
    "operation" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "key" TEXT,
    "minute" INTEGER,
    "count" INTEGER NOT NULL DEFAULT 1,
    "lastAt" DATETIME
);
INSERT INTO "new_DeniedAttempt" ("accountId", "at", "id", "operation", "reason") SELECT "accountId", "at", "id", "operation", "reason" FROM "DeniedAttempt";
DROP TABLE "DeniedAttempt";
ALTER TABLE "new_DeniedAttempt" RENAME TO "DeniedAttempt";
CREATE INDEX "DeniedAttempt_at_idx" ON "DeniedAttempt"("at");
CREATE UNIQUE INDEX "DeniedAttempt_key_minute_key" ON "DeniedAttempt"("key", "minute");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Session_accountId_idx" ON "Session"("accountId");

-- CreateIndex
CREATE INDEX "SignInCounter_window_idx" ON "SignInCounter"("window");

