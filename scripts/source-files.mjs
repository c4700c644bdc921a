// The files dist/ is built from, and whether dist/ is current: shared by scripts/build.mjs and
// bin/polydesk.mjs (plain JavaScript: the entry point reads it before any TypeScript loader exists).
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export const SOURCE_DIRS = ['src', 'ingest'];

/** Every file under `dir`, recursively. */
export function sourceFiles(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath ?? entry.path, entry.name));
}

/**
 * What else a build depends on: the dependencies bundled in (package-lock.json), the compiler and
 * bundler settings, and the build itself.
 */
const BUILD_INPUTS = [
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  'tsconfig.build.json',
  'scripts/build.mjs',
  'scripts/source-files.mjs',
];

/** The files whose copies dist/bundle/ must hold: what the code reads relative to its own module. */
export const BESIDE_THE_CODE = [
  'src/admin/templates',
  'src/admin/static',
  'src/bot/web/public',
  'src/rag/lexicon',
  'src/core/ts-worker.mjs',
  'src/reliability/heartbeat-worker.mjs',
];

/** The worker threads' entries, bundled as dist/bundle/<name>.js (found next to their callers' chunks). */
export const WORKER_ENTRIES = {
  'lm-worker': 'src/inference/onnx/lm-worker',
  'encoder-worker': 'src/rag/encoder-worker',
};

/** The newest modification time (ms) of any file dist/ is built from, the build's inputs included. */
export function newestSource(root) {
  let newest = 0;
  const files = [
    ...SOURCE_DIRS.flatMap((dir) => sourceFiles(path.join(root, dir))),
    ...BUILD_INPUTS.map((f) => path.join(root, f)).filter((f) => existsSync(f)),
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
    return (
      typeof newestSourceMs === 'number' &&
      existsSync(path.join(root, 'dist', 'bundle', 'main.js')) &&
      newestSource(root) <= newestSourceMs
    );
  } catch {
    return false; // never built, or a source folder is unreadable: run from source
  }
}
