// One HTTP GET as a polite, bounded client: the guarded lookup (guard.ts), a User-Agent
// naming Chronicle, one deadline for headers and body together, a size limit counted on
// the decompressed bytes (a gzip bomb stops at the limit), no redirects followed here
// (fetch.ts follows them, checking each hop).
import http from "node:http";
import https from "node:https";
import zlib from "node:zlib";
import type { Readable } from "node:stream";
import { env } from "@/lib/config/env";
import { checkUrl, guardedLookup, SourceRefusal } from "./guard";

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

export interface RawRequest {
  url: URL;
  headers?: Record<string, string>;
  timeoutMs?: number;
  maxBytes?: number;
}

/** A failure worth retrying later (network, timeout, 5xx), as opposed to a refusal. */
export class FetchFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FetchFailure";
  }
}

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

function decoded(response: http.IncomingMessage): Readable {
  const encoding = String(response.headers["content-encoding"] ?? "").trim().toLowerCase();
  if (encoding === "gzip" || encoding === "x-gzip") return response.pipe(zlib.createGunzip());
  if (encoding === "deflate") return response.pipe(zlib.createInflate());
  if (encoding === "br") return response.pipe(zlib.createBrotliDecompress());
  return response;
}

function networkMessage(error: NodeJS.ErrnoException, url: URL): string {
  if (error instanceof SourceRefusal) return error.message;
  if (error.code === "ENOTFOUND") return `host ${url.hostname} not found`;
  if (error.code === "ECONNREFUSED") return `${url.host} refused the connection`;
  return `${url.host}: ${error.message}`;
}

export function rawGet(request: RawRequest): Promise<RawResponse> {
  const url = checkUrl(request.url);
  const timeoutMs = request.timeoutMs ?? env.sourcesTimeoutMs;
  const maxBytes = request.maxBytes ?? env.sourcesMaxBytes;
  const client = url.protocol === "https:" ? https : http;
  return new Promise<RawResponse>((resolve, reject) => {
    let settled = false;
    const finish = (error: Error | null, value?: RawResponse) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error) {
        req.destroy();
        reject(error);
      } else resolve(value!);
    };
    const req = client.get(
      url,
      {
        lookup: guardedLookup as never,
        headers: { "user-agent": env.sourcesUserAgent, "accept-encoding": "gzip, deflate, br", ...request.headers },
      },
      (response) => {
        const declared = Number(response.headers["content-length"] ?? 0);
        if (declared > maxBytes) {
          response.resume();
          return finish(new SourceRefusal(`too large: ${formatSize(declared)} (the limit is ${formatSize(maxBytes)})`));
        }
        const chunks: Buffer[] = [];
        let size = 0;
        const stream = decoded(response);
        stream.on("data", (chunk: Buffer) => {
          size += chunk.byteLength;
          if (size > maxBytes) {
            stream.destroy();
            return finish(new SourceRefusal(`too large: over ${formatSize(maxBytes)} (the limit)`));
          }
          chunks.push(chunk);
        });
        stream.on("error", (error) => finish(new FetchFailure(`${url.host}: the response could not be read (${error.message})`)));
        stream.on("end", () => finish(null, { status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
      },
    );
    const timer = setTimeout(() => finish(new FetchFailure(`${url.host} did not answer within ${Math.round(timeoutMs / 1000)} s`)), timeoutMs);
    req.on("error", (error: NodeJS.ErrnoException) => {
      const refused = error instanceof SourceRefusal ? error : error.cause instanceof SourceRefusal ? error.cause : null;
      if (refused) return finish(refused);
      finish(new FetchFailure(networkMessage(error, url)));
    });
  });
}
