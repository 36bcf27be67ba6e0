ALTER TABLE "tenants" ADD COLUMN "feed_format" text;--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "feed_pull_minutes" integer DEFAULT 60 NOT NULL;--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "feed_content_sha256" text;--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "feed_last_result" jsonb;