CREATE TABLE "agencies" (
	"id" serial PRIMARY KEY NOT NULL,
	"unit_id" integer,
	"level" text NOT NULL,
	"kind" text NOT NULL,
	"role_key" text NOT NULL,
	"name" text NOT NULL,
	"full_name" text NOT NULL,
	"origin" text NOT NULL,
	"valid_from" date,
	"valid_to" date,
	"retired_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agencies_unit_role" UNIQUE NULLS NOT DISTINCT("unit_id","role_key")
);
--> statement-breakpoint
CREATE TABLE "agency_aliases" (
	"id" serial PRIMARY KEY NOT NULL,
	"agency_id" integer NOT NULL,
	"alias" text NOT NULL,
	"alias_key" text NOT NULL,
	"scope_unit_id" integer,
	"origin" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agency_aliases_key" UNIQUE NULLS NOT DISTINCT("alias_key","scope_unit_id","agency_id")
);
--> statement-breakpoint
CREATE TABLE "citations" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"document_id" uuid NOT NULL,
	"ordinal" integer NOT NULL,
	"cited_id" uuid NOT NULL,
	"code" text,
	"type_name" text,
	"issuer" text,
	"date" date,
	"span_start" integer,
	"span_end" integer
);
--> statement-breakpoint
CREATE TABLE "document_files" (
	"document_id" uuid NOT NULL,
	"sha256" text NOT NULL,
	"file_name" text NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"status" text NOT NULL,
	"issuer" text,
	"issuer_key" text,
	"unit_id" integer,
	"issuer_level" text,
	"code" text,
	"code_key" text,
	"type_code" text,
	"type_name" text,
	"date" date,
	"subject" text,
	"record" jsonb,
	"text" text,
	"parser_version" text,
	"file_name" text,
	"sha256" text,
	"ingested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('simple'::regconfig, chidao_fold(coalesce(subject, '') || ' ' || coalesce(code, ''))), 'A') || setweight(to_tsvector('simple'::regconfig, chidao_fold(coalesce(issuer, ''))), 'B') || setweight(to_tsvector('simple'::regconfig, chidao_fold(left(coalesce(text, ''), 200000))), 'D')) STORED
);
--> statement-breakpoint
CREATE TABLE "files" (
	"sha256" text PRIMARY KEY NOT NULL,
	"size" integer NOT NULL,
	"media_type" text NOT NULL,
	"content" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mention_agencies" (
	"mention_id" bigint NOT NULL,
	"agency_id" integer NOT NULL,
	"rank" integer NOT NULL,
	"kind" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mentions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"document_id" uuid NOT NULL,
	"path" text NOT NULL,
	"role" text NOT NULL,
	"text" text NOT NULL,
	"expanded" text NOT NULL,
	"span_start" integer,
	"span_end" integer,
	"collective" boolean NOT NULL,
	"status" text NOT NULL,
	"confidence" real NOT NULL,
	"reason" text NOT NULL,
	"reviewed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "unit_successors" (
	"from_id" integer NOT NULL,
	"to_id" integer NOT NULL,
	"link" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "units" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"level" text NOT NULL,
	"name" text NOT NULL,
	"full_name" text NOT NULL,
	"unit_type" text NOT NULL,
	"name_en" text,
	"parent_id" integer,
	"province_code" text NOT NULL,
	"list" text NOT NULL,
	"valid_from" date,
	"valid_to" date,
	"name_key" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "agencies" ADD CONSTRAINT "agencies_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_aliases" ADD CONSTRAINT "agency_aliases_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_aliases" ADD CONSTRAINT "agency_aliases_scope_unit_id_units_id_fk" FOREIGN KEY ("scope_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citations" ADD CONSTRAINT "citations_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citations" ADD CONSTRAINT "citations_cited_id_documents_id_fk" FOREIGN KEY ("cited_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_files" ADD CONSTRAINT "document_files_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_files" ADD CONSTRAINT "document_files_sha256_files_sha256_fk" FOREIGN KEY ("sha256") REFERENCES "public"."files"("sha256") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_sha256_files_sha256_fk" FOREIGN KEY ("sha256") REFERENCES "public"."files"("sha256") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mention_agencies" ADD CONSTRAINT "mention_agencies_mention_id_mentions_id_fk" FOREIGN KEY ("mention_id") REFERENCES "public"."mentions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mention_agencies" ADD CONSTRAINT "mention_agencies_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentions" ADD CONSTRAINT "mentions_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_successors" ADD CONSTRAINT "unit_successors_from_id_units_id_fk" FOREIGN KEY ("from_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_successors" ADD CONSTRAINT "unit_successors_to_id_units_id_fk" FOREIGN KEY ("to_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "units" ADD CONSTRAINT "units_parent_id_units_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agencies_role" ON "agencies" USING btree ("role_key");--> statement-breakpoint
CREATE INDEX "agency_aliases_agency" ON "agency_aliases" USING btree ("agency_id");--> statement-breakpoint
CREATE UNIQUE INDEX "citations_document_ordinal" ON "citations" USING btree ("document_id","ordinal");--> statement-breakpoint
CREATE INDEX "citations_cited" ON "citations" USING btree ("cited_id");--> statement-breakpoint
CREATE UNIQUE INDEX "document_files_sha256" ON "document_files" USING btree ("sha256");--> statement-breakpoint
CREATE INDEX "document_files_document" ON "document_files" USING btree ("document_id");--> statement-breakpoint
CREATE UNIQUE INDEX "documents_sha256" ON "documents" USING btree ("sha256");--> statement-breakpoint
CREATE UNIQUE INDEX "documents_identity" ON "documents" USING btree ("issuer_key","code_key","date") WHERE status = 'stored' and code_key is not null and issuer_key is not null and date is not null;--> statement-breakpoint
CREATE INDEX "documents_code_key" ON "documents" USING btree ("code_key");--> statement-breakpoint
CREATE INDEX "documents_date" ON "documents" USING btree ("date");--> statement-breakpoint
CREATE INDEX "documents_unit" ON "documents" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "documents_search" ON "documents" USING gin ("search");--> statement-breakpoint
CREATE UNIQUE INDEX "mention_agencies_pair" ON "mention_agencies" USING btree ("mention_id","agency_id");--> statement-breakpoint
CREATE INDEX "mention_agencies_agency" ON "mention_agencies" USING btree ("agency_id");--> statement-breakpoint
CREATE UNIQUE INDEX "mentions_document_path" ON "mentions" USING btree ("document_id","path");--> statement-breakpoint
CREATE INDEX "mentions_status" ON "mentions" USING btree ("status");--> statement-breakpoint
CREATE UNIQUE INDEX "unit_successors_pair" ON "unit_successors" USING btree ("from_id","to_id");--> statement-breakpoint
CREATE UNIQUE INDEX "units_list_level_code" ON "units" USING btree ("list","level","code");--> statement-breakpoint
CREATE INDEX "units_parent" ON "units" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "units_name_key" ON "units" USING btree ("name_key");