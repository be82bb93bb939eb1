ALTER TABLE "assignments" ADD COLUMN "reported_status" text DEFAULT 'open' NOT NULL;--> statement-breakpoint
ALTER TABLE "assignments" ADD COLUMN "reported_percent" integer DEFAULT 0 NOT NULL;