-- AlterTable
ALTER TABLE "Body" ADD COLUMN     "calendarVersion" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Account" ADD COLUMN     "active" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "createdBy" TEXT,
ADD COLUMN     "mustChangePassword" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "passwordChangedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "DeniedAttempt" ADD COLUMN     "count" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "key" TEXT,
ADD COLUMN     "lastAt" TIMESTAMP(3),
ADD COLUMN     "minute" INTEGER;

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),
    "address" TEXT,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SignInCounter" (
    "key" TEXT NOT NULL,
    "window" INTEGER NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "SignInCounter_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "Session_accountId_idx" ON "Session"("accountId");

-- CreateIndex
CREATE INDEX "SignInCounter_window_idx" ON "SignInCounter"("window");

-- CreateIndex
CREATE INDEX "DeniedAttempt_at_idx" ON "DeniedAttempt"("at");

-- CreateIndex
CREATE UNIQUE INDEX "DeniedAttempt_key_minute_key" ON "DeniedAttempt"("key", "minute");

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

