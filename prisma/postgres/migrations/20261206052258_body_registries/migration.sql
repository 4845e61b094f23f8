-- DropIndex
DROP INDEX "Body_shortName_key";

-- AlterTable
ALTER TABLE "Body" ADD COLUMN     "mergedIntoId" TEXT,
ADD COLUMN     "registryId" TEXT NOT NULL DEFAULT 'tianjin';

-- AlterTable
ALTER TABLE "Assignment" ADD COLUMN     "origin" TEXT;

-- CreateTable
CREATE TABLE "Registry" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Registry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Registry_name_key" ON "Registry"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Body_registryId_shortName_key" ON "Body"("registryId", "shortName");

-- The reference registry every existing body belongs to.
INSERT INTO "Registry" ("id", "name") VALUES ('tianjin', '天津市人民政府');

-- AddForeignKey
ALTER TABLE "Body" ADD CONSTRAINT "Body_registryId_fkey" FOREIGN KEY ("registryId") REFERENCES "Registry"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Body" ADD CONSTRAINT "Body_mergedIntoId_fkey" FOREIGN KEY ("mergedIntoId") REFERENCES "Body"("id") ON DELETE SET NULL ON UPDATE CASCADE;

