#!/usr/bin/env -S node --no-regexp-tier-up
// Entry point of `npx polydesk` and `npm start`. Runs the JavaScript that `npm ci` built into dist/
// (`prepare` runs `npm run build`) when it is current; when a source file is newer than the build
// (or POLYDESK_FROM_SOURCE=1), it runs the TypeScript sources through tsx's loader instead, so an
// edit is never ignored. --no-regexp-tier-up keeps the guardrails' regular expressions fast for the
// life of the process (src/guardrails/regexp-engine.ts); `node bin/polydesk.mjs` without it works,
// and serve warns.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtIsCurrent } from '../scripts/source-files.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

let main;
if (builtIsCurrent(root)) {
  ({ main } = await import('../dist/bundle/main.js'));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
