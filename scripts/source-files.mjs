// The files dist/ is built from, and whether dist/ is current: shared by scripts/build.mjs and
// bin/polydesk.mjs (plain JavaScript: the entry point reads it before any TypeScript loader exists).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export const SOURCE_DIRS = ['src', 'ingest'];

/** Every file under `dir`, recursively. */
export function sourceFiles(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath ?? entry.path, entry.name));
}

/** The newest modification time (ms) of any file dist/ is built from, package.json and the tsconfigs included. */
export function newestSource(root) {
  let newest = 0;
  const files = [
    ...SOURCE_DIRS.flatMap((dir) => sourceFiles(path.join(root, dir))),
    ...['package.json', 'tsconfig.json', 'tsconfig.build.json'].map((f) => path.join(root, f)),
  ];
  for (const file of files) newest = Math.max(newest, statSync(file).mtimeMs);
  return newest;
}

/**
 * Whether dist/ was built from the sources as they are now: its build.json records the newest source
 * time at build, and no source file may be newer. POLYDESK_FROM_SOURCE=1 says no (run the sources).
 */
export function builtIsCurrent(root, env = process.env) {
  if (env.POLYDESK_FROM_SOURCE === '1') return false;
  try {
    const { newestSourceMs } = JSON.parse(readFileSync(path.join(root, 'dist', 'build.json'), 'utf8'));
    return typeof newestSourceMs === 'number' && newestSource(root) <= newestSourceMs;
  } catch {
    return false; // never built, or a source folder is unreadable: run from source
  }
}
