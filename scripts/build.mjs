#!/usr/bin/env node
// `npm run build` (and `prepare`, so `npm ci` runs it): compiles src/ and ingest/ to dist/ with tsc,
// copies the files the code reads next to itself (templates, static files, JSON data, plain .mjs
// workers), and writes dist/build.json with the newest source time, which bin/polydesk.mjs compares
// to decide whether dist/ is current or it must run the sources through tsx.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SOURCE_DIRS, newestSource, sourceFiles } from './source-files.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

// The time is taken before compiling: a file saved during the build makes the next start rebuild-or-tsx.
const newest = newestSource(root);
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
writeFileSync(path.join(dist, 'build.json'), `${JSON.stringify({ newestSourceMs: newest })}\n`);
process.stdout.write(`polydesk: built dist/ (${copied} data files copied)\n`);
