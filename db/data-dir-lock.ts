// An exclusive lock on the embedded database's directory. PGlite has none of its own,
// and a second process opening the same files silently loses writes. The lock is a
// file created with O_EXCL holding the owner's pid: a lock whose process is gone is
// taken over, a live one is refused. (A heartbeat lock such as proper-lockfile goes
// stale while PGlite's start-up blocks the event loop for many seconds on a busy machine.)
import fs from "node:fs";

export class DataDirLockedError extends Error {
  constructor(
    readonly lockFile: string,
    readonly ownerPid: number,
  ) {
    super(`locked by process ${ownerPid}`);
    this.name = "DataDirLockedError";
  }
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readOwner(lockFile: string): number | null {
  try {
    const pid = Number.parseInt(fs.readFileSync(lockFile, "utf8"), 10);
    return Number.isFinite(pid) ? pid : null;
  } catch {
    return null;
  }
}

/** Takes the lock or throws DataDirLockedError; returns the release function. */
export function lockDataDir(dir: string): () => void {
  const lockFile = `${dir}.lock`;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = fs.openSync(lockFile, "wx", 0o600);
      fs.writeSync(fd, String(process.pid));
      fs.closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        if (readOwner(lockFile) === process.pid) fs.rmSync(lockFile, { force: true });
      };
      process.once("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = readOwner(lockFile);
      if (owner === process.pid) throw new DataDirLockedError(lockFile, owner);
      if (owner !== null && processIsAlive(owner)) throw new DataDirLockedError(lockFile, owner);
      // The owner died without releasing: take the lock over.
      fs.rmSync(lockFile, { force: true });
    }
  }
  throw new DataDirLockedError(lockFile, readOwner(lockFile) ?? -1);
}
