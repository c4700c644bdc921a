import { chmodSync, closeSync, mkdirSync, openSync, statSync } from 'node:fs';

/**
 * DATA_DIR holds the whole knowledge base, questions, held answers and session hashes: folders
 * are created 0700 and files 0600, whatever the process umask.
 */
export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** Creates `dir` and its missing parents, readable by this user only. An existing folder keeps its mode. */
export function makePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
}

/** Makes an existing file readable by this user only (files written by older versions were 0644). */
export function restrictFile(file: string): void {
  let mode: number;
  try {
    mode = statSync(file).mode;
  } catch {
    return;
  }
  if ((mode & 0o077) !== 0) chmodSync(file, PRIVATE_FILE_MODE);
}

/** Creates `file` empty with mode 0600 when it does not exist, and tightens it when it does. */
export function makePrivateFile(file: string): void {
  closeSync(openSync(file, 'a', PRIVATE_FILE_MODE));
  restrictFile(file);
}
