-- Keep one row of each size an original may have got twice (a background resize and a first visitor at once).
DELETE FROM "media_objects" AS "dup" USING "media_objects" AS "kept" WHERE "dup"."original_id" = "kept"."original_id" AND "dup"."variant" = "kept"."variant" AND "dup"."id" > "kept"."id";--> statement-breakpoint
DROP INDEX "media_objects_original_idx";--> statement-breakpoint
CREATE UNIQUE INDEX "media_objects_variant_key" ON "media_objects" USING btree ("original_id","variant");
