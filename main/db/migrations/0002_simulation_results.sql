-- Simulation results (SPEC 5, docs/adr/0050): the engine's SimulationResult, sweeps and walk-forwards,
-- and the ranges of cached provider history. Hand-corrected from drizzle-kit's output, which copies
-- columns the old tables do not have and adds NOT NULL columns without a default (both fail in SQLite).
-- No code wrote the sim_* child tables before this migration, so they are recreated empty.
CREATE TABLE `price_history_ranges` (
	`symbol` text NOT NULL,
	`source` text NOT NULL,
	`from_date` text NOT NULL,
	`to_date` text NOT NULL,
	`fetched_at` integer NOT NULL,
	PRIMARY KEY(`symbol`, `source`, `from_date`)
);
--> statement-breakpoint
DROP TABLE `sim_trades`;
--> statement-breakpoint
DROP TABLE `sim_equity`;
--> statement-breakpoint
DROP TABLE `sim_events`;
--> statement-breakpoint
DROP TABLE `sim_sweep_results`;
--> statement-breakpoint
CREATE TABLE `sim_trades` (
	`tenant_id` text NOT NULL,
	`run_id` text NOT NULL,
	`seq` integer NOT NULL,
	`symbol` text NOT NULL,
	`ts` integer NOT NULL,
	`date` text NOT NULL,
	`side` text NOT NULL,
	`qty` real NOT NULL,
	`price` real,
	`notional_cents` integer NOT NULL,
	`commission_cents` integer NOT NULL,
	`reasons` text NOT NULL,
	`decided_at` text NOT NULL,
	`filled_at` text,
	`status` text NOT NULL,
	`is_initial_allocation` integer NOT NULL,
	`requested_qty` real NOT NULL,
	`cancelled_qty` real NOT NULL,
	`decision_price` real NOT NULL,
	`qty_after` real NOT NULL,
	`cash_after_cents` integer NOT NULL,
	`anchor_after` real,
	`note` text,
	PRIMARY KEY(`run_id`, `seq`),
	FOREIGN KEY (`tenant_id`,`run_id`) REFERENCES `sim_runs`(`tenant_id`,`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `sim_equity` (
	`tenant_id` text NOT NULL,
	`run_id` text NOT NULL,
	`date` text NOT NULL,
	`equity_cents` integer NOT NULL,
	`cash_cents` integer NOT NULL,
	`stock_value_cents` integer NOT NULL,
	`buy_hold_equity_cents` integer NOT NULL,
	`drawdown` real NOT NULL,
	`receivable_cents` integer NOT NULL,
	`buy_hold_drawdown` real NOT NULL,
	PRIMARY KEY(`run_id`, `date`),
	FOREIGN KEY (`tenant_id`,`run_id`) REFERENCES `sim_runs`(`tenant_id`,`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `sim_events` (
	`tenant_id` text NOT NULL,
	`run_id` text NOT NULL,
	`seq` integer NOT NULL,
	`ts` integer NOT NULL,
	`at` text NOT NULL,
	`symbol` text NOT NULL,
	`type` text NOT NULL,
	`trade_seq` integer,
	`qty` real,
	`price` real,
	`amount_cents` integer,
	`anchor_before` real,
	`anchor_after` real,
	`detail` text NOT NULL,
	PRIMARY KEY(`run_id`, `seq`),
	FOREIGN KEY (`tenant_id`,`run_id`) REFERENCES `sim_runs`(`tenant_id`,`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `sim_sweep_results` (
	`tenant_id` text NOT NULL,
	`run_id` text NOT NULL,
	`seq` integer NOT NULL,
	`params` text NOT NULL,
	`metrics` text,
	`final_equity_cents` integer,
	`totals` text,
	`error` text,
	PRIMARY KEY(`run_id`, `seq`),
	FOREIGN KEY (`tenant_id`,`run_id`) REFERENCES `sim_runs`(`tenant_id`,`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `sim_positions` (
	`tenant_id` text NOT NULL,
	`run_id` text NOT NULL,
	`idx` integer NOT NULL,
	`symbol` text NOT NULL,
	`outcome` text NOT NULL,
	`timeline` text NOT NULL,
	PRIMARY KEY(`run_id`, `idx`),
	FOREIGN KEY (`tenant_id`,`run_id`) REFERENCES `sim_runs`(`tenant_id`,`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `sim_runs` ADD `error_code` text;
--> statement-breakpoint
ALTER TABLE `sim_runs` ADD `progress_message` text;
--> statement-breakpoint
ALTER TABLE `sim_runs` ADD `started_at` integer;
--> statement-breakpoint
ALTER TABLE `sim_runs` ADD `result_version` integer;
--> statement-breakpoint
ALTER TABLE `sim_runs` ADD `inputs` text;
--> statement-breakpoint
ALTER TABLE `sim_runs` ADD `monthly_returns` text;
--> statement-breakpoint
ALTER TABLE `sim_runs` ADD `summary` text;
