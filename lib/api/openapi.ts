import { z } from "zod";
import { leadSources, leadStages } from "@/db/schema";
import { createLeadSchema, updateLeadSchema } from "./resources/lead-writes";
import { vehicleStatusFilter } from "./resources/vehicles";

type Schema = Record<string, unknown>;

// Request bodies come from the same zod schemas the routes validate with, so they cannot drift.
const bodySchema = (s: z.ZodType): Schema => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(s, { target: "draft-2020-12", io: "input" }) as Schema;
  return rest;
};

const str = { type: "string" };
const nullable = (type: string, extra: Schema = {}) => ({ type: [type, "null"], ...extra });
const dateTime = { type: "string", format: "date-time" };
const id = { type: "string", format: "uuid" };
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const object = (properties: Record<string, unknown>) => ({ type: "object", properties, required: Object.keys(properties) });

const schemas = {
  Error: object({ error: object({ code: str, message: str }) }),
  Lead: object({
    id, contactId: id, source: { enum: [...leadSources] }, stage: { enum: [...leadStages] }, score: { type: "integer" }, hot: { type: "boolean" },
    assignedUserId: nullable("string"), vehicleId: nullable("string"), budgetMin: nullable("integer"), budgetMax: nullable("integer"),
    notes: nullable("string"), lostReason: nullable("string"), wonAmount: nullable("integer"), externalRef: nullable("string"),
    createdAt: dateTime, updatedAt: dateTime, lastActivityAt: dateTime,
  }),
  Contact: object({
    id, name: nullable("string"), phone: nullable("string", { description: "E.164 digits without +" }), email: nullable("string"), language: nullable("string"),
    consentMarketing: { type: "boolean" }, optedOut: { type: "boolean" }, tags: { type: "array", items: str }, createdAt: dateTime, updatedAt: dateTime,
  }),
  Vehicle: object({
    id, code: { type: "string", example: "#A01" }, slug: str, externalId: nullable("string"), stockCode: nullable("string"), plate: nullable("string"),
    make: str, model: str, variant: nullable("string"), year: { type: "integer" }, mileageKm: { type: "integer" }, price: { type: "integer" }, currency: str,
    fuel: str, transmission: str, body: str, color: nullable("string"), status: { enum: [...vehicleStatusFilter] }, branchId: nullable("string"),
    images: { type: "array", items: { type: "string" } }, createdAt: dateTime, updatedAt: dateTime, soldAt: nullable("string", { format: "date-time" }),
  }),
  Appointment: object({
    id, leadId: nullable("string"), contactId: nullable("string"), vehicleId: nullable("string"), branchId: nullable("string"), assignedUserId: nullable("string"),
    kind: { enum: ["test_drive", "visit"] }, startsAt: dateTime, endsAt: dateTime, status: { enum: ["booked", "confirmed", "completed", "no_show", "cancelled"] },
    notes: nullable("string"), createdBy: { enum: ["assistant", "staff", "shopper"] }, createdAt: dateTime, updatedAt: dateTime,
  }),
  CreateLead: bodySchema(createLeadSchema),
  UpdateLead: bodySchema(updateLeadSchema),
};

const errors = Object.fromEntries(
  [["400", "Invalid query or body"], ["401", "Missing, unknown or revoked API key"], ["403", "The key lacks the needed scope"], ["429", "Rate limit exceeded (see Retry-After)"]]
    .map(([code, description]) => [code, { description, content: { "application/json": { schema: ref("Error") } } }]),
);
const json = (schema: unknown, description = "OK") => ({ description, content: { "application/json": { schema } } });
const pageQuery = [
  { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 100, default: 25 } },
  { name: "cursor", in: "query", description: "nextCursor from the previous page", schema: str },
];
const idParam = { name: "id", in: "path", required: true, schema: id };

function listOp(name: string, tag: string, extraQuery: unknown[] = []) {
  return {
    tags: [tag], summary: `List ${tag.toLowerCase()}, newest first`, security: [{ apiKey: [] }], parameters: [...pageQuery, ...extraQuery],
    responses: { "200": json(object({ data: { type: "array", items: ref(name) }, nextCursor: nullable("string") })), ...errors },
  };
}
function getOp(name: string, tag: string) {
  return {
    tags: [tag], summary: `Get one ${name.toLowerCase()}`, security: [{ apiKey: [] }], parameters: [idParam],
    responses: { "200": json(object({ data: ref(name) })), "404": json(ref("Error"), "Not found (or another dealership's)"), ...errors },
  };
}

export const openApiDocument = {
  openapi: "3.1.0",
  info: { title: "Forecourt dealer API", version: "1.0.0", description: "Your dealership's leads, contacts, vehicles and appointments. Authenticate with an API key from Settings → API & webhooks." },
  servers: [{ url: "/api/v1" }],
  components: { schemas, securitySchemes: { apiKey: { type: "http", scheme: "bearer", description: "An API key (fck_…); read or read+write scope" } } },
  paths: {
    "/leads": {
      get: listOp("Lead", "Leads", [{ name: "stage", in: "query", schema: { enum: [...leadStages] } }]),
      post: {
        tags: ["Leads"], summary: "Create a lead (joins the contact's open lead if there is one)", security: [{ apiKey: [] }],
        requestBody: { required: true, content: { "application/json": { schema: ref("CreateLead") } } },
        responses: { "201": json(object({ data: ref("Lead"), created: { type: "boolean" } }), "Created"), "200": json(object({ data: ref("Lead"), created: { type: "boolean" } }), "An open lead of this contact already existed"), "422": json(ref("Error"), "Unusable contact details or vehicle"), ...errors },
      },
    },
    "/leads/{id}": {
      get: getOp("Lead", "Leads"),
      patch: {
        tags: ["Leads"], summary: "Move a lead to another stage", security: [{ apiKey: [] }], parameters: [idParam],
        requestBody: { required: true, content: { "application/json": { schema: ref("UpdateLead") } } },
        responses: { "200": json(object({ data: ref("Lead") })), "404": json(ref("Error"), "Not found"), "422": json(ref("Error"), "lostReason missing"), ...errors },
      },
    },
    "/contacts": { get: listOp("Contact", "Contacts") },
    "/contacts/{id}": { get: getOp("Contact", "Contacts") },
    "/vehicles": { get: listOp("Vehicle", "Vehicles", [{ name: "status", in: "query", schema: { enum: [...vehicleStatusFilter] } }]) },
    "/vehicles/{id}": { get: getOp("Vehicle", "Vehicles") },
    "/appointments": { get: listOp("Appointment", "Appointments") },
    "/appointments/{id}": { get: getOp("Appointment", "Appointments") },
    "/openapi.json": { get: { tags: ["Meta"], summary: "This document", security: [], responses: { "200": json({ type: "object" }) } } },
  },
} as const;
