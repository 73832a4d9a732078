// The shell's arguments for `npm run sources`, read with the page's zod schema (a module
// of its own so that tests can read arguments without running the command).
import { parseArgs } from "node:util";
import { createSourceSchema, guessKind, sourceErrorText, type SourceInput } from "@/lib/validations/sources";

export class UsageError extends Error {}

function readAdd(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      options: { name: { type: "string" }, every: { type: "string" }, kind: { type: "string" }, pattern: { type: "string" } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    // Unknown options and missing values: node's own sentence.
    throw new UsageError((error as Error).message);
  }
}

/** `add URL [--name] [--every] [--kind] [--pattern]` → the source to create, or a UsageError with sentences. */
export function addArgs(argv: string[]): SourceInput {
  const { values, positionals } = readAdd(argv);
  if (positionals.length !== 1) throw new UsageError("add takes one URL");
  const url = positionals[0];
  let host = url;
  try {
    host = new URL(url).hostname;
  } catch {
    // the schema says what is wrong with it
  }
  const parsed = createSourceSchema.safeParse({
    name: values.name ?? host,
    url,
    kind: values.kind ?? guessKind(url, values.pattern),
    linkPattern: values.pattern,
    intervalMinutes: values.every ?? "30m",
  });
  if (!parsed.success) throw new UsageError([...new Set(parsed.error.issues.map((i) => sourceErrorText[i.message] ?? i.message))].join(" "));
  return parsed.data;
}

export function idArg(argv: string[]): number {
  const id = Number(argv[0]);
  if (argv.length !== 1 || !Number.isInteger(id) || id <= 0) throw new UsageError("give the source's id (see `list`)");
  return id;
}
