// Serves fauxqs on 127.0.0.1 only: its own CLI listens on 0.0.0.0, which the integration tests must not do.
// Usage: node fauxqs-loopback.mjs PORT [REGION]
import { buildApp } from "fauxqs";

const port = Number.parseInt(process.argv[2] ?? "", 10);
if (!Number.isInteger(port) || port <= 0 || port > 65535) {
  console.error("usage: node fauxqs-loopback.mjs PORT [REGION]");
  process.exit(2);
}

const app = buildApp({ logger: false, defaultRegion: process.argv[3] ?? "us-east-1" });
await app.listen({ host: "127.0.0.1", port });
console.log(`fauxqs listening on http://127.0.0.1:${port}`);

// The parent holds our stdin open: when it exits (even abruptly), stdin ends and so do we.
process.stdin.on("end", () => app.close().finally(() => process.exit(0)));
process.stdin.resume();
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => app.close().finally(() => process.exit(0)));
}
