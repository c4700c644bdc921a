#!/usr/bin/env node
// `npm run build` (and `prepare`, so `npm ci` runs it), in three steps:
// 1. tsc compiles src/ and ingest/ to dist/ (type-checked JavaScript, one file per module), and the
//    files the code reads beside itself (templates, static files, JSON data, .mjs workers) are copied;
// 2. esbuild bundles that JavaScript from dist/src/main.js into dist/bundle/ — one file per command
//    (split where commands share code) plus the worker threads' entries — with the dependencies
//    whose hundreds of small modules dominate a start (kysely, libphonenumber-js, zod) inside, and
//    the code's data files copied next to the bundle, where its `import.meta.url` now points, and the
//    built-in lexicon filed per language (lexicon-tables/), so that a start reads one language's table;
// 3. dist/build.json records the newest source time, which bin/polydesk.mjs compares to decide
//    whether dist/ is current or it must run the sources through tsx.
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { BESIDE_THE_CODE, SOURCE_DIRS, WORKER_ENTRIES, newestSource, sourceFiles } from './source-files.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

// The time is taken before compiling: a file saved during the build makes the next start run the sources.
const newest = newestSource(root);
// Until this build finishes, dist/ is not current: a build that fails or is stopped half-way leaves
// bin/polydesk.mjs running the sources, never a half-written bundle.
rmSync(path.join(dist, 'build.json'), { force: true });
execFileSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json')], {
  cwd: root,
  stdio: 'inherit',
});
let copied = 0;
for (const dir of SOURCE_DIRS) {
  for (const file of sourceFiles(path.join(root, dir))) {
    if (file.endsWith('.ts')) continue;
    const target = path.join(dist, path.relative(root, file));
    mkdirSync(path.dirname(target), { recursive: true });
    copyFileSync(file, target);
    copied += 1;
  }
}

/** Dependencies bundled in: many small ESM modules each, loaded by every command. */
const BUNDLED = new Set(['kysely', 'libphonenumber-js', 'zod']);
const bundle = path.join(dist, 'bundle');
rmSync(bundle, { recursive: true, force: true });
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const external = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies })
  .filter((name) => !BUNDLED.has(name))
  .flatMap((name) => [name, `${name}/*`]);
await build({
  entryPoints: {
    main: path.join(dist, 'src/main.js'),
    // Worker threads start from these (worker-supervisor.ts finds them next to their callers' chunks).
    ...Object.fromEntries(
      Object.entries(WORKER_ENTRIES).map(([name, source]) => [name, path.join(dist, `${source}.js`)]),
    ),
  },
  outdir: bundle,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external,
  logLevel: 'warning',
});
for (const item of BESIDE_THE_CODE) {
  cpSync(path.join(root, item), path.join(bundle, path.basename(item)), { recursive: true });
}
// The built-in lexicon filed per language by the code just built, read by the bundle at start.
const { writePrebuiltTables } = await import(pathToFileURL(path.join(dist, 'src/rag/lexicon.js')).href);
writePrebuiltTables(path.join(bundle, 'lexicon-tables'));
writeFileSync(path.join(dist, 'build.json'), `${JSON.stringify({ newestSourceMs: newest })}\n`);
process.stdout.write(`polydesk: built dist/ (${copied} data files copied) and dist/bundle/\n`);
