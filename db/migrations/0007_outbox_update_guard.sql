-- A field's unsent op takes a newer value in place (docs/history.md §One pending op per field). That UPDATE must
-- be refused for a signed document exactly as the INSERT is (0002_sync_locks.sql): only an update of the value
-- fires it, so renumbering or other bookkeeping of pending ops is not affected.
CREATE TRIGGER `sync_signed_locks_outbox_update` BEFORE UPDATE OF `new_value` ON `outbox`
WHEN NEW.`field` <> '$sign' AND EXISTS (SELECT 1 FROM `sync_signed` WHERE `entity` = NEW.`entity` AND `row_id` = NEW.`row_id`)
BEGIN
  SELECT RAISE(ABORT, 'WB_LOCKED: 该文档已签署，不能再修改。如需更正，请新建一个修订版本。');
END;
