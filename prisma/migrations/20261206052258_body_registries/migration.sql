-- AlterTable
ALTER TABLE "Assignment" ADD COLUMN "origin" TEXT;

-- CreateTable
CREATE TABLE "Registry" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- The reference registry every existing body belongs to.
INSERT INTO "Registry" ("id", "name") VALUES ('tianjin', '天津市人民政府');

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Body" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "registryId" TEXT NOT NULL DEFAULT 'tianjin',
    "shortName" TEXT NOT NULL,
    "fullName" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "aliases" TEXT NOT NULL DEFAULT '[]',
    "mergedIntoId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "calendarVersion" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "Body_registryId_fkey" FOREIGN KEY ("registryId") REFERENCES "Registry" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Body_mergedIntoId_fkey" FOREIGN KEY ("mergedIntoId") REFERENCES "Body" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Body" ("aliases", "calendarVersion", "createdAt", "fullName", "id", "kind", "shortName") SELECT "aliases", "calendarVersion", "createdAt", "fullName", "id", "kind", "shortName" FROM "Body";
DROP TABLE "Body";
ALTER TABLE "new_Body" RENAME TO "Body";
CREATE UNIQUE INDEX "Body_registryId_shortName_key" ON "Body"("registryId", "shortName");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "Registry_name_key" ON "Registry"("name");

