-- CreateIndex
CREATE INDEX "Assignment_status_due_idx" ON "Assignment"("status", "due");

