-- An item that arrives already deleted may be inserted under a signed document (docs/sync.md §Signing).
DROP TRIGGER IF EXISTS `document_items_signed_no_insert`;
--> statement-breakpoint
CREATE TRIGGER `document_items_signed_no_insert` BEFORE INSERT ON `document_items`
WHEN EXISTS (SELECT 1 FROM `sync_signed` WHERE `entity` = NEW.`document_entity` AND `row_id` = NEW.`document_id`) AND NEW.`deleted_at` IS NULL
BEGIN
  SELECT RAISE(ABORT, 'WB_LOCKED: 该文档已签署，不能再修改。如需更正，请新建一个修订版本。');
END;
