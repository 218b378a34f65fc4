CREATE TABLE `document_signatures` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`document_entity` text NOT NULL,
	`document_id` text NOT NULL,
	`side` text NOT NULL,
	`method` text NOT NULL,
	`signer_name` text DEFAULT '' NOT NULL,
	`signed_on` text,
	`signature_ref` text,
	`seal_ref` text,
	`paper_scan_ref` text
);
--> statement-breakpoint
CREATE INDEX `document_signatures_document_idx` ON `document_signatures` (`document_id`);