CREATE TABLE `contract_change_requests` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`contract_id` text NOT NULL,
	`entry` text NOT NULL,
	`request_id` text,
	`raised_by` text,
	`date` text NOT NULL,
	`content` text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE INDEX `contract_change_requests_contract_idx` ON `contract_change_requests` (`contract_id`);