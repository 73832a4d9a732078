// Seeds an empty database: the theme taxonomy, the partner registry, the bundled
// articles (through the same ingestion path the app uses) and, on the embedded
// default, a demo editor. Running it twice creates nothing twice.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { count, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/index";
import { themes, users } from "@/db/schema";
import { defaultRegistry } from "@/lib/extract/registry";
import type { Registry } from "@/lib/extract/types";
import { ingestFile } from "@/lib/ingest/ingest-file";
import { hasAcceptedExtension } from "@/lib/ingest/limits";
import type { ArticleOutcome } from "@/lib/ingest/types";
import { createAppExtractor, invalidateRegistry } from "@/lib/app-extractor";
import { seedRegistries } from "./registries";
import { env } from "@/lib/config/env";
import { hashPassword } from "@/lib/auth/password";

const dataDir = path.join(process.cwd(), "lib", "extract", "data");

function readTsv(file: string): Record<string, string>[] {
  const [head, ...lines] = fs.readFileSync(path.join(dataDir, file), "utf8").trim().split("\n");
  const cols = head.split("\t");
  return lines.map((l) => Object.fromEntries(l.split("\t").map((v, i) => [cols[i], v])));
}

export async function seedThemes(db: Db): Promise<void> {
  const rows = readTsv("themes.tsv").map((r, i) => ({
    code: r.code,
    labelRu: r.label_ru,
    labelEn: r.label_en,
    description: r["what belongs here"],
    sortOrder: i,
  }));
  await db.insert(themes).values(rows).onConflictDoNothing();
}

/** The extractor's bundled registry (countries, organisations with parents, aliases, theme keywords). */
export function bundledRegistry(): Registry {
  return defaultRegistry();
}

/** Only the organisations of the bundled registry (with parents and aliases): a light seed for tests. */
export async function seedOrganizations(db: Db): Promise<void> {
  const registry = bundledRegistry();
  await seedRegistries(db, { partners: registry.partners.filter((p) => p.type === "organization"), themes: [] });
}

export const DEMO_EMAIL = "editor@chronicle.local";

/** The demo password is generated once and kept beside the embedded database, so every start can print it. */
function demoPassword(): string {
  const file = path.join(env.dataDir, "demo-password");
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  const password = process.env.CHRONICLE_DEMO_PASSWORD || `demo-${randomBytes(6).toString("base64url")}`;
  fs.mkdirSync(env.dataDir, { recursive: true });
  fs.writeFileSync(file, password, { mode: 0o600 });
  return password;
}

export async function ensureDemoEditor(db: Db): Promise<{ email: string; password: string }> {
  const password = demoPassword();
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(sql`lower(${users.email})`, DEMO_EMAIL));
  if (!existing) {
    await db
      .insert(users)
      .values({ email: DEMO_EMAIL, name: "Demo Editor", role: "editor", passwordHash: await hashPassword(password) })
      .onConflictDoNothing();
  }
  return { email: DEMO_EMAIL, password };
}

const articlesDir = path.join(process.cwd(), "seed", "articles");

/** The bundled articles, through the same ingestion path as the app (duplicates are skipped). */
export async function seedArticles(db: Db): Promise<ArticleOutcome[]> {
  const extractor = await createAppExtractor(db);
  const outcomes: ArticleOutcome[] = [];
  for (const fileName of fs.readdirSync(articlesDir).filter(hasAcceptedExtension).sort()) {
    const bytes = fs.readFileSync(path.join(articlesDir, fileName));
    outcomes.push(...(await ingestFile(db, { bytes, fileName, extractor, userId: null })));
  }
  return outcomes;
}

/** Everything the seed holds; safe to run on a database that already has it. */
export async function seedDatabase(db: Db): Promise<ArticleOutcome[]> {
  await seedThemes(db);
  await seedRegistries(db, bundledRegistry());
  invalidateRegistry(db);
  return seedArticles(db);
}

/**
 * The themes and the bundled registry, when the database has none yet: `npm run ingest`
 * into a database the app never started on would otherwise store partners without codes
 * and records without themes.
 */
export async function seedRegistryIfEmpty(db: Db): Promise<boolean> {
  const [{ n }] = await db.select({ n: count() }).from(themes);
  if (n > 0) return false;
  await seedThemes(db);
  await seedRegistries(db, bundledRegistry());
  invalidateRegistry(db);
  return true;
}

export async function seedIfEmpty(
  db: Db,
  options: { demoUser: boolean },
): Promise<{ seeded: boolean; demo?: { email: string; password: string } }> {
  const [{ n }] = await db.select({ n: count() }).from(themes);
  let seeded = false;
  if (n === 0) {
    await seedDatabase(db);
    seeded = true;
  }
  const demo = options.demoUser ? await ensureDemoEditor(db) : undefined;
  return { seeded, demo };
}
