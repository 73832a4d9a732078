// Test seam for "who is signed in": installs a session resolver in lib/auth/session.ts
// so that requireRole* run their real users-table checks for the chosen user.
//   const admin = await makeUser(t.db, "admin");
//   actAs(admin.id);   ... call pages / route handlers / actions ...
//   actAsAnonymous();
import { afterEach } from "vitest";
import type { Db } from "@/db/index";
import { users, type Role } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { setSessionResolver } from "@/lib/auth/session";

let counter = 0;
let cachedHash: Promise<string> | undefined;

export const TEST_PASSWORD = "Test-password-1";

/** A user with `role` (password TEST_PASSWORD unless given). */
export async function makeUser(
  db: Db,
  role: Role,
  options: { email?: string; password?: string; disabled?: boolean; name?: string } = {},
): Promise<{ id: number; email: string; role: Role; password: string }> {
  const password = options.password ?? TEST_PASSWORD;
  const passwordHash = options.password ? await hashPassword(password) : await (cachedHash ??= hashPassword(TEST_PASSWORD));
  const email = options.email ?? `${role}-${++counter}-${process.pid}@test.local`;
  const [row] = await db
    .insert(users)
    .values({ email, role, passwordHash, disabled: options.disabled ?? false, name: options.name ?? null })
    .returning({ id: users.id });
  return { id: row.id, email, role, password };
}

/** Signs the user in for the code under test, as of now (or `signedInAt`, ms). */
export function actAs(userId: number, signedInAt: number = Date.now()): void {
  setSessionResolver(() => ({ userId, signedInAt }));
}

export function actAsAnonymous(): void {
  setSessionResolver(() => null);
}

/** Call once per test file that uses actAs: restores the real resolver after each test. */
export function resetSessionAfterEach(): void {
  afterEach(() => setSessionResolver(null));
}
