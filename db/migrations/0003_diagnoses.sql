CREATE TABLE `diagnoses` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`incubator_id` text NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`diagnosed_on` text,
	`consultants` text DEFAULT '' NOT NULL,
	`rule_set_id` text NOT NULL,
	`values_json` text DEFAULT '{}' NOT NULL,
	`completed_at` text,
	FOREIGN KEY (`incubator_id`) REFERENCES `incubators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `diagnoses_incubator_idx` ON `diagnoses` (`incubator_id`,`diagnosed_on`);--> statement-breakpoint
CREATE INDEX `diagnoses_deleted_idx` ON `diagnoses` (`deleted_at`);--> statement-breakpoint
CREATE TABLE `rule_sets` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`name` text NOT NULL,
	`source` text DEFAULT '' NOT NULL,
	`level` text DEFAULT '' NOT NULL,
	`rules_json` text NOT NULL
);
