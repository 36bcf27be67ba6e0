import { afterAll, beforeAll } from "vitest";
import { reloadEnv } from "@/lib/env";
import { startFakeGraph, type FakeGraph } from "../fakes/graph-server";

/**
 * For a test file: the offline assistant (no Claude key) answering shoppers through a fake Graph API on loopback,
 * started before the file's tests and closed after them. Returns the fake, to call once the tests run.
 */
export function useOfflineAssistant(): () => FakeGraph {
  let graph: FakeGraph | undefined;
  beforeAll(async () => {
    graph = await startFakeGraph();
    process.env.META_GRAPH_URL = graph.url;
    delete process.env.ANTHROPIC_API_KEY;
    reloadEnv();
  });
  afterAll(() => graph?.close());
  return () => {
    if (!graph) throw new Error("the fake Graph API starts before the file's tests");
    return graph;
  };
}
