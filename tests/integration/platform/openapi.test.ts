import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/api/openapi";
import { GET as serveDocument } from "@/app/api/v1/openapi.json/route";

const apiDir = path.resolve(__dirname, "../../../app/api/v1");
const methods = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

function routeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return routeFiles(full);
    return e.name === "route.ts" ? [full] : [];
  });
}

// app/api/v1/leads/[id]/route.ts → /leads/{id}
const openApiPathOf = (file: string) => `/${path.relative(apiDir, path.dirname(file)).split(path.sep).join("/")}`.replace(/\[([^\]]+)\]/g, "{$1}");

describe("OpenAPI document", () => {
  it("describes every route and method in app/api/v1, and nothing that does not exist", async () => {
    const files = routeFiles(apiDir);
    expect(files.length).toBeGreaterThan(5);
    const implemented: string[] = [];
    for (const file of files) {
      const mod = (await import(file)) as Record<string, unknown>;
      for (const m of methods) if (typeof mod[m] === "function") implemented.push(`${m.toLowerCase()} ${openApiPathOf(file)}`);
    }
    const documented = Object.entries(openApiDocument.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m} ${p}`));
    expect(documented.sort()).toEqual(implemented.sort());
  });

  it("is served as OpenAPI 3.1 JSON with request bodies from the validators", async () => {
    const res = serveDocument();
    expect(res.status).toBe(200);
    const doc = await res.json();
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.components.schemas.UpdateLead.properties.stage.enum).toContain("won");
    expect(doc.components.schemas.CreateLead.properties).toHaveProperty("phone");
    expect(doc.components.securitySchemes.apiKey.scheme).toBe("bearer");
  });
});
