// Runs inside an extraction thread: compiles an extractor per registry (kept until the
// registry changes) and answers one request at a time. The pool times each request and
// terminates the thread when one runs too long.
import { parentPort } from "node:worker_threads";
import { createExtractor, type Extractor } from "@/lib/extract";
import { ExtractionError, type Registry } from "@/lib/extract/types";
import type { RunnerReply, RunnerRequest } from "./protocol";

let current: { key: string; extractor: Extractor } | null = null;

function extractorFor(key: string, registry: Registry | null | undefined): Extractor {
  if (current?.key === key) return current.extractor;
  if (registry === undefined) throw new Error(`registry ${key} was not sent to this thread`);
  current = { key, extractor: createExtractor(registry ?? undefined) };
  return current.extractor;
}

function handle(request: RunnerRequest): void {
  const port = parentPort!;
  try {
    const extractor = extractorFor(request.registryKey, request.registry);
    // Compiling the registry is bounded by the registry, not by the file: it is not timed.
    port.postMessage({ id: request.id, type: "started" } satisfies RunnerReply);
    const result =
      request.kind === "bytes"
        ? extractor.extractBytes(request.bytes, { fileName: request.fileName, fallbackDate: request.fallbackDate })
        : extractor.extractText(request.text, { isHtml: request.isHtml, fallbackDate: request.fallbackDate });
    port.postMessage({ id: request.id, type: "done", result } satisfies RunnerReply);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    port.postMessage({ id: request.id, type: "failed", message, refusal: error instanceof ExtractionError } satisfies RunnerReply);
  }
}

parentPort!.on("message", handle);
parentPort!.postMessage({ id: 0, type: "ready" } satisfies RunnerReply);
