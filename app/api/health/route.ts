// Liveness for load balancers and the benchmark's framework baseline: no database, no work.
export function GET() {
  return Response.json({ ok: true });
}
