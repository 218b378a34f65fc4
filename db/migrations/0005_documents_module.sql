CREATE TABLE `document_items` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`document_entity` text NOT NULL,
	`document_id` text NOT NULL,
	`list_key` text NOT NULL,
	`order_key` text NOT NULL,
	`values_json` text DEFAULT '{}' NOT NULL
);
--> statement-breakpoint
CREATE INDEX `document_items_document_idx` ON `document_items` (`document_id`,`list_key`,`order_key`);--> statement-breakpoint
ALTER TABLE `agency_profile` ADD `credit_code` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `agency_profile` ADD `legal_rep` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `agency_profile` ADD `domicile` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `agency_profile` ADD `fax` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `agency_profile` ADD `bank_name` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `agency_profile` ADD `bank_address` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `agency_profile` ADD `bank_account` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `diagnoses` ADD `header_json` text;--> statement-breakpoint
ALTER TABLE `diagnoses` ADD `agency_json` text;--> statement-breakpoint
ALTER TABLE `rule_sets` ADD `based_on_id` text;--> statement-breakpoint
ALTER TABLE `rule_sets` ADD `based_on_version` integer;