-- The applier claims each org's due events in the processor's order. A partial index
-- holds only the events still to apply, so the claim reads them in order instead of
-- sorting every due row (or walking the processed history) on each batch. Partial
-- indexes are outside schema.prisma's model; Prisma's diff leaves them alone.
CREATE INDEX "processor_events_due_idx" ON "processor_events" ("orgId", "eventCreatedAt", "eventId")
  WHERE status IN ('received', 'waiting');
