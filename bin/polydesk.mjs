#!/usr/bin/env -S node --no-regexp-tier-up
// Entry point of `npx polydesk`: runs the TypeScript sources through tsx's loader (no build step).
// --no-regexp-tier-up keeps the guardrails' regular expressions fast for the life of the process
// (src/guardrails/regexp-engine.ts); `node bin/polydesk.mjs` without it works, and serve warns.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/main.ts');
process.exitCode = await main(process.argv.slice(2));
