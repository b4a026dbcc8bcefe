CREATE TABLE `dead_letter_resolutions` (
	`intent_id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`action` text NOT NULL,
	`new_order_id` text,
	`by` text NOT NULL,
	`why` text,
	`resolved_at` integer NOT NULL,
	CONSTRAINT "dead_letter_resolutions_action_ck" CHECK("dead_letter_resolutions"."action" IN ('REQUEUED', 'DISCARDED'))
);
--> statement-breakpoint
CREATE INDEX `dead_letter_resolutions_tenant_idx` ON `dead_letter_resolutions` (`tenant_id`);--> statement-breakpoint
CREATE TABLE `trading_settings` (
	`tenant_id` text PRIMARY KEY NOT NULL,
	`paper_slippage_bps` real NOT NULL,
	`updated_at` integer NOT NULL
);
