// `npm run seed`: migrates, then loads the bundled registry and articles (idempotent).
import { closeDb, getDb } from "@/db/index";
import { migrateDatabase } from "@/db/startup";
import { seedDatabase } from "./seed";
import { closeExtractionPool } from "@/lib/extract-runner";

async function main(): Promise<void> {
  const db = getDb();
  await migrateDatabase();
  const outcomes = await seedDatabase(db);
  const count = (s: string) => outcomes.filter((o) => o.status === s).length;
  console.log(`seeded: ${count("stored")} stored, ${count("duplicate")} already there, ${count("refused")} refused`);
  for (const o of outcomes) if (o.status === "refused") console.error(`refused: ${o.reason}`);
}

main()
  .catch((error) => {
    console.error(`Seeding failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  })
  .finally(() => Promise.all([closeDb(), closeExtractionPool()]));
