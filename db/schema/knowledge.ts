import { sql } from "drizzle-orm";
import { boolean, customType, index, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { tenantColumns } from "./columns";

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

export const knowledgeLanguages = ["nl", "nb", "de", "en", "id"] as const;
export const knowledgeTopics = ["warranty", "trade_in", "financing", "delivery", "documents", "opening", "other"] as const;
export type KnowledgeTopic = (typeof knowledgeTopics)[number];

/** Short answers a manager writes for the assistant (warranty, delivery, holidays…), one language each. */
export const knowledgeEntries = pgTable(
  "knowledge_entries",
  {
    ...tenantColumns(),
    language: text("language").$type<(typeof knowledgeLanguages)[number]>().notNull(),
    topic: text("topic").$type<KnowledgeTopic>().notNull().default("other"),
    title: text("title").notNull(),
    body: text("body").notNull(),
    active: boolean("active").notNull().default(true),
    createdBy: uuid("created_by"),
    // 'simple' exists on every engine (PGlite ships few language configs); prefix queries stand in for stemming.
    searchVector: tsvector("search_vector").generatedAlwaysAs(
      sql`setweight(to_tsvector('simple', coalesce(title,'')), 'A') || setweight(to_tsvector('simple', coalesce(body,'')), 'B')`,
    ),
  },
  (t) => [
    index("knowledge_entries_tenant_idx").on(t.tenantId, t.language),
    index("knowledge_entries_search_idx").using("gin", t.searchVector),
  ],
);
