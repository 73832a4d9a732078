// A local HTTP server on 127.0.0.1 for the source tests: feeds of each format, a news
// sitemap, a listing page, articles with page noise (UTF-8 and windows-1251), and every
// bad case the pollers must survive (robots.txt forbidding a path, 304, a redirect loop,
// a redirect to another loopback address, an oversized page, a slow host, a PDF, a page
// in Kazakh, a feed that is not XML, an XML bomb).
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import zlib from "node:zlib";

const dev = (name: string) => path.join(process.cwd(), "tests", "fixtures", "corpus", "dev", name);

const NOISE_TOP = `<header><nav><a href="/">Главная</a> <a href="/about">О нас</a> <a href="/contacts">Контакты</a></nav></header>`;
const NOISE_BOTTOM = `<aside>Читайте также: <a href="/news/other">Другие новости</a></aside><footer>© 2026 Все права защищены. Мы используем cookie.</footer>`;

const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

export function htmlPage(text: string, title: string): string {
  const paragraphs = text
    .split(/\n+/)
    .filter((l) => l.trim())
    .map((l) => `<p>${escape(l.trim())}</p>`)
    .join("\n");
  return `<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8"><title>${escape(title)}</title></head><body>${NOISE_TOP}<main><article><h1>${escape(title)}</h1>\n${paragraphs}</article></main>${NOISE_BOTTOM}</body></html>`;
}

/** windows-1251 bytes wrapped in HTML without converting them (the wrapper is ASCII). */
function cp1251Page(bytes: Buffer): Buffer {
  const lines = bytes
    .toString("latin1")
    .split(/\r?\n/)
    .filter((l) => l.trim())
    .map((l) => `<p>${l}</p>`);
  return Buffer.from(`<!DOCTYPE html><html><head><title>Posol</title></head><body>${NOISE_TOP}<article>${lines.join("\n")}</article>${NOISE_BOTTOM}</body></html>`, "latin1");
}

/** An article with no dateline: the feed's date dates it and anchors «вчера». */
export const UNDATED_ARTICLE = `Министр иностранных дел Казахстана принял посла Японии

Вчера Министр иностранных дел Республики Казахстан Ермек Кошербаев принял Чрезвычайного и Полномочного Посла Японии в Казахстане Дзюна Ямаду. Стороны обсудили расширение торгово-экономического сотрудничества, подготовку к предстоящему заседанию межправительственной комиссии и взаимодействие в рамках диалога «Центральная Азия – Япония».

Ермек Кошербаев отметил, что Япония является одним из ключевых партнеров Казахстана в Азии. Посол поблагодарил казахстанскую сторону за содействие японским компаниям.`;

export interface SourceServer {
  base: string;
  port: number;
  /** Requests per path. */
  hits: Map<string, number>;
  /** The most requests this server ever had open at once. */
  maxConcurrent: number;
  userAgents: Set<string>;
  /** Every request's path and arrival time (ms), in order. */
  requests: { path: string; at: number }[];
  /** Forgets the highest concurrency and the request log (between parts of a test). */
  reset(): void;
  close(): Promise<void>;
}

const rss = (base: string, items: { path: string; date?: string }[]) =>
  `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Test</title><link>${base}/</link>${items
    .map((i) => `<item><title>t</title><link>${base}${i.path}</link>${i.date ? `<pubDate>${i.date}</pubDate>` : ""}</item>`)
    .join("")}</channel></rss>`;

export const RSS_ITEMS = [
  { path: "/news/mazhilis-china.html", date: "Sat, 27 Jan 2024 15:00:00 +0500" },
  { path: "/news/undated.html", date: "Fri, 20 Nov 2026 09:00:00 +0500" },
  { path: "/private/secret.html" },
  { path: "/news/kazakh.html" },
  { path: "/news/file.pdf" },
  { path: "/news/big.html" },
  { path: "/news/loop-a.html" },
  { path: "/news/to-private.html" },
  { path: "/news/cp1251.html" },
  { path: "/news/slow.html" },
];

type Handler = (req: http.IncomingMessage, res: http.ServerResponse, base: string) => void | Promise<void>;

