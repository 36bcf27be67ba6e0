import type { z } from "zod";
import { parsePageParams, type PageParams } from "./cursor";
import { apiError, readJsonBody } from "./respond";

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (s: string) => uuid.test(s);

export function pageParamsOf(request: Request): { ok: true; value: PageParams; search: URLSearchParams } | { ok: false; response: Response } {
  const search = new URL(request.url).searchParams;
  const parsed = parsePageParams(search);
  return parsed.ok ? { ok: true, value: parsed.value, search } : { ok: false, response: apiError(400, "invalid_query", parsed.error) };
}

/** JSON body through a zod schema; a refusal names each wrong field. */
export async function bodyOf<S extends z.ZodType>(request: Request, schema: S): Promise<{ ok: true; value: z.infer<S> } | { ok: false; response: Response }> {
  const raw = await readJsonBody(request);
  if (!raw.ok) return raw;
  const parsed = schema.safeParse(raw.value);
  if (parsed.success) return { ok: true, value: parsed.data };
  const fields = Object.fromEntries(parsed.error.issues.map((i) => [i.path.join(".") || "(body)", i.message]));
  return { ok: false, response: Response.json({ error: { code: "invalid_body", message: "The body has invalid fields.", fields } }, { status: 400 }) };
}
