-- The server's identity (docs/sync.md §Identities): made once per database, so a client tells "the same server
-- under another URL" from "another server" by it, never by the URL string.
INSERT INTO "server_meta" ("key", "value") VALUES ('server_id', gen_random_uuid()::text) ON CONFLICT ("key") DO NOTHING;
--> statement-breakpoint
-- Blobs stored before chunks existed keep their bytes in blobs.data: their offset is its length.
UPDATE "blobs" SET "received" = octet_length("data") WHERE "received" = 0 AND octet_length("data") > 0;
