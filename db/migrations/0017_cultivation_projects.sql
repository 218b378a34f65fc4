CREATE TABLE `cultivation_projects` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`incubator_id` text NOT NULL,
	`name` text NOT NULL,
	`started_on` text NOT NULL,
	`stage` text DEFAULT 'outreach' NOT NULL,
	`closed_on` text,
	`notes` text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE INDEX `cultivation_projects_incubator_idx` ON `cultivation_projects` (`incubator_id`);--> statement-breakpoint
CREATE TABLE `project_records` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`project_id` text NOT NULL,
	`kind` text NOT NULL,
	`values_json` text DEFAULT '{}' NOT NULL
);
--> statement-breakpoint
CREATE INDEX `project_records_project_idx` ON `project_records` (`project_id`,`kind`);--> statement-breakpoint
CREATE TABLE `project_stage_moves` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`project_id` text NOT NULL,
	`from_stage` text,
	`to_stage` text NOT NULL,
	`date` text NOT NULL,
	`reason` text DEFAULT '' NOT NULL,
	`out_of_order` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE INDEX `project_stage_moves_project_idx` ON `project_stage_moves` (`project_id`);