// The browser tests' server: the production build (rebuilt only when sources are newer
// than it, like scripts/start.mjs), served by scripts/serve.mjs (what `npm start` runs)
// on a free port over a fresh embedded database, or over a PostgreSQL database when one
// is given. Users are created before the start because the embedded database is locked
// while the server runs.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export const root = path.resolve(__dirname, "..", "..", "..");
const distName = ".next-e2e";
const distDir = path.join(root, distName);
const sources = ["app", "components", "lib", "db", "seed", "proxy.ts", "instrumentation.ts", "next.config.ts", "package-lock.json", "postcss.config.mjs"];

export interface TestUser {
  email: string;
  password: string;
  role: "viewer" | "editor" | "admin";
  name: string;
}

export const users = {
  editor: { email: "editor@chronicle.local", password: "Lantern-orbit-7341", role: "editor", name: "Demo Editor" },
  editor2: { email: "second.editor@chronicle.local", password: "Copper-meadow-5820", role: "editor", name: "Айгерим Второва" },
  admin: { email: "admin@chronicle.local", password: "Granite-harbor-9174", role: "admin", name: "Админ Тестов" },
  viewer: { email: "viewer@chronicle.local", password: "Willow-signal-2607", role: "viewer", name: "Читатель Тестов" },
} satisfies Record<string, TestUser>;

function newestMtime(p: string): number {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of fs.readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

export function buildIsStale(): boolean {
  const stamp = path.join(distDir, "BUILD_ID");
  if (!fs.existsSync(stamp)) return true;
  const built = fs.statSync(stamp).mtimeMs;
  return sources.some((s) => newestMtime(path.join(root, s)) > built);
}

const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
const tsxBin = path.join(root, "node_modules", "tsx", "dist", "cli.mjs");

/** E2E_REUSE_BUILD=1 keeps an existing build even when sources are newer (quick reruns while editing tests). */
export function buildIfStale(): void {
  const reuse = process.env.E2E_REUSE_BUILD === "1" && fs.existsSync(path.join(distDir, "BUILD_ID"));
  if (reuse || !buildIsStale()) return;
  const started = Date.now();
  const build = spawnSync(process.execPath, [nextBin, "build"], {
    cwd: root,
    env: { ...process.env, NEXT_DIST_DIR: distName, NEXT_TELEMETRY_DISABLED: "1", CHRONICLE_BUILD_SKIP_TYPECHECK: "1" },
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (build.status !== 0) {
    throw new Error(`The production build for the browser tests failed:\n${build.stdout}\n${build.stderr}`);
  }
  console.log(`e2e: production build in ${Math.round((Date.now() - started) / 1000)} s`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function createUser(dataDir: string, user: TestUser, databaseUrl = ""): void {
  const run = spawnSync(
    process.execPath,
    [tsxBin, "scripts/user-create.ts", "--email", user.email, "--password", user.password, "--role", user.role, "--name", user.name],
    { cwd: root, env: { ...process.env, CHRONICLE_DATA_DIR: dataDir, DATABASE_URL: databaseUrl }, encoding: "utf8" },
  );
  if (run.status !== 0) throw new Error(`user:create ${user.email} failed: ${run.stdout}${run.stderr}`);
}

export interface RunningServer {
  baseUrl: string;
  /** The launcher's pid (scripts/serve.mjs); its children are the Next server processes. */
  pid: number;
  dataDir: string;
  log: () => string;
  stop: () => Promise<void>;
}

/** Polls until the predicate holds: a deadline, not a fixed sleep. */
export async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs: number, everyMs = 200): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

export interface ServerOptions {
  /** A PostgreSQL database (created, empty) to serve from instead of a fresh embedded one. */
  databaseUrl?: string;
  /** CHRONICLE_WORKERS for the launcher. */
  workers?: number;
}

const serveScript = path.join(root, "scripts", "serve.mjs");

export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "chronicle-e2e-"));
  const databaseUrl = options.databaseUrl ?? "";
  try {
    // On the embedded database the seed creates the demo editor with users.editor's
    // password on first start; on a server there is no demo user, so it is created here.
    const wanted = databaseUrl ? [users.editor, users.admin, users.viewer, users.editor2] : [users.admin, users.viewer, users.editor2];
    for (const user of wanted) createUser(dataDir, user, databaseUrl);
  } catch (error) {
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  const port = await freePort();
  let output = "";
  const child: ChildProcess = spawn(process.execPath, [serveScript, "-p", String(port), "-H", "127.0.0.1"], {
    cwd: root,
    detached: true,
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_DIST_DIR: distName,
      NEXT_TELEMETRY_DISABLED: "1",
      CHRONICLE_DATA_DIR: dataDir,
      CHRONICLE_DEMO_PASSWORD: users.editor.password,
      DATABASE_URL: databaseUrl,
      // A server database needs AUTH_SECRET from the operator; the embedded one generates it.
      AUTH_SECRET: databaseUrl ? "e2e-secret-e2e-secret-e2e-secret-e2e-0000" : "",
      CHRONICLE_WORKERS: options.workers ? String(options.workers) : "",
      AUTH_URL: `http://127.0.0.1:${port}`,
      AUTH_TRUST_HOST: "true",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (d) => (output += String(d)));
  child.stderr?.on("data", (d) => (output += String(d)));
  let exited = false;
  child.once("exit", () => (exited = true));
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (!exited && child.pid !== undefined) {
      const gone = new Promise<void>((r) => child.once("exit", () => r()));
      process.kill(-child.pid, "SIGTERM");
      const timer = setTimeout(() => !exited && child.pid && process.kill(-child.pid, "SIGKILL"), 10_000);
      await gone;
      clearTimeout(timer);
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await until(
      "/api/health",
      async () => {
        if (exited) throw new Error("the server exited");
        const res = await fetch(`${baseUrl}/api/health`).catch(() => null);
        return res?.ok ? true : undefined;
      },
      180_000,
    );
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n${output}`);
  }
  return { baseUrl, pid: child.pid!, dataDir, log: () => output, stop };
}
