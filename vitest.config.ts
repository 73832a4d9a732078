import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = { "@": path.resolve(import.meta.dirname) };

export default defineConfig({
  resolve: { alias },
  test: {
    globalSetup: ["tests/helpers/global-setup.ts"],
    // A page that the authorisation matrix abandons at its first refusal can still be
    // querying the per-test database when the test drops it. Those late errors (database
    // dropped / terminated / connection closed) concern the harness, not the product;
    // every other unhandled error still fails the run.
    onUnhandledError(error) {
      const text = JSON.stringify(error) + String((error as { message?: string }).message ?? "");
      // (A forced drop can also reset a socket mid-query: ECONNRESET.)
      const droppedTestDb = /chronicle_t_[0-9a-f]+|"code":"(3D000|57P01)"|CONNECTION_CLOSED|CONNECTION_ENDED|ECONNRESET/.test(text);
      if (droppedTestDb) return false;
    },
    projects: [
      {
        resolve: { alias },
        test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node", testTimeout: 30_000 },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          testTimeout: 60_000,
          hookTimeout: 60_000,
          globalSetup: ["tests/helpers/global-setup.ts"],
        },
      },
      {
        resolve: { alias },
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          environment: "node",
          testTimeout: 120_000,
          hookTimeout: 600_000,
          fileParallelism: false,
          globalSetup: ["tests/helpers/global-setup.ts"],
        },
      },
    ],
  },
});
