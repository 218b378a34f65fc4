CREATE TABLE `incubators` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`name` text NOT NULL,
	`operator` text DEFAULT '' NOT NULL,
	`credit_code` text DEFAULT '' NOT NULL,
	`registered_on` text,
	`operating_since` text,
	`legal_rep` text DEFAULT '' NOT NULL,
	`registered_capital` real,
	`registered_address` text DEFAULT '' NOT NULL,
	`org_nature` text,
	`incubator_type` text,
	`industry` text DEFAULT '' NOT NULL,
	`reported_torch_stats` integer,
	`contact_name` text DEFAULT '' NOT NULL,
	`contact_mobile` text DEFAULT '' NOT NULL,
	`search_text` text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE INDEX `incubators_name_idx` ON `incubators` (`name`);--> statement-breakpoint
CREATE INDEX `incubators_deleted_idx` ON `incubators` (`deleted_at`);--> statement-breakpoint
CREATE TABLE `agency_profile` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`name` text DEFAULT '' NOT NULL,
	`address` text DEFAULT '' NOT NULL,
	`phone` text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE `agency_staff` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`name` text DEFAULT '' NOT NULL,
	`title` text DEFAULT '' NOT NULL,
	`is_service_staff` integer DEFAULT true NOT NULL,
	`incubator_years` real,
	`phone` text DEFAULT '' NOT NULL,
	`order_key` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`actor` text NOT NULL,
	`entity` text NOT NULL,
	`row_id` text NOT NULL,
	`action` text NOT NULL,
	`summary` text NOT NULL,
	`before` text,
	`after` text
);
--> statement-breakpoint
CREATE INDEX `audit_row_idx` ON `audit_log` (`entity`,`row_id`);--> statement-breakpoint
CREATE INDEX `audit_at_idx` ON `audit_log` (`at`);--> statement-breakpoint
CREATE TABLE `meta` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `outbox` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`op_id` text NOT NULL,
	`client_id` text NOT NULL,
	`entity` text NOT NULL,
	`row_id` text NOT NULL,
	`field` text NOT NULL,
	`base_version` integer NOT NULL,
	`new_value` text NOT NULL,
	`hlc` text NOT NULL,
	`schema_version` integer NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_op_id_unique` ON `outbox` (`op_id`);--> statement-breakpoint
CREATE INDEX `outbox_row_idx` ON `outbox` (`entity`,`row_id`,`field`);