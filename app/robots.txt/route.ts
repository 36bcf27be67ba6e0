// The platform's own host is the dealers' dashboard: nothing there is for search engines. Each dealer site has its own
// robots.txt (app/sites/[domain]/robots.txt), which the proxy serves on the dealer's host.
export function GET() {
  return new Response("User-agent: *\nDisallow: /\n", { headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "public, max-age=3600" } });
}
