// `npm run user:create -- --email E --password P --role R [--name N]`: creates the user,
// or updates the role and password of an existing one (re-enabling it and signing it out
// everywhere). Exit codes: 0 done, 2 invalid arguments, 1 the database could not be used.
import { parseArgs } from "node:util";
import { closeDb, DatabaseStartupError, getDb } from "@/db/index";
import { migrateDatabase, pingDatabase } from "@/db/startup";
import { upsertUser } from "@/db/queries/users";
import { userCreateArgsSchema, userErrorText } from "@/lib/validations/users";

const usage = "Usage: npm run user:create -- --email E --password P --role viewer|editor|admin [--name N]";

export function parseUserCreateArgs(argv: string[]) {
  let values: Record<string, string | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { email: { type: "string" }, password: { type: "string" }, role: { type: "string" }, name: { type: "string" } },
      strict: true,
    }));
  } catch (error) {
    return { ok: false as const, errors: [(error as Error).message] };
  }
  const missing = (["email", "password", "role"] as const).filter((k) => values[k] === undefined);
  if (missing.length) return { ok: false as const, errors: missing.map((k) => `Missing --${k}.`) };
  const parsed = userCreateArgsSchema.safeParse(values);
  if (!parsed.success) {
    const errors = [...new Set(parsed.error.issues.map((i) => userErrorText[i.message] ?? i.message))];
    return { ok: false as const, errors };
  }
  return { ok: true as const, input: parsed.data };
}

async function main(): Promise<number> {
  const args = parseUserCreateArgs(process.argv.slice(2).filter((a) => a !== "--"));
  if (!args.ok) {
    for (const e of args.errors) console.error(`user:create: ${e}`);
    console.error(usage);
    return 2;
  }
  try {
    getDb();
    await pingDatabase();
    await migrateDatabase();
    const { created } = await upsertUser(getDb(), args.input);
    console.log(`${created ? "Created" : "Updated"} ${args.input.email} with role ${args.input.role}.`);
    return 0;
  } catch (error) {
    console.error(`user:create: ${error instanceof DatabaseStartupError ? error.message : (error as Error).message}`);
    return 1;
  } finally {
    await closeDb().catch(() => {});
  }
}

// Run only as a command, not when a test imports parseUserCreateArgs.
if (process.argv[1] && /user-create\.ts$/.test(process.argv[1])) {
  process.exit(await main());
}
