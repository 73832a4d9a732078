// A small pool of extraction threads, so that no file can hold the server's event loop:
// each request is timed from the moment its thread starts on it, and a thread that runs
// past the limit is terminated (its CPU really stops) and replaced, and the file is
// refused with a message that says so. A thread that dies (e.g. past its memory limit)
// refuses its file the same way.
import path from "node:path";
import { Worker } from "node:worker_threads";
import { ExtractionError, type FileExtraction, type Registry } from "@/lib/extract/types";
import type { RunnerReply, RunnerRequest } from "./protocol";

export type ExtractionTask =
  | { kind: "bytes"; bytes: Uint8Array; fileName?: string; fallbackDate?: string | null }
  | { kind: "text"; text: string; isHtml?: boolean; fallbackDate?: string | null };

export interface PoolOptions {
  size: number;
  timeoutMs: number;
  /** Heap limit of one thread: a file that needs more is refused instead of exhausting the server. */
  maxHeapMb?: number;
}

interface Job {
  id: number;
  task: ExtractionTask;
  registryKey: string;
  registry: Registry | null;
  resolve: (result: FileExtraction) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  registryKey: string | null;
  job: Job | null;
  timer: NodeJS.Timeout | null;
}

export const timeoutRefusal = (timeoutMs: number): string =>
  `reading this file took longer than ${Math.round(timeoutMs / 1000)} s and was stopped; the file is refused (an ordinary article takes well under a second)`;

// Resolved from the working directory (the project root for the server, the CLI and the
// tests), so that the bundler leaves the thread's entry alone.
const entry = () => path.join(/*turbopackIgnore: true*/ process.cwd(), "lib", "extract-runner", "worker.mjs");

export class ExtractionPool {
  private slots: Slot[] = [];
  private queue: Job[] = [];
  private nextId = 1;
  private closed = false;

  constructor(private readonly options: PoolOptions) {}

  run(task: ExtractionTask, registryKey: string, registry: Registry | null): Promise<FileExtraction> {
    if (this.closed) return Promise.reject(new Error("the extraction pool is shut down"));
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, task, registryKey, registry, resolve, reject });
      this.pump();
    });
  }

  /** Threads currently running (for tests). */
  get threadCount(): number {
    return this.slots.length;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new Error("the extraction pool is shut down"));
    await Promise.all(this.slots.map((slot) => this.kill(slot)));
  }

  private pump(): void {
    while (this.queue.length > 0) {
      const slot = this.slots.find((s) => s.ready && !s.job);
      if (!slot) {
        if (this.slots.length < this.options.size) this.spawn();
        return;
      }
      this.send(slot, this.queue.shift()!);
    }
  }

  private spawn(): void {
    const worker = new Worker(entry(), {
      resourceLimits: { maxOldGenerationSizeMb: this.options.maxHeapMb ?? 1024 },
      stderr: false,
    });
    const slot: Slot = { worker, ready: false, registryKey: null, job: null, timer: null };
    this.slots.push(slot);
    worker.on("message", (reply: RunnerReply) => this.onReply(slot, reply));
    worker.on("error", (error) => this.onExit(slot, error.message));
    worker.on("exit", (code) => this.onExit(slot, `exit code ${code}`));
  }

  private send(slot: Slot, job: Job): void {
    slot.job = job;
    slot.worker.ref();
    const request: RunnerRequest = {
      ...job.task,
      id: job.id,
      registryKey: job.registryKey,
      ...(slot.registryKey === job.registryKey ? {} : { registry: job.registry }),
    };
    slot.registryKey = job.registryKey;
    slot.worker.postMessage(request);
  }

  private onReply(slot: Slot, reply: RunnerReply): void {
    if (reply.type === "ready") {
      slot.ready = true;
      slot.worker.unref();
      this.pump();
      return;
    }
    const job = slot.job;
    if (!job || reply.id !== job.id) return;
    if (reply.type === "started") {
      slot.timer = setTimeout(() => this.onTimeout(slot, job), this.options.timeoutMs);
      return;
    }
    this.finish(slot);
    if (reply.type === "done") job.resolve(reply.result);
    else job.reject(reply.refusal ? new ExtractionError(reply.message) : new Error(reply.message));
    this.pump();
  }

  private onTimeout(slot: Slot, job: Job): void {
    if (slot.job !== job) return;
    slot.job = null;
    void this.kill(slot);
    job.reject(new ExtractionError(timeoutRefusal(this.options.timeoutMs)));
    this.pump();
  }

  private onExit(slot: Slot, why: string): void {
    if (!this.slots.includes(slot)) return;
    this.slots = this.slots.filter((s) => s !== slot);
    const job = slot.job;
    this.finish(slot);
    if (job) job.reject(new ExtractionError(`the extractor stopped on this file (${why}); the file is refused`));
    else if (!slot.ready) {
      // The thread could not even start: fail what waits rather than respawn forever.
      for (const waiting of this.queue.splice(0)) waiting.reject(new Error(`an extraction thread could not start (${why})`));
    }
    if (!this.closed) this.pump();
  }

  private finish(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.job = null;
    slot.worker.unref();
  }

  private async kill(slot: Slot): Promise<void> {
    this.slots = this.slots.filter((s) => s !== slot);
    this.finish(slot);
    await slot.worker.terminate();
  }
}
