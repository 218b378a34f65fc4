CREATE TABLE `document_item_progress` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`document_entity` text NOT NULL,
	`document_id` text NOT NULL,
	`list_key` text NOT NULL,
	`values_json` text DEFAULT '{}' NOT NULL
);
--> statement-breakpoint
CREATE INDEX `document_item_progress_document_idx` ON `document_item_progress` (`document_id`);