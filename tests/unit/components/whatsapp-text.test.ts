import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { plainWhatsApp, WhatsAppText } from "@/components/whatsapp-text";

const html = (text: string) => renderToStaticMarkup(createElement(WhatsAppText, { text }));

describe("WhatsAppText", () => {
  it("shows the assistant's bold codes and prices as bold", () => {
    expect(html("*#A46* Renault Clio · *€ 19.950*")).toBe('<strong class="font-semibold">#A46</strong> Renault Clio · <strong class="font-semibold">€ 19.950</strong>');
  });

  it("knows italic, strike-through and monospace", () => {
    expect(html("_nieuw_ ~oud~ ```ABC```")).toBe('<em>nieuw</em> <s>oud</s> <code class="font-mono text-[0.95em]">ABC</code>');
  });

  it("leaves markers inside words, around spaces or across lines as typed", () => {
    for (const text of ["2*3*4", "file_name_here", "* not bold *", "*one\ntwo*", "price ~ 20k ~ maybe"]) expect(html(text)).toBe(text);
  });

  it("escapes what a shopper typed instead of rendering it as HTML", () => {
    expect(html("*<img src=x onerror=alert(1)>*")).toBe('<strong class="font-semibold">&lt;img src=x onerror=alert(1)&gt;</strong>');
  });
});

describe("plainWhatsApp", () => {
  it("drops the markers for a one-line preview and keeps everything else as typed", () => {
    expect(plainWhatsApp("Hoi! Ja, de *Volkswagen Golf 1.0 TSI* (_2019_) kost *€ 14.950*")).toBe("Hoi! Ja, de Volkswagen Golf 1.0 TSI (2019) kost € 14.950");
    for (const text of ["2*3*4", "file_name_here", "* not bold *", "*one\ntwo*"]) expect(plainWhatsApp(text)).toBe(text);
  });
});
