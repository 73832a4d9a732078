// Messages between the extraction pool (the server's thread) and an extraction thread.
import type { FileExtraction, Registry } from "@/lib/extract/types";

interface RequestBase {
  id: number;
  /** Names the registry; the registry itself is sent only to threads that do not hold it yet. */
  registryKey: string;
  /** null: the bundled defaults. */
  registry?: Registry | null;
}

export type RunnerRequest =
  | (RequestBase & { kind: "bytes"; bytes: Uint8Array; fileName?: string; fallbackDate?: string | null })
  | (RequestBase & { kind: "text"; text: string; isHtml?: boolean; fallbackDate?: string | null });

export type RunnerReply =
  | { id: number; type: "ready" }
  | { id: number; type: "started" }
  | { id: number; type: "done"; result: FileExtraction }
  | { id: number; type: "failed"; message: string; refusal: boolean };
