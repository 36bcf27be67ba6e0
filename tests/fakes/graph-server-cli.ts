import { startFakeGraph } from "./graph-server";

// Standalone fake Graph API for e2e runs and benchmarks (META_GRAPH_URL=http://127.0.0.1:3199).
const fake = await startFakeGraph(Number(process.env.FAKE_GRAPH_PORT ?? 3199));
console.log(`fake Graph API listening on ${fake.url}`);
