CREATE TABLE `contracts` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`incubator_id` text NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`values_json` text DEFAULT '{}' NOT NULL,
	`completed_at` text,
	`revision_of` text,
	`revision` integer,
	`revision_reason` text,
	`header_json` text,
	`agency_json` text,
	`contract_no` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`incubator_id`) REFERENCES `incubators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `contracts_incubator_idx` ON `contracts` (`incubator_id`);--> statement-breakpoint
CREATE INDEX `contracts_number_idx` ON `contracts` (`contract_no`);--> statement-breakpoint
CREATE INDEX `contracts_deleted_idx` ON `contracts` (`deleted_at`);--> statement-breakpoint
CREATE TABLE `contract_events` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`contract_id` text NOT NULL,
	`event` text NOT NULL,
	`from_status` text NOT NULL,
	`to_status` text NOT NULL,
	`date` text NOT NULL,
	`reason` text DEFAULT '' NOT NULL,
	`recorded_by` text NOT NULL,
	`successor_id` text
);
--> statement-breakpoint
CREATE INDEX `contract_events_contract_idx` ON `contract_events` (`contract_id`,`date`);--> statement-breakpoint
CREATE TABLE `reminders_done` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`reminder_key` text NOT NULL,
	`contract_id` text NOT NULL
);
