CREATE TABLE `evaluations` (
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
CREATE INDEX `evaluations_incubator_idx` ON `evaluations` (`incubator_id`);--> statement-breakpoint
CREATE INDEX `evaluations_deleted_idx` ON `evaluations` (`deleted_at`);--> statement-breakpoint
CREATE INDEX `evaluations_revision_of_idx` ON `evaluations` (`revision_of`);