import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  BESIDE_THE_CODE,
  WORKER_ENTRIES,
  builtIsCurrent,
  newestSource,
} from '../../scripts/source-files.mjs';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

/** A checkout's sources and build inputs, in miniature. */
const FILES = [
  'src/main.ts',
  'src/cli/ask.ts',
  'ingest/sync.ts',
  'package.json',
  'tsconfig.json',
  'tsconfig.build.json',
];

describe('which code bin/polydesk.mjs runs', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'polydesk-build-state-'));
    for (const dir of ['src/cli', 'ingest', 'dist/bundle'])
      mkdirSync(path.join(root, dir), { recursive: true });
    writeFileSync(path.join(root, 'dist', 'bundle', 'main.js'), '');
    const past = new Date(Date.now() - 60_000);
    for (const file of FILES) {
      writeFileSync(path.join(root, file), '');
      utimesSync(path.join(root, file), past, past);
    }
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const built = () =>
    writeFileSync(
      path.join(root, 'dist', 'build.json'),
      JSON.stringify({ newestSourceMs: newestSource(root) }),
    );

  it('runs the sources until dist/ is built', () => {
    expect(builtIsCurrent(root, {})).toBe(false);
    built();
    expect(builtIsCurrent(root, {})).toBe(true);
  });

  it('runs the sources again once any source file, data file or configuration is newer than the build', () => {
    const files = ['src/cli/ask.ts', 'ingest/sync.ts', 'package.json'];
    files.forEach((file, i) => {
      built();
      expect(builtIsCurrent(root, {})).toBe(true);
      const later = new Date(Date.now() + 1_000 * (i + 1));
      utimesSync(path.join(root, file), later, later);
      expect(builtIsCurrent(root, {}), file).toBe(false);
    });
    built();
    const added = path.join(root, 'src', 'cli', 'templates.njk');
    writeFileSync(added, 'new data file');
    const latest = new Date(Date.now() + 10_000);
    utimesSync(added, latest, latest);
    expect(builtIsCurrent(root, {})).toBe(false);
  });

  it('runs the sources when the bundle is missing (a build stopped half-way)', () => {
    built();
    rmSync(path.join(root, 'dist', 'bundle'), { recursive: true });
    expect(builtIsCurrent(root, {})).toBe(false);
  });

  it('runs the sources when POLYDESK_FROM_SOURCE=1, or when build.json is not what the build writes', () => {
    built();
    expect(builtIsCurrent(root, { POLYDESK_FROM_SOURCE: '1' })).toBe(false);
    writeFileSync(path.join(root, 'dist', 'build.json'), '{"newestSourceMs": "soon"}');
    expect(builtIsCurrent(root, {})).toBe(false);
    writeFileSync(path.join(root, 'dist', 'build.json'), 'not json');
    expect(builtIsCurrent(root, {})).toBe(false);
  });
});

describe('the built CLI', () => {
  // `npm ci` builds dist/ (prepare); a checkout being edited may hold an older build, which the
  // entry point then skips. Either way the answer is the same: this checks the built code itself.
  it.runIf(builtIsCurrent(ROOT))('answers from dist/ as it does from the sources', () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'polydesk-built-cli-'));
    try {
      const env = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'error' };
      const run = (args: string[], extra: NodeJS.ProcessEnv = {}) =>
        spawnSync(
          process.execPath,
          ['--no-regexp-tier-up', path.join(ROOT, 'bin', 'polydesk.mjs'), ...args],
          {
            env: { ...env, ...extra },
            encoding: 'utf8',
            timeout: 110_000,
          },
        );
      const ingest = run(['ingest', path.join(ROOT, 'examples', 'knowledge'), '--json']);
      expect(ingest.status, ingest.stderr).toBe(0);
      const fromDist = run(['ask', 'How many vacation days do I get?', '--json']);
      const fromSource = run(['ask', 'How many vacation days do I get?', '--json'], {
        POLYDESK_FROM_SOURCE: '1',
      });
      expect(fromDist.status, fromDist.stderr).toBe(0);
      expect(fromDist.stderr).toBe('');
      expect(JSON.parse(fromDist.stdout)).toEqual(JSON.parse(fromSource.stdout));
      expect(JSON.parse(fromDist.stdout).status).toBe('answered');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it.runIf(builtIsCurrent(ROOT))(
    'finds the package files from dist/ (the sample knowledge base serve ingests)',
    async () => {
      const built = (await import(path.join(ROOT, 'dist', 'src', 'cli', 'serve-command.js'))) as {
        SAMPLE_KNOWLEDGE: string;
      };
      expect(built.SAMPLE_KNOWLEDGE).toBe(path.join(ROOT, 'examples', 'knowledge'));
      expect(existsSync(built.SAMPLE_KNOWLEDGE)).toBe(true);
    },
  );

  it.runIf(builtIsCurrent(ROOT))(
    'holds beside the bundle what the code reads beside itself, and the worker threads’ entries',
    () => {
      const bundle = path.join(ROOT, 'dist', 'bundle');
      for (const item of BESIDE_THE_CODE) {
        expect(existsSync(path.join(bundle, path.basename(item))), item).toBe(true);
      }
      for (const name of Object.keys(WORKER_ENTRIES)) {
        expect(existsSync(path.join(bundle, `${name}.js`)), name).toBe(true);
      }
      // The built-in lexicon filed per language, which the bundle reads instead of the concept file.
      expect(existsSync(path.join(bundle, 'lexicon-tables', 'index.json'))).toBe(true);
      expect(existsSync(path.join(bundle, 'lexicon-tables', 'ja.json'))).toBe(true);
    },
  );
});
