import http from "node:http";
import type { AddressInfo } from "node:net";

// A fake Anthropic Messages API on loopback. By default it behaves like a careful model: it calls
// search_inventory once, then answers with the first car the tool returned. Scripts override that.

type Req = { model: string; system?: unknown; tools?: { name: string }[]; messages: { role: string; content: unknown }[] };
export type Script = (req: Req, call: number) => { status?: number; body?: unknown; delayMs?: number };

const textReply = (text: string) => ({
  id: `msg_${Date.now()}`, type: "message", role: "assistant", model: "claude-fake", stop_reason: "end_turn", stop_sequence: null,
  content: [{ type: "text", text }], usage: { input_tokens: 100, output_tokens: 40, cache_read_input_tokens: 80, cache_creation_input_tokens: 0 },
});
const toolUse = (name: string, input: unknown) => ({
  id: `msg_${Date.now()}`, type: "message", role: "assistant", model: "claude-fake", stop_reason: "tool_use", stop_sequence: null,
  content: [{ type: "tool_use", id: `toolu_${Math.random().toString(36).slice(2)}`, name, input }], usage: { input_tokens: 100, output_tokens: 20 },
});

export const carefulModel: Script = (req) => {
  const last = req.messages.at(-1);
  const results = Array.isArray(last?.content) ? (last.content as { type: string; content?: string }[]).filter((b) => b.type === "tool_result") : [];
  if (results.length === 0) return { body: toolUse("search_inventory", {}) };
  const out = JSON.parse(results[0].content ?? "{}") as { vehicles?: { code: string; make: string; model: string; year: number; price: number }[] };
  const v = out.vehicles?.[0];
  return { body: textReply(v ? `We have the *${v.code}* ${v.make} ${v.model} (${v.year}) for €${v.price.toLocaleString("en-US")}.` : "Nothing in stock right now.") };
};

/**
 * The tool call the request's last turn answers: its name and input (from the assistant turn before) and its result,
 * or null when the last turn is not a tool result.
 */
export function lastToolCall(req: Req): { name: string; input: unknown; result: unknown } | null {
  const [asked, answered] = req.messages.slice(-2).map((m) => (Array.isArray(m.content) ? (m.content as { type: string; id?: string; tool_use_id?: string; name?: string; input?: unknown; content?: string }[]) : []));
  const result = answered?.find((b) => b.type === "tool_result");
  const use = asked?.find((b) => b.type === "tool_use" && b.id === result?.tool_use_id);
  return result && use ? { name: use.name!, input: use.input, result: JSON.parse(result.content ?? "null") } : null;
}

export { textReply, toolUse };

export async function startFakeAnthropic(script: Script = carefulModel) {
  const requests: Req[] = [];
  let current = script;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      const body = JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}") as Req;
      requests.push(body);
      if (!req.headers["x-api-key"] && !req.headers.authorization?.startsWith("Bearer ")) {
        res.writeHead(401, { "content-type": "application/json" });
        return res.end(JSON.stringify({ type: "error", error: { type: "authentication_error", message: "invalid x-api-key" } }));
      }
      const r = current(body, requests.length);
      setTimeout(() => {
        if (res.destroyed) return;
        res.writeHead(r.status ?? 200, { "content-type": "application/json", "request-id": `req_${requests.length}` });
        res.end(JSON.stringify(r.body ?? { type: "error", error: { type: "api_error", message: "Internal server error" } }));
      }, r.delayMs ?? 0);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    use: (s: Script) => { current = s; },
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
