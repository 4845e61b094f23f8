-- AlterTable
ALTER TABLE "ObjectionCase" ADD COLUMN     "provisional" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "RepairApplication" ADD COLUMN     "provisional" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "InspectionRound" ADD COLUMN     "announcedAt" TIMESTAMP(3),
ADD COLUMN     "beacon" TEXT,
ADD COLUMN     "beaconSource" TEXT;

-- AlterTable
ALTER TABLE "InspectionResult" ADD COLUMN     "provisional" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "InspectionDrawRecord" (
    "roundId" TEXT NOT NULL,
    "announcedAt" TIMESTAMP(3) NOT NULL,
    "populationHash" TEXT NOT NULL,
    "population" TEXT NOT NULL,
    "officers" TEXT,
    "sample" TEXT,
    "drawnAt" TIMESTAMP(3),

    CONSTRAINT "InspectionDrawRecord_pkey" PRIMARY KEY ("roundId")
);

-- CreateTable
CREATE TABLE "HolidayCalendar" (
    "year" INTEGER NOT NULL,
    "holidays" TEXT NOT NULL,
    "workingWeekends" TEXT NOT NULL,
    "enteredBy" TEXT NOT NULL,
    "enteredAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "HolidayCalendar_pkey" PRIMARY KEY ("year")
);

