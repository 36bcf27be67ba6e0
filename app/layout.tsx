import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { documentLang } from "@/lib/catalog/document-lang";
import { env } from "@/lib/env";
import { monogramIconDataUrl } from "@/lib/monogram-icon";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Forecourt", template: "%s · Forecourt" },
  description: "Sell more cars: an AI sales assistant on WhatsApp, one inbox for every lead, and a fast catalog for your lot.",
  icons: { icon: monogramIconDataUrl("Forecourt", "#0f172a") },
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#0f172a" };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const body = (
    <html lang={await documentLang()}>
      <body className="min-h-dvh bg-white text-slate-900 antialiased">{children}</body>
    </html>
  );
  if (env().modes.auth !== "clerk") return body;
  const { ClerkProvider } = await import("@clerk/nextjs");
  return <ClerkProvider>{body}</ClerkProvider>;
}
