-- Signed documents are locked (sync.md §7): every local write appends its outbox ops in the same transaction,
-- so refusing the op here refuses the whole write, whatever service made it.
CREATE TRIGGER `sync_signed_locks_outbox` BEFORE INSERT ON `outbox`
WHEN NEW.`field` <> '$sign' AND EXISTS (SELECT 1 FROM `sync_signed` WHERE `entity` = NEW.`entity` AND `row_id` = NEW.`row_id`)
BEGIN
  SELECT RAISE(ABORT, 'WB_LOCKED: 该文档已签署，不能再修改。如需更正，请新建一个修订版本。');
END;
