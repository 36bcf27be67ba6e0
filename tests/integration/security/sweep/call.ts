import { createElement, isValidElement, type ReactNode } from "react";
import { AppRouterContext, type AppRouterInstance } from "next/dist/shared/lib/app-router-context.shared-runtime";
import { PathnameContext, SearchParamsContext } from "next/dist/shared/lib/hooks-client-context.shared-runtime";
import { renderToReadableStream } from "react-dom/server.edge";
import { signInWithPassword, SESSION_COOKIE } from "@/lib/auth/local";
import { env } from "@/lib/env";
import { TEST_PASSWORD } from "../../../helpers/factory";
import { requestContext } from "./request-context";

// Calls one way in the way Next would, and reduces the answer to: was it refused, and what text left the server.

export type Outcome = { refused: boolean; text: string; how: string };

let ipCounter = 0;

/** Signs `email` in through the product's own sign-in (or signs out for null) and sets up the request headers. */
export async function actAs(email: string | null) {
  requestContext.cookies.clear();
  // A fresh address per probe keeps the per-IP sign-in limit out of the way.
  requestContext.headers = new Headers({ host: env().ROOT_DOMAIN, "x-forwarded-for": `10.9.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`, "user-agent": "sweep" });
  if (!email) return;
  const r = await signInWithPassword(email, TEST_PASSWORD);
  if (!r.ok) throw new Error(`sweep could not sign in ${email}: ${r.error}`);
  requestContext.cookies.set(SESSION_COOKIE, r.token);
}

const navigation = /NEXT_(HTTP_ERROR_FALLBACK;40[134]|REDIRECT|NOT_FOUND)/;
const digestOf = (err: unknown) => String((err as { digest?: string })?.digest ?? "");

function refusalFromError(err: unknown, how: string): Outcome {
  const digest = digestOf(err);
  if (navigation.test(digest)) return { refused: true, text: `${digest} ${(err as Error).message}`, how: `${how} threw ${digest.split(";").slice(0, 2).join(";")}` };
  throw err;
}

export async function callAction(fn: (...args: unknown[]) => unknown, args: unknown[]): Promise<Outcome> {
  try {
    const result = await fn(...args);
    const ok = typeof result === "object" && result !== null && (result as { ok?: unknown }).ok === true;
    return { refused: !ok, text: JSON.stringify(result ?? null), how: `returned ${JSON.stringify(result ?? null).slice(0, 80)}` };
  } catch (err) {
    return refusalFromError(err, "action");
  }
}

export async function callRoute(handler: (req: Request, ctx: unknown) => unknown, request: Request, params: Record<string, string>): Promise<Outcome> {
  try {
    const res = (await handler(request, { params: Promise.resolve(params) })) as Response;
    const text = await res.text();
    return { refused: res.status >= 400, text: `${[...res.headers].join(" ")} ${text}`, how: `HTTP ${res.status} ${text.slice(0, 80)}` };
  } catch (err) {
    return refusalFromError(err, "route");
  }
}

// When a client component cannot render outside Next's router, the props it was given still show what leaked.
function serializeTree(node: unknown): string {
  return JSON.stringify(node, (key, value) => {
    if (key === "_owner" || key === "_store" || typeof value === "function" || typeof value === "symbol") return undefined;
    return isValidElement(value) ? { type: String((value.type as { name?: string })?.name ?? value.type), props: value.props } : value;
  }) ?? "";
}

// Client components call useRouter/usePathname; outside Next they need a router that does nothing.
const idleRouter: AppRouterInstance = { bfcacheId: "sweep", back() {}, forward() {}, refresh() {}, push() {}, replace() {}, prefetch() {} };
const withRouter = (tree: ReactNode) =>
  createElement(AppRouterContext.Provider, { value: idleRouter },
    createElement(PathnameContext.Provider, { value: "/" }, createElement(SearchParamsContext.Provider, { value: new URLSearchParams() }, tree)));

export async function callPage(page: (props: unknown) => unknown, params: Record<string, string>, searchParams: Record<string, string> = {}): Promise<Outcome> {
  let tree: ReactNode;
  try {
    tree = (await page({ params: Promise.resolve(params), searchParams: Promise.resolve(searchParams) })) as ReactNode;
  } catch (err) {
    return refusalFromError(err, "page");
  }
  let renderError: unknown;
  try {
    const stream = await renderToReadableStream(withRouter(tree), { onError: (e) => void (renderError ??= e) });
    await stream.allReady;
    const html = await new Response(stream).text();
    if (renderError && navigation.test(digestOf(renderError))) return refusalFromError(renderError, "page child");
    return { refused: false, text: html, how: "rendered" };
  } catch (err) {
    if (navigation.test(digestOf(err))) return refusalFromError(err, "page child");
    return { refused: false, text: serializeTree(tree), how: `tree (render failed: ${(err as Error).message.slice(0, 60)})` };
  }
}
