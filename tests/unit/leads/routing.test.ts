import { describe, expect, it } from "vitest";
import { pickRecipients, type Colleague } from "@/lib/leads/routing";

const team: Colleague[] = [
  { userId: "rep-a", role: "sales", onDuty: true, branchId: "A" },
  { userId: "rep-b", role: "sales", onDuty: true, branchId: "B" },
  { userId: "rep-all", role: "sales", onDuty: true, branchId: null },
  { userId: "rep-b-off", role: "sales", onDuty: false, branchId: "B" },
  { userId: "boss", role: "manager", onDuty: false, branchId: null },
  { userId: "owner", role: "owner", onDuty: true, branchId: null },
];

describe("who hears about an unassigned hot lead", () => {
  it("the on-duty reps of the lead's showroom, and only them", () => {
    expect(pickRecipients(team, "B")).toEqual(["rep-b"]);
  });

  it("everyone on duty when nobody of that showroom is, or the showroom is unknown", () => {
    const nobodyAtB = team.filter((m) => m.userId !== "rep-b");
    expect(pickRecipients(nobodyAtB, "B")).toEqual(["rep-a", "rep-all"]);
    expect(pickRecipients(team, null)).toEqual(["rep-a", "rep-b", "rep-all"]);
  });

  it("an on-duty manager counts like a rep; owners are never paged this way", () => {
    const managerOnDuty = team.map((m) => (m.userId === "boss" ? { ...m, onDuty: true, branchId: "C" } : m));
    expect(pickRecipients(managerOnDuty, "C")).toEqual(["boss"]);
  });

  it("the managers when nobody is on duty at all", () => {
    const offDuty = team.map((m) => ({ ...m, onDuty: false }));
    expect(pickRecipients(offDuty, "A")).toEqual(["boss"]);
  });
});
