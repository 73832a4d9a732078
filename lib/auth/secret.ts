// AUTH_SECRET signs the session cookies. On the embedded default it is generated once
// and kept beside the database (mode 600); with DATABASE_URL every instance must share
// one, so it has to be configured and start-up refuses without it. Never logged.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { env } from "@/lib/config/env";

export class AuthSecretError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "AuthSecretError";
  }
}

export const authSecretFile = (): string => path.join(env.dataDir, "auth-secret");

/** Makes sure process.env.AUTH_SECRET is set, generating and keeping one for the embedded default. */
export function ensureAuthSecret(): void {
  if (process.env.AUTH_SECRET) return;
  if (env.databaseUrl) {
    throw new AuthSecretError(
      "AUTH_SECRET must be set when DATABASE_URL is set (every instance must share it): generate one with `openssl rand -base64 33` and set it in the environment.",
    );
  }
  const file = authSecretFile();
  let secret = fs.existsSync(file) ? fs.readFileSync(file, "utf8").trim() : "";
  if (!secret) {
    secret = randomBytes(33).toString("base64url");
    fs.mkdirSync(env.dataDir, { recursive: true });
    // "wx": if another process wrote it first, use theirs.
    try {
      fs.writeFileSync(file, secret, { mode: 0o600, flag: "wx" });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      secret = fs.readFileSync(file, "utf8").trim();
    }
  }
  process.env.AUTH_SECRET = secret;
}
