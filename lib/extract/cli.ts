// `npm run --silent extract -- FILE...`: one JSON array on stdout, one element per file, in order.
// Diagnostics go to stderr; the exit status is 1 when any file could not be read or decoded.
import { readFileSync, realpathSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { createExtractor } from "./index";
import { errorElement, toContractElement, type ContractElement } from "./text/contract";
import { MAX_INPUT_BYTES } from "./text/decode";
import { ExtractionError } from "./types";

function readMessage(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === "ENOENT") return "cannot read file: no such file";
  if (code === "EACCES" || code === "EPERM") return "cannot read file: permission denied";
  if (code === "EISDIR") return "cannot read file: it is a directory";
  return `cannot read file: ${error instanceof Error ? error.message : String(error)}`;
}

function readBytes(file: string): Uint8Array {
  let size: number;
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) throw Object.assign(new Error("directory"), { code: "EISDIR" });
    size = stat.size;
  } catch (error) {
    throw new ExtractionError(readMessage(error));
  }
  // Refuse before reading: a huge file should not be loaded into memory at all.
  if (size > MAX_INPUT_BYTES) {
    throw new ExtractionError(`file too large: ${size} bytes, the limit is ${MAX_INPUT_BYTES} bytes (5 MB)`);
  }
  try {
    const buffer = readFileSync(file);
    return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  } catch (error) {
    throw new ExtractionError(readMessage(error));
  }
}

export function runCli(files: string[]): { output: ContractElement[]; failed: boolean } {
  const extractor = createExtractor();
  const output: ContractElement[] = [];
  let failed = false;
  for (const file of files) {
    try {
      output.push(toContractElement(file, extractor.extractBytes(readBytes(file), { fileName: file })));
    } catch (error) {
      failed = true;
      const message = error instanceof ExtractionError ? error.message : `extraction failed: ${error instanceof Error ? error.message : String(error)}`;
      process.stderr.write(`${file}: ${message}\n`);
      output.push(errorElement(file, message));
    }
  }
  return { output, failed };
}

function main(files: string[]): void {
  if (files.length === 0) {
    process.stderr.write("usage: npm run --silent extract -- FILE...\n");
    process.exitCode = 2;
    return;
  }
  // stdout carries the JSON array and nothing else, whatever a library might print.
  console.log = console.error;
  console.info = console.error;
  const { output, failed } = runCli(files);
  process.stdout.write(JSON.stringify(output, null, 2) + "\n");
  process.exitCode = failed ? 1 : 0;
}

const invokedDirectly = process.argv[1] !== undefined && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) main(process.argv.slice(2));
