CREATE TABLE `accounting_settings` (
	`tenant_id` text NOT NULL,
	`portfolio_id` text NOT NULL,
	`lot_method` text NOT NULL,
	`max_day_trades` integer,
	`day_trade_min_equity_cents` integer NOT NULL,
	`day_trade_mode` text NOT NULL,
	`benchmark` text NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`tenant_id`, `portfolio_id`)
);
--> statement-breakpoint
CREATE TABLE `equity_history` (
	`tenant_id` text NOT NULL,
	`portfolio_id` text NOT NULL,
	`position_id` text NOT NULL,
	`date` text NOT NULL,
	`market_value_cents` integer NOT NULL,
	`cash_cents` integer NOT NULL,
	`receivable_cents` integer NOT NULL,
	`cost_cents` integer NOT NULL,
	`realised_cents` integer NOT NULL,
	`unrealised_cents` integer NOT NULL,
	`dividends_cents` integer NOT NULL,
	`commissions_cents` integer NOT NULL,
	`flows_cents` integer NOT NULL,
	`day_flow_cents` integer NOT NULL,
	`equity_cents` integer NOT NULL,
	PRIMARY KEY(`tenant_id`, `portfolio_id`, `position_id`, `date`)
);
--> statement-breakpoint
CREATE INDEX `equity_history_date_idx` ON `equity_history` (`tenant_id`,`date`);