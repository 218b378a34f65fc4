CREATE TABLE "blob_chunks" (
	"agency_id" uuid NOT NULL,
	"sha256" text NOT NULL,
	"offset" bigint NOT NULL,
	"data" "bytea" NOT NULL,
	CONSTRAINT "blob_chunks_agency_id_sha256_offset_pk" PRIMARY KEY("agency_id","sha256","offset")
);
--> statement-breakpoint
CREATE TABLE "login_attempts" (
	"key" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "op_fingerprints" (
	"agency_id" uuid NOT NULL,
	"client_id" text NOT NULL,
	"seq" bigint NOT NULL,
	"op_id" text NOT NULL,
	CONSTRAINT "op_fingerprints_agency_id_client_id_seq_pk" PRIMARY KEY("agency_id","client_id","seq")
);
--> statement-breakpoint
ALTER TABLE "blobs" ADD COLUMN "received" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "login_attempts_key_idx" ON "login_attempts" USING btree ("key","at");--> statement-breakpoint
CREATE INDEX "op_fingerprints_op_idx" ON "op_fingerprints" USING btree ("agency_id","op_id");--> statement-breakpoint
CREATE INDEX "op_outcomes_op_idx" ON "op_outcomes" USING btree ("agency_id","op_id");