-- The signed-row guard of evaluations (docs/documents.md §The signed-row guard), printed by
-- `node --import tsx scripts/print-signed-guard.ts evaluations` from db/signed-guard-sql.ts.
CREATE TRIGGER `evaluations_signed_no_update` BEFORE UPDATE ON `evaluations`
WHEN EXISTS (SELECT 1 FROM `sync_signed` WHERE `entity` = 'evaluations' AND `row_id` = OLD.`id`) AND (NEW.`created_at` IS NOT OLD.`created_at` OR NEW.`deleted_at` IS NOT OLD.`deleted_at` OR NEW.`incubator_id` IS NOT OLD.`incubator_id` OR NEW.`status` IS NOT OLD.`status` OR NEW.`values_json` IS NOT OLD.`values_json` OR NEW.`completed_at` IS NOT OLD.`completed_at` OR NEW.`revision_of` IS NOT OLD.`revision_of` OR NEW.`revision` IS NOT OLD.`revision` OR NEW.`revision_reason` IS NOT OLD.`revision_reason` OR NEW.`header_json` IS NOT OLD.`header_json` OR NEW.`agency_json` IS NOT OLD.`agency_json`)
BEGIN
  SELECT RAISE(ABORT, 'WB_LOCKED: 该文档已签署，不能再修改。如需更正，请新建一个修订版本。');
END;
--> statement-breakpoint
CREATE TRIGGER `evaluations_signed_no_delete` BEFORE DELETE ON `evaluations`
WHEN EXISTS (SELECT 1 FROM `sync_signed` WHERE `entity` = 'evaluations' AND `row_id` = OLD.`id`)
BEGIN
  SELECT RAISE(ABORT, 'WB_LOCKED: 该文档已签署，不能再修改。如需更正，请新建一个修订版本。');
END;
