// scripts/patch-dependencies.mjs makes drizzle-orm's is() remember its answer per prototype and kind (query building
// calls it for every piece of every statement). These pin down that the remembered answers are the ones drizzle gives.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { Column, SQL, Table, entityKind, is, sql } from "drizzle-orm";
import { PgColumn, integer, pgTable, text } from "drizzle-orm/pg-core";

const cars = pgTable("cars", { id: integer("id"), make: text("make") });

describe("drizzle-orm is() with the mend", () => {
  it("is installed by npm's postinstall on the version it was written for", () => {
    const root = path.join(process.cwd(), "node_modules", "drizzle-orm");
    const { version } = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
    if (version !== "0.45.4") return; // a newer drizzle: the mend is skipped with a notice
    for (const file of ["entity.js", "entity.cjs"]) expect(fs.readFileSync(path.join(root, file), "utf8")).toContain("isMemo");
  });

  it("answers as before, the first time and every time after", () => {
    for (let i = 0; i < 3; i++) {
      expect(is(cars.make, Column)).toBe(true);
      expect(is(cars.make, PgColumn)).toBe(true);
      expect(is(cars.make, SQL)).toBe(false);
      expect(is(cars, Table)).toBe(true);
      expect(is(cars, Column)).toBe(false);
      expect(is(sql`select 1`, SQL)).toBe(true);
      expect(is(sql`select 1`, Column)).toBe(false);
    }
  });

  it("says no for values that are not objects or have no prototype", () => {
    expect(is(null, SQL)).toBe(false);
    expect(is("select 1", SQL)).toBe(false);
    expect(is({}, SQL)).toBe(false);
    expect(is([], SQL)).toBe(false);
    expect(is(Object.create(null), SQL)).toBe(false);
  });

  it("still recognises a class from another copy of drizzle by its kind, and only by its kind", () => {
    class OtherCopySql { static readonly [entityKind] = (SQL as unknown as Record<symbol, string>)[entityKind]; }
    class Unrelated { static readonly [entityKind] = "Unrelated"; }
    expect(is(new OtherCopySql(), SQL)).toBe(true);
    expect(is(new OtherCopySql(), SQL)).toBe(true);
    expect(is(new Unrelated(), SQL)).toBe(false);
  });

  it("still refuses a type that is not a drizzle entity, every time", () => {
    class NotAnEntity {}
    expect(() => is(cars.make, NotAnEntity as never)).toThrow(/doesn't look like a Drizzle entity/);
    expect(() => is(cars.make, NotAnEntity as never)).toThrow(/doesn't look like a Drizzle entity/);
  });
});
