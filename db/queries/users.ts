// Users: reads for the admin pages and the writes behind user:create and the admin
// actions. Every write records its history rows (entity_type "user") in the same
// transaction, and every change that affects access voids the user's sessions.
// Password hashes never leave this module and never enter the history.
import { asc, eq, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/index";
import { history, users, type Role } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";

export interface UserListRow {
  id: number;
  email: string;
  name: string | null;
  role: Role;
  disabled: boolean;
  createdAt: Date;
  updatedAt: Date;
}

const listColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  disabled: users.disabled,
  createdAt: users.createdAt,
  updatedAt: users.updatedAt,
};

export async function listUsers(db: DbOrTx): Promise<UserListRow[]> {
  return db.select(listColumns).from(users).orderBy(asc(sql`lower(${users.email})`));
}

export async function findUserById(db: DbOrTx, id: number): Promise<UserListRow | null> {
  const [row] = await db.select(listColumns).from(users).where(eq(users.id, id));
  return row ?? null;
}

export async function findUserByEmail(db: DbOrTx, email: string): Promise<UserListRow | null> {
  const [row] = await db
    .select(listColumns)
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.trim().toLowerCase()));
  return row ?? null;
}

/** Thrown for a refused change; the message is a key the caller translates. */
export class UserChangeError extends Error {
  constructor(readonly code: "not_found" | "email_taken" | "self_lockout" | "last_admin") {
    super(code);
    this.name = "UserChangeError";
  }
}

type HistoryEntry = { action: string; field?: string; before?: unknown; after?: unknown };

async function writeHistory(tx: DbOrTx, userId: number, actorId: number | null, entries: HistoryEntry[]) {
  if (entries.length === 0) return;
  await tx.insert(history).values(
    entries.map((e) => ({
      entityType: "user",
      entityId: userId,
      action: e.action,
      field: e.field ?? null,
      before: e.before === undefined ? null : e.before,
      after: e.after === undefined ? null : e.after,
      userId: actorId,
    })),
  );
}

async function lockUser(tx: DbOrTx, id: number) {
  const [row] = await tx
    .select({ id: users.id, email: users.email, role: users.role, disabled: users.disabled })
    .from(users)
    .where(eq(users.id, id))
    .for("update");
  if (!row) throw new UserChangeError("not_found");
  return row;
}

/** Refuses a change that would leave no enabled admin (the last admin cannot lock everyone out). */
async function assertAnotherAdmin(tx: DbOrTx, exceptId: number) {
  // Lock every enabled admin row so that two concurrent demotions cannot both pass.
  const admins = await tx
    .select({ id: users.id })
    .from(users)
    .where(sql`${users.role} = 'admin' and not ${users.disabled}`)
    .for("update");
  if (!admins.some((a) => a.id !== exceptId)) throw new UserChangeError("last_admin");
}

export interface CreateUserInput {
  email: string;
  name?: string | null;
  role: Role;
  password: string;
}

export async function createUser(db: Db, input: CreateUserInput, actorId: number | null): Promise<number> {
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    if (await findUserByEmail(tx, input.email)) throw new UserChangeError("email_taken");
    const [row] = await tx
      .insert(users)
      .values({ email: input.email.trim(), name: input.name?.trim() || null, role: input.role, passwordHash })
      .returning({ id: users.id });
    await writeHistory(tx, row.id, actorId, [
      { action: "create", after: { email: input.email.trim(), name: input.name?.trim() || null, role: input.role } },
    ]);
    return row.id;
  });
}

/**
 * user:create: creates the user, or updates role, password (and name when given) of an
 * existing one, re-enabling it. Returns whether it was created.
 */
export async function upsertUser(db: Db, input: CreateUserInput): Promise<{ id: number; created: boolean }> {
  const existing = await findUserByEmail(db, input.email);
  if (!existing) {
    try {
      return { id: await createUser(db, input, null), created: true };
    } catch (error) {
      // Created concurrently by someone else: fall through to the update.
      if (!(error instanceof UserChangeError && error.code === "email_taken")) throw error;
    }
  }
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const current = await findUserByEmail(tx, input.email);
    if (!current) throw new UserChangeError("not_found");
    const entries: HistoryEntry[] = [{ action: "reset_password", field: "password", after: "reset" }];
    if (current.role !== input.role) entries.push({ action: "update", field: "role", before: current.role, after: input.role });
    if (current.disabled) entries.push({ action: "enable", field: "disabled", before: true, after: false });
    const name = input.name === undefined ? current.name : input.name?.trim() || null;
    if (name !== current.name) entries.push({ action: "update", field: "name", before: current.name, after: name });
    await tx
      .update(users)
      .set({ role: input.role, passwordHash, disabled: false, name, sessionsValidAfter: sql`now()` })
      .where(eq(users.id, current.id));
    await writeHistory(tx, current.id, null, entries);
    return { id: current.id, created: false };
  });
}

export async function setUserRole(db: Db, id: number, role: Role, actorId: number): Promise<void> {
  await db.transaction(async (tx) => {
    const current = await lockUser(tx, id);
    if (current.role === role) return;
    if (current.role === "admin") {
      if (id === actorId) throw new UserChangeError("self_lockout");
      await assertAnotherAdmin(tx, id);
    }
    await tx.update(users).set({ role, sessionsValidAfter: sql`now()` }).where(eq(users.id, id));
    await writeHistory(tx, id, actorId, [{ action: "update", field: "role", before: current.role, after: role }]);
  });
}

export async function setUserDisabled(db: Db, id: number, disabled: boolean, actorId: number): Promise<void> {
  await db.transaction(async (tx) => {
    const current = await lockUser(tx, id);
    if (current.disabled === disabled) return;
    if (disabled && id === actorId) throw new UserChangeError("self_lockout");
    if (disabled && current.role === "admin") await assertAnotherAdmin(tx, id);
    await tx.update(users).set({ disabled, sessionsValidAfter: sql`now()` }).where(eq(users.id, id));
    await writeHistory(tx, id, actorId, [
      { action: disabled ? "disable" : "enable", field: "disabled", before: current.disabled, after: disabled },
    ]);
  });
}

export async function resetUserPassword(db: Db, id: number, password: string, actorId: number): Promise<void> {
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    await lockUser(tx, id);
    await tx.update(users).set({ passwordHash, sessionsValidAfter: sql`now()` }).where(eq(users.id, id));
    // The history says that it happened, never what the password is.
    await writeHistory(tx, id, actorId, [{ action: "reset_password", field: "password", after: "reset" }]);
  });
}

/**
 * Ends every session of the user (sign-out). Session cookies are stateless JWTs that a
 * request in flight can re-issue, so signing out must void them on the server too.
 */
export async function endUserSessions(db: DbOrTx, id: number): Promise<void> {
  await db.update(users).set({ sessionsValidAfter: sql`now()` }).where(eq(users.id, id));
}