function routes(): Record<string, Handler> {
  const html = (body: string | Buffer, type = "text/html; charset=utf-8"): Handler => (_req, res) => {
    res.writeHead(200, { "content-type": type });
    res.end(body);
  };
  return {
    "/robots.txt": html("User-agent: *\nDisallow: /private/\n", "text/plain"),
    "/rss.xml": (req, res, base) => {
      if (req.headers["if-none-match"] === '"rss-v1"') {
        res.writeHead(304);
        return void res.end();
      }
      res.writeHead(200, { "content-type": "application/rss+xml; charset=utf-8", etag: '"rss-v1"' });
      res.end(rss(base, RSS_ITEMS));
    },
    "/one.xml": (_req, res, base) => {
      res.writeHead(200, { "content-type": "application/rss+xml" });
      res.end(rss(base, [RSS_ITEMS[1]]));
    },
    "/atom.xml": (_req, res, base) => {
      res.writeHead(200, { "content-type": "application/atom+xml" });
      res.end(
        `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><entry><title>x</title><link rel="alternate" href="${base}/news/erdogan.html"/><published>2024-05-10T10:00:00+05:00</published></entry><entry><title>y</title><link href="/news/mazhilis-china.html"/><updated>2024-01-25T10:00:00Z</updated></entry></feed>`,
      );
    },
    "/sitemap.xml": (_req, res, base) => {
      res.writeHead(200, { "content-type": "application/xml" });
      res.end(
        `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"><url><loc>${base}/news/kishida.html</loc><news:news><news:publication_date>2024-03-01T12:00:00+05:00</news:publication_date><news:title>k</news:title></news:news></url></urlset>`,
      );
    },
    "/sitemap-news.xml.gz": (_req, res, base) => {
      res.writeHead(200, { "content-type": "application/gzip" });
      res.end(
        zlib.gzipSync(
          `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>${base}/news/aliev.html</loc><lastmod>2024-04-02</lastmod></url></urlset>`,
        ),
      );
    },
    "/listing.html": html(
      `<!DOCTYPE html><html><body>${NOISE_TOP}<ul><li><a href="/news/aliev.html">Токаев и Алиев</a></li><li><a href="/news/mazhilis-china.html">Мажилис</a></li><li><a href="/about">О нас</a></li><li><a href="https://elsewhere.example/news/x.html">чужая</a></li></ul>${NOISE_BOTTOM}</body></html>`,
    ),
    "/not-xml.xml": html("<html><body>this is not a feed", "application/xml"),
    "/bomb.xml": html(
      `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><rss><channel><item><link>&lol3;</link></item></channel></rss>`,
      "application/xml",
    ),
    "/news/mazhilis-china.html": html(htmlPage(fs.readFileSync(dev("d001_koshanov-vsnp-kitay.txt"), "utf8"), "Спикер Мажилиса принял делегацию")),
    "/news/undated.html": html(htmlPage(UNDATED_ARTICLE, "Министр иностранных дел Казахстана принял посла Японии")),
    "/news/erdogan.html": html(fs.readFileSync(dev("d002_tokaev-erdogan-telefon.html"))),
    "/news/kishida.html": html(htmlPage(fs.readFileSync(dev("d008_tokaev-kisida-telefon.txt"), "utf8"), "Токаев и Кисида")),
    "/news/aliev.html": html(htmlPage(fs.readFileSync(dev("d010_tokaev-aliev-telefon.txt"), "utf8"), "Токаев и Алиев")),
    "/private/secret.html": html(htmlPage(UNDATED_ARTICLE.replace("Японии", "Кореи"), "secret")),
    "/news/kazakh.html": html(htmlPage(fs.readFileSync(dev("d005_koshanov-tegeran-kk.txt"), "utf8"), "Қошанов")),
    "/news/file.pdf": html(Buffer.from("%PDF-1.4\n%âãÏÓ\n1 0 obj\n"), "application/pdf"),
    "/news/big.html": (_req, res) => {
      res.writeHead(200, { "content-type": "text/html" });
      // 50 MB, streamed without a length: the client must stop at its limit.
      const chunk = Buffer.alloc(1024 * 1024, "<p>Казахстан</p>");
      let sent = 0;
      const pump = () => {
        while (sent < 50 && res.write(chunk)) sent++;
        if (sent >= 50) res.end();
        else res.once("drain", pump);
      };
      res.on("close", () => (sent = 50));
      pump();
    },
    "/news/loop-a.html": (_req, res) => {
      res.writeHead(302, { location: "/news/loop-b.html" });
      res.end();
    },
    "/news/loop-b.html": (_req, res) => {
      res.writeHead(301, { location: "/news/loop-a.html" });
      res.end();
    },
    "/news/to-private.html": (req, res) => {
      const port = (req.socket.address() as AddressInfo).port;
      res.writeHead(302, { location: `http://127.0.0.2:${port}/news/undated.html` });
      res.end();
    },
    "/news/cp1251.html": html(cp1251Page(fs.readFileSync(dev("d011_akim-astany-posol-uzbekistana.txt"))), "text/html; charset=windows-1251"),
    "/news/slow.html": (_req, res) => {
      // Headers at once, then nothing: only the client's deadline ends it.
      res.writeHead(200, { "content-type": "text/html" });
      res.write("<html><body><p>");
    },
  };
}

export async function startSourceServer(): Promise<SourceServer> {
  const table = routes();
  const state = { hits: new Map<string, number>(), maxConcurrent: 0, userAgents: new Set<string>(), open: 0, requests: [] as { path: string; at: number }[] };
  const sockets = new Set<import("node:net").Socket>();
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    state.hits.set(url.pathname, (state.hits.get(url.pathname) ?? 0) + 1);
    state.requests.push({ path: url.pathname, at: Date.now() });
    state.userAgents.add(String(req.headers["user-agent"]));
    state.open++;
    state.maxConcurrent = Math.max(state.maxConcurrent, state.open);
    res.on("close", () => state.open--);
    const handler = table[url.pathname];
    if (!handler) {
      res.writeHead(404, { "content-type": "text/plain" });
      return void res.end("not found");
    }
    await handler(req, res, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  });
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    base: `http://127.0.0.1:${port}`,
    port,
    get hits() {
      return state.hits;
    },
    get maxConcurrent() {
      return state.maxConcurrent;
    },
    userAgents: state.userAgents,
    get requests() {
      return state.requests;
    },
    reset() {
      state.maxConcurrent = state.open;
      state.requests = [];
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
