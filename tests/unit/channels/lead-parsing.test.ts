import { describe, expect, it } from "vitest";
import { htmlToText, parseAddress, parseLeadEmail, stripQuotedReply } from "@/lib/channels/email-parse";
import { leadSummary, mapLeadFields, parseLeadgenWebhook } from "@/lib/channels/facebook";
import { ChannelPayloadError } from "@/lib/channels/types";

describe("lead e-mail layout", () => {
  it("reads labelled fields with a multi-line message that ends at the sign-off", () => {
    const p = parseLeadEmail("Naam: Pieter\nTel.: 06 1234 5678\n**E-mail:** p@x.nl\nVoertuig: #B07\nOpmerking:\nRegel een\nRegel twee\n--\nPortal BV");
    expect(p).toEqual({ isLead: true, language: "nl", fields: { name: "Pieter", phone: "06 1234 5678", email: "p@x.nl", vehicle: "#B07", message: "Regel een\nRegel twee" } });
  });

  it("lets the value decide what 'Mobil' means (Norwegian phone, Indonesian car)", () => {
    expect(parseLeadEmail("Navn: Kari\nMobil: 912 34 567").fields).toMatchObject({ phone: "912 34 567" });
    expect(parseLeadEmail("Navn: Kari\nMobil: 912 34 567").language).toBe("nb");
    const id = parseLeadEmail("Nama: Budi\nNo. HP: 0812 3456 789\nMobil: Toyota Avanza");
    expect(id.fields).toMatchObject({ phone: "0812 3456 789", vehicle: "Toyota Avanza" });
    expect(id.language).toBe("id");
  });

  it("does not take an ordinary e-mail for a lead", () => {
    expect(parseLeadEmail("Hoi,\n\nIs de auto nog te koop? Groet: Jan").isLead).toBe(false);
    expect(parseLeadEmail("Name: only a name").isLead).toBe(false);
  });

  it("turns portal HTML tables into label lines and decodes entities", () => {
    expect(htmlToText("<table><tr><td>Nama</td><td>Budi &amp; Sri</td></tr><tr><th>Pesan:</th><td>Halo&#33;</td></tr></table>")).toBe("Nama: Budi & Sri\nPesan:: Halo!");
    expect(parseLeadEmail(htmlToText("<tr><th>Pesan:</th><td>Halo</td></tr><tr><td>Telepon</td><td>0812</td></tr>")).fields).toMatchObject({ message: "Halo", phone: "0812" });
  });

  it("parses sender addresses and strips quoted replies in four languages", () => {
    expect(parseAddress('"De Vries, Jan" <Jan@Example.NL>')).toEqual({ name: "De Vries, Jan", email: "jan@example.nl" });
    expect(parseAddress("not an address")).toEqual({ name: null, email: null });
    for (const header of ["On Mon, 4 May 2026 at 10:00, Dealer <d@x.nl> wrote:", "Op ma 4 mei 2026 om 10:00 schreef Dealer <d@x.nl>:", "Den 4. mai 2026 kl. 10:00 skrev Dealer <d@x.no>:", "Pada tanggal 4 Mei 2026 Dealer <d@x.id> menulis:"]) {
      expect(stripQuotedReply(`Prima!\n\n${header}\n> eerder bericht`)).toBe("Prima!");
    }
  });
});

describe("Facebook Lead Ads", () => {
  it("maps standard fields, the car question and custom questions", () => {
    const m = mapLeadFields([
      { name: "first_name", values: ["Ola"] }, { name: "last_name", values: ["Nordmann"] }, { name: "mobile_phone", values: ["+4791234567"] },
      { name: "email", values: ["ola@x.no"] }, { name: "hvilken_bil?", values: ["Tesla Model 3"] }, { name: "trade_in", values: ["yes", "VW Polo"] },
    ]);
    expect(m).toMatchObject({ name: "Ola Nordmann", phone: "+4791234567", email: "ola@x.no", vehicle: "Tesla Model 3", questions: { trade_in: "yes, VW Polo" } });
    expect(m.answers["hvilken_bil?"]).toBe("Tesla Model 3");
    expect(leadSummary(m)).toContain("Trade in: yes, VW Polo");
  });

  it("reads leadgen ids from a Page webhook and refuses other shapes", () => {
    const refs = parseLeadgenWebhook({ object: "page", entry: [{ id: "77", changes: [{ field: "leadgen", value: { leadgen_id: 123, page_id: "77", form_id: "5" } }, { field: "feed", value: {} }] }] });
    expect(refs).toEqual([{ leadgenId: "123", pageId: "77", formId: "5", adId: undefined, createdTime: undefined }]);
    expect(() => parseLeadgenWebhook({ object: "user", entry: [] })).toThrow(ChannelPayloadError);
  });
});
