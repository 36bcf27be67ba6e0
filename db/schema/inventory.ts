import { sql } from "drizzle-orm";
import { customType, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { tenantColumns, ts } from "./columns";

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

export type VehicleImage = { mediaId?: string; url: string; width?: number; height?: number; alt?: string };

export const vehicles = pgTable(
  "vehicles",
  {
    ...tenantColumns(),
    branchId: uuid("branch_id"),
    code: text("code").notNull(),
    slug: text("slug").notNull(),
    plate: text("plate"),
    stockCode: text("stock_code"),
    externalId: text("external_id"),
    // manual | feed | webhook | upload | whatsapp | seed
    source: text("source").notNull().default("manual"),
    contentHash: text("content_hash"),
    make: text("make").notNull(),
    model: text("model").notNull(),
    variant: text("variant"),
    year: integer("year").notNull(),
    mileageKm: integer("mileage_km").notNull().default(0),
    price: integer("price").notNull(),
    costPrice: integer("cost_price"),
    currency: text("currency").notNull(),
    fuel: text("fuel").notNull().default("petrol"),
    transmission: text("transmission").notNull().default("manual"),
    body: text("body").notNull().default("other"),
    color: text("color"),
    doors: integer("doors"),
    seats: integer("seats"),
    powerHp: integer("power_hp"),
    description: text("description"),
    features: text("features").array().notNull().default(sql`'{}'::text[]`),
    images: jsonb("images").$type<VehicleImage[]>().notNull().default([]),
    extra: jsonb("extra").$type<Record<string, unknown>>().notNull().default({}),
    status: text("status").$type<"available" | "reserved" | "sold" | "draft">().notNull().default("available"),
    soldAt: ts("sold_at"),
    publishedAt: ts("published_at"),
    searchVector: tsvector("search_vector").generatedAlwaysAs(
      sql`to_tsvector('simple', coalesce(make,'') || ' ' || coalesce(model,'') || ' ' || coalesce(variant,'') || ' ' || coalesce(color,'') || ' ' || coalesce(body,'') || ' ' || coalesce(fuel,'') || ' ' || coalesce(description,''))`,
    ),
  },
  (t) => [
    uniqueIndex("vehicles_tenant_code_key").on(t.tenantId, t.code),
    uniqueIndex("vehicles_tenant_slug_key").on(t.tenantId, t.slug),
    uniqueIndex("vehicles_tenant_external_key").on(t.tenantId, t.externalId),
    index("vehicles_tenant_status_created_idx").on(t.tenantId, t.status, t.createdAt.desc()),
    index("vehicles_tenant_status_price_idx").on(t.tenantId, t.status, t.price),
    index("vehicles_tenant_make_model_idx").on(t.tenantId, t.make, t.model),
    index("vehicles_tenant_plate_idx").on(t.tenantId, t.plate),
    index("vehicles_search_idx").using("gin", t.searchVector),
    index("vehicles_make_model_trgm_idx").using("gin", sql`(lower(${t.make} || ' ' || ${t.model})) gin_trgm_ops`),
  ],
);

export const vehicleEventTypes = ["created", "price_changed", "status_changed", "updated", "removed"] as const;

export const vehicleEvents = pgTable(
  "vehicle_events",
  {
    ...tenantColumns(),
    vehicleId: uuid("vehicle_id").notNull().references(() => vehicles.id, { onDelete: "cascade" }),
    type: text("type").$type<(typeof vehicleEventTypes)[number]>().notNull(),
    old: jsonb("old").$type<Record<string, unknown>>(),
    new: jsonb("new").$type<Record<string, unknown>>(),
    source: text("source"),
    actorUserId: uuid("actor_user_id"),
    importId: uuid("import_id"),
  },
  (t) => [index("vehicle_events_vehicle_idx").on(t.vehicleId, t.createdAt), index("vehicle_events_tenant_type_idx").on(t.tenantId, t.type, t.createdAt)],
);

export type ImportCounts = { created: number; updated: number; removed: number; unchanged: number; invalid: number };

export const inventoryImports = pgTable(
  "inventory_imports",
  {
    ...tenantColumns(),
    // webhook | event | upload | feed
    source: text("source").notNull(),
    status: text("status").$type<"queued" | "running" | "done" | "failed">().notNull().default("queued"),
    format: text("format"),
    // snapshot: the complete stock, cars missing from it are marked sold; partial: only adds and updates
    mode: text("mode").$type<"snapshot" | "partial">().notNull().default("snapshot"),
    filename: text("filename"),
    inboxId: uuid("inbox_id"),
    payload: text("payload"),
    totalRows: integer("total_rows"),
    processedRows: integer("processed_rows").notNull().default(0),
    counts: jsonb("counts").$type<ImportCounts>(),
    report: jsonb("report").$type<{ rowNumber: number; reason: string }[]>().notNull().default([]),
    error: text("error"),
    startedAt: ts("started_at"),
    finishedAt: ts("finished_at"),
    durationMs: integer("duration_ms"),
  },
  (t) => [index("inventory_imports_tenant_created_idx").on(t.tenantId, t.createdAt.desc())],
);

// Photos and WhatsApp media live in the database so the embedded mode needs no object store.
export const mediaObjects = pgTable(
  "media_objects",
  {
    ...tenantColumns(),
    kind: text("kind").notNull(),
    mimeType: text("mime_type").notNull(),
    bytes: customType<{ data: Buffer }>({ dataType: () => "bytea" })("bytes").notNull(),
    size: integer("size").notNull(),
    sha256: text("sha256").notNull(),
    width: integer("width"),
    height: integer("height"),
    // a resized variant points at its original
    originalId: uuid("original_id"),
    variant: text("variant"),
  },
  // One row per original and width: a background resize and a first visitor may make the same size at once.
  (t) => [index("media_objects_tenant_sha_idx").on(t.tenantId, t.sha256), uniqueIndex("media_objects_variant_key").on(t.originalId, t.variant)],
);
