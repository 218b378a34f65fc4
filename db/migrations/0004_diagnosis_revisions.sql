ALTER TABLE `diagnoses` ADD `revision_of` text;--> statement-breakpoint
ALTER TABLE `diagnoses` ADD `revision` integer;--> statement-breakpoint
ALTER TABLE `diagnoses` ADD `revision_reason` text;--> statement-breakpoint
CREATE INDEX `diagnoses_revision_of_idx` ON `diagnoses` (`revision_of`);