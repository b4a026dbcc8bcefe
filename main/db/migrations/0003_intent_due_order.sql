DROP INDEX `order_intents_due_idx`;--> statement-breakpoint
CREATE INDEX `order_intents_due_idx` ON `order_intents` (`tenant_id`,`status`,`next_attempt_at`,`id`);