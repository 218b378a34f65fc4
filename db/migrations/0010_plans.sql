CREATE TABLE `plans` (
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
	FOREIGN KEY (`incubator_id`) REFERENCES `incubators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `plans_incubator_idx` ON `plans` (`incubator_id`);--> statement-breakpoint
CREATE INDEX `plans_deleted_idx` ON `plans` (`deleted_at`);--> statement-breakpoint
CREATE INDEX `plans_revision_of_idx` ON `plans` (`revision_of`);