CREATE TABLE `commission_rates` (
	`id` text PRIMARY KEY NOT NULL,
	`scope` text NOT NULL,
	`tenant_id` text,
	`symbol` text,
	`rate` real NOT NULL,
	`minimum_cents` integer NOT NULL,
	`updated_at` integer NOT NULL,
	CONSTRAINT "commission_rates_scope_ck" CHECK(("commission_rates"."scope" = 'GLOBAL' AND "commission_rates"."tenant_id" IS NULL AND "commission_rates"."symbol" IS NULL) OR ("commission_rates"."scope" = 'TENANT' AND "commission_rates"."tenant_id" IS NOT NULL AND "commission_rates"."symbol" IS NULL) OR ("commission_rates"."scope" = 'TENANT_ASSET' AND "commission_rates"."tenant_id" IS NOT NULL AND "commission_rates"."symbol" IS NOT NULL)),
	CONSTRAINT "commission_rates_minimum_ck" CHECK(typeof("commission_rates"."minimum_cents") = 'integer' AND "commission_rates"."minimum_cents" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `commission_rates_global_uq` ON `commission_rates` (`scope`) WHERE "commission_rates"."scope" = 'GLOBAL';--> statement-breakpoint
CREATE UNIQUE INDEX `commission_rates_tenant_uq` ON `commission_rates` (`tenant_id`) WHERE "commission_rates"."scope" = 'TENANT';--> statement-breakpoint
CREATE UNIQUE INDEX `commission_rates_tenant_asset_uq` ON `commission_rates` (`tenant_id`,`symbol`) WHERE "commission_rates"."scope" = 'TENANT_ASSET';--> statement-breakpoint
CREATE TABLE `dividend_accruals` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`position_id` text NOT NULL,
	`announcement_id` text NOT NULL,
	`qty_eligible` real NOT NULL,
	`gross_cents` integer NOT NULL,
	`withholding_cents` integer NOT NULL,
	`net_cents` integer NOT NULL,
	`accrued_at` integer NOT NULL,
	`paid_at` integer,
	FOREIGN KEY (`tenant_id`,`position_id`) REFERENCES `positions`(`tenant_id`,`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`tenant_id`,`announcement_id`) REFERENCES `dividend_announcements`(`tenant_id`,`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "dividend_accruals_cents_ck" CHECK(typeof("dividend_accruals"."gross_cents") = 'integer' AND typeof("dividend_accruals"."withholding_cents") = 'integer' AND typeof("dividend_accruals"."net_cents") = 'integer')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `dividend_accruals_position_announcement_uq` ON `dividend_accruals` (`position_id`,`announcement_id`);--> statement-breakpoint
CREATE INDEX `dividend_accruals_unpaid_idx` ON `dividend_accruals` (`tenant_id`,`paid_at`);--> statement-breakpoint
CREATE TABLE `dividend_announcements` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`symbol` text NOT NULL,
	`ex_date` text NOT NULL,
	`pay_date` text,
	`amount_per_share` real NOT NULL,
	`currency` text NOT NULL,
	`withholding_tax_pct` real,
	`source` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `dividend_announcements_tenant_id_uq` ON `dividend_announcements` (`tenant_id`,`id`);--> statement-breakpoint
CREATE UNIQUE INDEX `dividend_announcements_symbol_ex_uq` ON `dividend_announcements` (`tenant_id`,`symbol`,`ex_date`);--> statement-breakpoint
CREATE INDEX `dividend_announcements_ex_idx` ON `dividend_announcements` (`tenant_id`,`ex_date`);--> statement-breakpoint
CREATE TABLE `evaluations` (
	`tenant_id` text NOT NULL,
	`tick_id` text NOT NULL,
	`position_id` text NOT NULL,
	`event_id` text NOT NULL,
	`recorded_at` integer NOT NULL,
	PRIMARY KEY(`tenant_id`, `tick_id`, `position_id`)
);
--> statement-breakpoint
CREATE TABLE `events` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`portfolio_id` text,
	`position_id` text,
	`symbol` text,
	`ts` integer NOT NULL,
	`recorded_at` integer NOT NULL,
	`type` text NOT NULL,
	`correlation_id` text NOT NULL,
	`payload` text NOT NULL,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `events_tenant_idx` ON `events` (`tenant_id`,`id`);--> statement-breakpoint
CREATE INDEX `events_position_idx` ON `events` (`tenant_id`,`position_id`,`id`);--> statement-breakpoint
CREATE INDEX `events_type_idx` ON `events` (`tenant_id`,`type`,`id`);--> statement-breakpoint
CREATE INDEX `events_correlation_idx` ON `events` (`tenant_id`,`correlation_id`);--> statement-breakpoint
CREATE TABLE `tenants` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `portfolios` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`name` text NOT NULL,
	`base_currency` text NOT NULL,
	`config` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `portfolios_tenant_id_uq` ON `portfolios` (`tenant_id`,`id`);--> statement-breakpoint
CREATE INDEX `portfolios_tenant_idx` ON `portfolios` (`tenant_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `positions` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`portfolio_id` text NOT NULL,
	`symbol` text NOT NULL,
	`qty` real NOT NULL,
	`cash_cents` integer NOT NULL,
	`receivable_cents` integer NOT NULL,
	`anchor` real,
	`status` text NOT NULL,
	`total_commission_paid_cents` integer NOT NULL,
	`total_dividends_gross_cents` integer NOT NULL,
	`total_dividends_net_cents` integer NOT NULL,
	`config_override` text,
	`withholding_pct` real,
	`version` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`tenant_id`,`portfolio_id`) REFERENCES `portfolios`(`tenant_id`,`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "positions_status_ck" CHECK("positions"."status" IN ('ACTIVE', 'PAUSED', 'CLOSED')),
	CONSTRAINT "positions_cents_ck" CHECK(typeof("positions"."cash_cents") = 'integer' AND typeof("positions"."receivable_cents") = 'integer' AND typeof("positions"."total_commission_paid_cents") = 'integer' AND typeof("positions"."total_dividends_gross_cents") = 'integer' AND typeof("positions"."total_dividends_net_cents") = 'integer')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `positions_tenant_id_uq` ON `positions` (`tenant_id`,`id`);--> statement-breakpoint
CREATE INDEX `positions_tenant_portfolio_idx` ON `positions` (`tenant_id`,`portfolio_id`,`symbol`);--> statement-breakpoint
CREATE INDEX `positions_tenant_status_idx` ON `positions` (`tenant_id`,`status`);--> statement-breakpoint
CREATE TABLE `orders` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`position_id` text NOT NULL,
	`tick_id` text,
	`side` text NOT NULL,
	`qty` real NOT NULL,
	`price` real NOT NULL,
	`price_policy` text NOT NULL,
	`commission` text NOT NULL,
	`status` text NOT NULL,
	`dedupe_key` text NOT NULL,
	`filled_qty` real NOT NULL,
	`reasons` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`tenant_id`,`position_id`) REFERENCES `positions`(`tenant_id`,`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "orders_side_ck" CHECK("orders"."side" IN ('BUY', 'SELL')),
	CONSTRAINT "orders_status_ck" CHECK("orders"."status" IN ('NEW', 'SUBMITTED', 'PARTIALLY_FILLED', 'FILLED', 'REJECTED', 'CANCELLED'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `orders_tenant_id_uq` ON `orders` (`tenant_id`,`id`);--> statement-breakpoint
CREATE UNIQUE INDEX `orders_dedupe_uq` ON `orders` (`tenant_id`,`dedupe_key`);--> statement-breakpoint
CREATE UNIQUE INDEX `orders_tick_position_uq` ON `orders` (`tenant_id`,`tick_id`,`position_id`);--> statement-breakpoint
CREATE INDEX `orders_position_created_idx` ON `orders` (`tenant_id`,`position_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `orders_tenant_status_idx` ON `orders` (`tenant_id`,`status`);--> statement-breakpoint
CREATE TABLE `trades` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`order_id` text NOT NULL,
	`position_id` text NOT NULL,
	`side` text NOT NULL,
	`qty` real NOT NULL,
	`price` real NOT NULL,
	`notional_cents` integer NOT NULL,
	`commission_cents` integer NOT NULL,
	`broker_ref` text NOT NULL,
	`executed_at` integer NOT NULL,
	FOREIGN KEY (`tenant_id`,`order_id`) REFERENCES `orders`(`tenant_id`,`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`tenant_id`,`position_id`) REFERENCES `positions`(`tenant_id`,`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "trades_side_ck" CHECK("trades"."side" IN ('BUY', 'SELL')),
	CONSTRAINT "trades_cents_ck" CHECK(typeof("trades"."notional_cents") = 'integer' AND typeof("trades"."commission_cents") = 'integer')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `trades_order_broker_ref_uq` ON `trades` (`order_id`,`broker_ref`);--> statement-breakpoint
CREATE INDEX `trades_position_executed_idx` ON `trades` (`tenant_id`,`position_id`,`executed_at`);--> statement-breakpoint
CREATE TABLE `order_intents` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`order_id` text NOT NULL,
	`status` text NOT NULL,
	`attempts` integer NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`lease_until` integer,
	`last_error` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`tenant_id`,`order_id`) REFERENCES `orders`(`tenant_id`,`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "order_intents_status_ck" CHECK("order_intents"."status" IN ('QUEUED', 'PROCESSING', 'DONE', 'FAILED', 'DEAD'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `order_intents_order_uq` ON `order_intents` (`order_id`);--> statement-breakpoint
CREATE INDEX `order_intents_due_idx` ON `order_intents` (`tenant_id`,`status`,`next_attempt_at`);--> statement-breakpoint
CREATE TABLE `split_applications` (
	`tenant_id` text NOT NULL,
	`split_id` text NOT NULL,
	`position_id` text NOT NULL,
	`event_id` text NOT NULL,
	`applied_at` integer NOT NULL,
	FOREIGN KEY (`tenant_id`,`split_id`) REFERENCES `splits`(`tenant_id`,`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`tenant_id`,`position_id`) REFERENCES `positions`(`tenant_id`,`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `split_applications_uq` ON `split_applications` (`split_id`,`position_id`);--> statement-breakpoint
CREATE TABLE `splits` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`symbol` text NOT NULL,
	`effective_date` text NOT NULL,
	`ratio` real NOT NULL,
	`source` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `splits_tenant_id_uq` ON `splits` (`tenant_id`,`id`);--> statement-breakpoint
CREATE UNIQUE INDEX `splits_symbol_date_uq` ON `splits` (`tenant_id`,`symbol`,`effective_date`);--> statement-breakpoint
CREATE TABLE `quote_log` (
	`id` integer PRIMARY KEY NOT NULL,
	`tenant_id` text,
	`symbol` text NOT NULL,
	`ts` integer NOT NULL,
	`bid` real,
	`ask` real,
	`last` real,
	`source` text NOT NULL,
	`tick_id` text
);
--> statement-breakpoint
CREATE INDEX `quote_log_symbol_ts_idx` ON `quote_log` (`tenant_id`,`symbol`,`ts`);--> statement-breakpoint
CREATE TABLE `price_history` (
	`symbol` text NOT NULL,
	`date` text NOT NULL,
	`open` real NOT NULL,
	`high` real NOT NULL,
	`low` real NOT NULL,
	`close` real NOT NULL,
	`volume` integer,
	`source` text NOT NULL,
	`fetched_at` integer NOT NULL,
	PRIMARY KEY(`symbol`, `date`, `source`)
);
--> statement-breakpoint
CREATE TABLE `job_runs` (
	`tenant_id` text NOT NULL,
	`job` text NOT NULL,
	`last_completed_date` text NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`tenant_id`, `job`)
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
	PRIMARY KEY(`run_id`, `date`),
	FOREIGN KEY (`tenant_id`,`run_id`) REFERENCES `sim_runs`(`tenant_id`,`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `sim_events` (
	`tenant_id` text NOT NULL,
	`run_id` text NOT NULL,
	`seq` integer NOT NULL,
	`ts` integer NOT NULL,
	`symbol` text NOT NULL,
	`action` text NOT NULL,
	`price` real,
	`reasons` text NOT NULL,
	`detail` text,
	PRIMARY KEY(`run_id`, `seq`),
	FOREIGN KEY (`tenant_id`,`run_id`) REFERENCES `sim_runs`(`tenant_id`,`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `sim_runs` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`params` text NOT NULL,
	`status` text NOT NULL,
	`progress` real NOT NULL,
	`created_at` integer NOT NULL,
	`finished_at` integer,
	`metrics` text,
	`error` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sim_runs_tenant_id_uq` ON `sim_runs` (`tenant_id`,`id`);--> statement-breakpoint
CREATE INDEX `sim_runs_tenant_created_idx` ON `sim_runs` (`tenant_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `sim_sweep_results` (
	`tenant_id` text NOT NULL,
	`run_id` text NOT NULL,
	`seq` integer NOT NULL,
	`params` text NOT NULL,
	`metrics` text NOT NULL,
	PRIMARY KEY(`run_id`, `seq`),
	FOREIGN KEY (`tenant_id`,`run_id`) REFERENCES `sim_runs`(`tenant_id`,`id`) ON UPDATE no action ON DELETE cascade
);
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
	`price` real NOT NULL,
	`notional_cents` integer NOT NULL,
	`commission_cents` integer NOT NULL,
	`reasons` text NOT NULL,
	PRIMARY KEY(`run_id`, `seq`),
	FOREIGN KEY (`tenant_id`,`run_id`) REFERENCES `sim_runs`(`tenant_id`,`id`) ON UPDATE no action ON DELETE cascade
);
