import { getSession } from "@/lib/auth";
import { allowedWidths, getMedia, getVariant, publicMediaKinds } from "@/lib/media";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const media = await getMedia(id);
  if (!media) return new Response("Not found", { status: 404 });
  const isPublic = publicMediaKinds.has(media.kind);
  if (!isPublic) {
    const session = await getSession();
    if (!session || session.tenant.id !== media.tenantId) return new Response("Not found", { status: 404 });
  }
  const url = new URL(request.url);
  const w = Number(url.searchParams.get("w"));
  const width = allowedWidths.find((a) => a >= w) ?? (w ? allowedWidths.at(-1) : undefined);
  const served = width && media.mimeType.startsWith("image/") ? await getVariant(media, width) : media;
  return new Response(new Uint8Array(served.bytes), {
    headers: {
      "Content-Type": served.mimeType,
      "Content-Length": String(served.size),
      "Cache-Control": isPublic ? "public, max-age=31536000, immutable" : "private, max-age=3600",
      "X-Content-Type-Options": "nosniff",
      ...(served.mimeType === "image/svg+xml" ? { "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'" } : {}),
    },
  });
}
