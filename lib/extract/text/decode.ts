import { ExtractionError } from "../types";

export const MAX_INPUT_BYTES = 5 * 1024 * 1024;

export interface Decoded {
  text: string;
  encoding: string;
}

/** Minimal decoder: UTF-8 when valid, else windows-1251. Refined later. */
export function decodeBytes(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) throw new ExtractionError("empty file");
  if (bytes.length > MAX_INPUT_BYTES) {
    throw new ExtractionError(`file too large: ${bytes.length} bytes (limit ${MAX_INPUT_BYTES} bytes)`);
  }
  if (bytes.includes(0)) throw new ExtractionError("binary file (contains NUL bytes)");
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, ""), encoding: "utf-8" };
  } catch {
    return { text: new TextDecoder("windows-1251").decode(bytes), encoding: "windows-1251" };
  }
}
