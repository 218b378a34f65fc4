CREATE TABLE `sync_blobs` (
	`sha256` text PRIMARY KEY NOT NULL,
	`size` integer NOT NULL,
	`data` blob NOT NULL,
	`uploaded` integer DEFAULT false NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sync_conflicts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`entity` text NOT NULL,
	`row_id` text NOT NULL,
	`field` text NOT NULL,
	`mine` text NOT NULL,
	`theirs` text NOT NULL,
	`server_version` integer NOT NULL,
	`detected_at` text NOT NULL,
	`resolved_at` text,
	`resolution` text
);
--> statement-breakpoint
CREATE INDEX `sync_conflicts_row_idx` ON `sync_conflicts` (`entity`,`row_id`);--> statement-breakpoint
CREATE INDEX `sync_conflicts_open_idx` ON `sync_conflicts` (`resolved_at`);--> statement-breakpoint
CREATE TABLE `sync_issues` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`op_id` text NOT NULL,
	`entity` text NOT NULL,
	`row_id` text NOT NULL,
	`field` text NOT NULL,
	`status` text NOT NULL,
	`message` text NOT NULL,
	`value` text NOT NULL,
	`created_at` text NOT NULL,
	`dismissed_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sync_issues_op_idx` ON `sync_issues` (`op_id`);--> statement-breakpoint
CREATE TABLE `sync_signed` (
	`entity` text NOT NULL,
	`row_id` text NOT NULL,
	`version` integer NOT NULL,
	`hash` text NOT NULL,
	`state` text NOT NULL,
	`signed_at` text NOT NULL,
	PRIMARY KEY(`entity`, `row_id`)
);
