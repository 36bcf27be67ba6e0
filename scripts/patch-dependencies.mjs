// Runs after `npm install` / `npm ci` (package.json "postinstall"): mends defects and hot spots in dependencies that
// have no fixed release yet. Each mend names the version it was written for; on any other version it is skipped with a
// notice, and the test named with it says whether the new version still needs it.
import fs from "node:fs";
import path from "node:path";

const mends = [
  {
    // postgres.js batches small writes until the next turn of the event loop (`chunk`, `nextWriteTimer`). When a
    // socket closed with such a write pending, the connection kept the cancelled timer and the stale bytes: every
    // later connect attempt queued its startup message behind them and never sent it, so each query on that
    // connection waited out connect_timeout and failed. After a database restart under load every pooled
    // connection could end up so. A write that found the socket already gone (a transaction's rollback after its
    // connection closed) threw from a timer instead of failing its query; it now fails the queries it carried and
    // leaves a reconnect that is under way alone. Test: tests/integration/db/connection-recovery.test.ts.
    pkg: "postgres",
    version: "3.4.9",
    files: ["src/connection.js", "cjs/src/connection.js", "cf/src/connection.js"],
    edits: [
      {
        find: "    clearImmediate(nextWriteTimer)\n    if (socket) {",
        replace: "    clearImmediate(nextWriteTimer)\n    chunk = nextWriteTimer = null // forecourt: no stale write survives the socket\n    if (socket) {",
      },
      {
        find: "    clearImmediate(nextWriteTimer)\n    socket.removeListener('data', data)",
        replace: "    clearImmediate(nextWriteTimer)\n    chunk = nextWriteTimer = null // forecourt: no stale write survives the socket\n    socket.removeListener('data', data)",
      },
      {
        find: "  function nextWrite(fn) {\n    const x = socket.write(chunk, fn)",
        replace: [
          "  function nextWrite(fn) {",
          "    if (!socket) { // forecourt: the socket is gone, so the write fails its queries instead of throwing",
          "      const err = Errors.connection('CONNECTION_CLOSED', options)",
          "      chunk = nextWriteTimer = null",
          "      query && queryError(query, err)",
          "      while (sent.length) queryError(sent.shift(), err)",
          "      return false",
          "    }",
          "    const x = socket.write(chunk, fn)",
        ].join("\n"),
      },
    ],
  },
  {
    // postgres.js gathers the statements a turn of the event loop sends on a connection into one socket write, but
    // writes at once when the gathered bytes reach 1 KB: an insert with a JSON column (a stored message, a queued run)
    // then went out alone and the statements sent with it in a second write. Each write to a local PostgreSQL costs
    // the app ~0.1–0.2 ms (the kernel wakes the server), and the reply pipeline sends its statements in batches of
    // a few KB. Writing at once from 16 KB keeps a turn's batch in one write and still bounds the copying.
    // Test: tests/integration/db/write-batching.test.ts.
    pkg: "postgres",
    version: "3.4.9",
    files: ["src/connection.js", "cjs/src/connection.js", "cf/src/connection.js"],
    edits: [
      {
        find: "    if (fn || chunk.length >= 1024)\n",
        replace: "    if (fn || chunk.length >= 16384) // forecourt: a turn's statements in one write\n",
      },
    ],
  },
  {
    // drizzle-orm's is() decides what each piece of a query is (a column, a parameter, a nested SQL…) by walking the
    // piece's class chain, for every piece and every kind it is tested against: half the time spent turning a query
    // into SQL text, which the reply pipeline does some forty times per answer. The answer depends only on the
    // piece's prototype and the kind asked for, so it is now remembered per pair (a WeakMap, so classes can go).
    // Test: tests/unit/db/drizzle-is.test.ts pins its answers. Whether a newer drizzle still needs it is a matter of
    // speed, not behaviour: a profile of bench:assistant (BENCH_CPU_PROFILE) shows how long `is` takes there.
    pkg: "drizzle-orm",
    version: "0.45.4",
    files: ["entity.js", "entity.cjs"],
    edits: [
      {
        find: "function is(value, type) {\n  if (!value || typeof value !== \"object\") {\n    return false;\n  }\n  if (value instanceof type) {",
        replace: [
          "const isMemo = new WeakMap(); // forecourt: is() remembered per prototype and kind",
          "function is(value, type) {",
          "  if (!value || typeof value !== \"object\") {",
          "    return false;",
          "  }",
          "  const proto = Object.getPrototypeOf(value);",
          "  if (proto === null) return value instanceof type;",
          "  let byType = isMemo.get(proto);",
          "  if (byType === void 0) isMemo.set(proto, byType = new Map());",
          "  let known = byType.get(type);",
          "  if (known === void 0) byType.set(type, known = isUncached(value, type));",
          "  return known;",
          "}",
          "function isUncached(value, type) {",
          "  if (value instanceof type) {",
        ].join("\n"),
      },
    ],
  },
];

let failed = false;
for (const mend of mends) {
  const root = path.join("node_modules", mend.pkg);
  if (!fs.existsSync(path.join(root, "package.json"))) continue;
  const { version } = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
  if (version !== mend.version) {
    console.log(`patch-dependencies: ${mend.pkg} is ${version}, the mend was written for ${mend.version}: skipped`);
    continue;
  }
  let applied = 0;
  for (const file of mend.files) {
    const target = path.join(root, file);
    let text = fs.readFileSync(target, "utf8");
    for (const { find, replace } of mend.edits) {
      if (text.includes(replace)) continue;
      if (!text.includes(find)) {
        console.error(`patch-dependencies: ${target} does not read as expected; the mend was not applied`);
        failed = true;
        continue;
      }
      text = text.replace(find, replace);
      applied++;
    }
    fs.writeFileSync(target, text);
  }
  if (applied > 0) console.log(`patch-dependencies: ${mend.pkg} ${version} mended (${applied} edits)`);
}
process.exit(failed ? 1 : 0);
