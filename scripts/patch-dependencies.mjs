// Runs after `npm install` / `npm ci` (package.json "postinstall"): mends defects in dependencies that have no
// fixed release yet. Each mend names the version it was written for; on any other version it is skipped with a
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
