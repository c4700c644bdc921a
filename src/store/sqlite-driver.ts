import { renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { SqliteDialect } from 'kysely';
import { makePrivateDir, makePrivateFile, restrictFile } from '../core/private-files.js';

/**
 * The only module importing better-sqlite3. WAL mode so the CLI and the server can share the file.
 * The database is created 0600 in a folder created 0700 (SQLite gives its -wal and -shm files the
 * database's mode); one left 0644 by an older version is tightened.
 */
export function createSqliteDialect(file: string): SqliteDialect {
  if (file !== ':memory:') {
    makePrivateDir(path.dirname(file));
    makePrivateFile(file);
    for (const suffix of ['-wal', '-shm']) restrictFile(file + suffix);
  }
  return new SqliteDialect({
    database: async () => {
      const db = new BetterSqlite3(file);
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      db.pragma('foreign_keys = ON');
      db.pragma('busy_timeout = 5000');
      return db;
    },
  });
}

/**
 * Copies a SQLite database with SQLite's online backup API: consistent even while a server writes
 * to it. The copy is written next to `destination` and renamed into place, so a failed backup
 * never leaves a half-written file under that name; like the database, it is readable by this
 * user only (0600).
 */
export async function backupSqlite(source: string, destination: string): Promise<{ bytes: number }> {
  const db = new BetterSqlite3(source, { fileMustExist: true });
  const temp = `${destination}.partial`;
  try {
    db.pragma('busy_timeout = 5000');
    rmSync(temp, { force: true });
    makePrivateFile(temp);
    await db.backup(temp);
    checkSqliteFile(temp);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  } finally {
    db.close();
  }
  renameSync(temp, destination);
  return { bytes: statSync(destination).size };
}

/**
 * Replaces the database at `target` with a backup, through the same API (page by page, with the
 * target's own locking and journal). The backup is checked first; a bad one changes nothing.
 */
export async function restoreSqlite(backup: string, target: string): Promise<void> {
  checkSqliteFile(backup);
  makePrivateDir(path.dirname(target));
  makePrivateFile(target);
  const db = new BetterSqlite3(backup, { readonly: true, fileMustExist: true });
  try {
    await db.backup(target);
  } finally {
    db.close();
  }
}

/** Throws unless `file` is an intact PolyDesk database. */
function checkSqliteFile(file: string): void {
  const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  try {
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(`${file} is damaged (${String(check)})`);
    const table = db
      .prepare("select name from sqlite_master where type = 'table' and name = 'polydesk_migrations'")
      .get();
    if (!table) throw new Error(`${file} is not a PolyDesk database`);
  } finally {
    db.close();
  }
}
