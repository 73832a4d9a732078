#!/usr/bin/env node
// A thin HTTP server around Next's request handler (what `next start` runs, plus one
// thing): X-Forwarded-For is rewritten from the socket. `next start` passes a client's
// own X-Forwarded-For through, so anyone could name their address and dodge the
// per-address sign-in limit. Here, with CHRONICLE_TRUSTED_PROXIES=0 (the default) the
// header is replaced by the socket's address; with N trusted proxies the socket's
// address (the innermost proxy) is appended, and lib/auth/client-address.ts takes the
// entry the outermost proxy appended. Arguments as `next start`: -p PORT -H HOST.
import http from "node:http";
import path from "node:path";
import next from "next";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const argv = process.argv.slice(2);
const arg = (short, long, fallback) => {
  const i = argv.findIndex((a) => a === short || a === long);
  return i >= 0 && argv[i + 1] ? argv[i + 1] : fallback;
};
const port = Number(arg("-p", "--port", process.env.PORT || 3000));
const hostname = arg("-H", "--hostname", undefined);
const trustedProxies = Math.max(0, Number(process.env.CHRONICLE_TRUSTED_PROXIES || 0) || 0);

const app = next({ dev: false, dir: root, port, hostname });
const handle = app.getRequestHandler();
await app.prepare();

function rewriteForwardedFor(req) {
  const socketAddress = (req.socket.remoteAddress ?? "").replace(/^::ffff:/, "");
  const given = req.headers["x-forwarded-for"];
  delete req.headers["x-real-ip"];
  req.headers["x-forwarded-for"] = trustedProxies > 0 && given ? `${given}, ${socketAddress}` : socketAddress;
}

const server = http.createServer((req, res) => {
  rewriteForwardedFor(req);
  handle(req, res);
});
// Longer than the 5 s default, as `next start` does, so that a client reusing a kept-alive
// connection does not race the server closing it.
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;
server.on("clientError", (error, socket) => socket.destroy(error));
server.listen(port, hostname, () => {
  console.log(`▲ Chronicle ready on http://${hostname ?? "localhost"}:${port}`);
});
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 5_000).unref();
  });
}
