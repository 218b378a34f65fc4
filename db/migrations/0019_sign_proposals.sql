CREATE TABLE `sign_proposals` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`document_entity` text NOT NULL,
	`document_id` text NOT NULL,
	`signed_version` integer,
	`from_client` text NOT NULL,
	`reason` text NOT NULL,
	`proposed_json` text DEFAULT '{}' NOT NULL,
	`proposed_at` text NOT NULL,
	`resolved_at` text,
	`resolution` text
);
--> statement-breakpoint
CREATE INDEX `sign_proposals_document_idx` ON `sign_proposals` (`document_id`);