// `npm run --silent extract -- FILE...`: one JSON array on stdout, one element per file.
import { readFileSync } from "node:fs";
import { createExtractor } from "./index";
import { toContractElement, errorElement, type ContractElement } from "./text/contract";

function main(files: string[]): number {
  const extractor = createExtractor();
  const out: ContractElement[] = [];
  let failed = false;
  for (const file of files) {
    try {
      const bytes = readFileSync(file);
      out.push(toContractElement(file, extractor.extractBytes(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length), { fileName: file })));
    } catch (error) {
      failed = true;
      const message = error instanceof Error ? error.message : String(error);
      process.stderr.write(`${file}: ${message}\n`);
      out.push(errorElement(file, message));
    }
  }
  process.stdout.write(JSON.stringify(out, null, 2) + "\n");
  return failed ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
