CREATE INDEX "contacts_name_trgm_idx" ON "contacts" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "contacts_email_trgm_idx" ON "contacts" USING gin ("email" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "contacts_phone_trgm_idx" ON "contacts" USING gin ("phone" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "conversations_tenant_unread_idx" ON "conversations" USING btree ("tenant_id") WHERE "conversations"."unread_count" > 0;--> statement-breakpoint
CREATE INDEX "messages_assistant_conversation_idx" ON "messages" USING btree ("conversation_id","tenant_id") WHERE "messages"."sender_kind" = 'assistant';--> statement-breakpoint
CREATE INDEX "messages_handover_conversation_idx" ON "messages" USING btree ("conversation_id","tenant_id") WHERE "messages"."sender_kind" = 'system' and "messages"."meta"->>'mode' = 'human';--> statement-breakpoint
-- Row-level security keeps LIKE (not leakproof) out of index conditions, so under the app role the contacts trigram
-- indexes would never be used. This function runs the search as its owner, limited to the tenant set on the
-- transaction exactly as the policy is, and returns only ids.
CREATE OR REPLACE FUNCTION inbox_contact_matches(pattern text, digits text) RETURNS SETOF uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT id FROM contacts
  WHERE tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid
    AND (name ILIKE pattern OR email ILIKE pattern OR (digits IS NOT NULL AND phone LIKE '%' || digits || '%'))
$$;
