-- SPEC 4.1.4: one EvaluationEvent per (tick, position), now refused by the event log itself. A tick's
-- evaluations carry the tick id as their correlation id, and the evaluations table only ever held a row
-- per EvaluationEvent written (same tenant, tick and position, in the same transaction), so the events
-- already stored satisfy the new index and the table has nothing the log does not.
DROP TABLE `evaluations`;--> statement-breakpoint
CREATE UNIQUE INDEX `events_evaluation_tick_position_uq` ON `events` (`tenant_id`,`correlation_id`,`position_id`) WHERE "events"."type" = 'EvaluationEvent';