/**
 * Summaries of the sample knowledge base through the real runtime (config, SQLite, index, guardrails
 * with the at-rest registry) and through `polydesk summarize` as a child process: the contract's
 * JSON, access, and the runbook's planted credentials, which never appear in a summary however a
 * model writes them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncPaths } from '../../ingest/sync.js';
import type { SummaryProgress } from '../../src/answer/summary-ports.js';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/core/log.js';
import { type Runtime, createRuntime } from '../../src/runtime.js';
import {
  type FakeOpenAiServer,
  type Scenario,
  chunked,
  startFakeOpenAiServer,
} from '../fakes/openai-server.js';
import { ROOT, runCli } from '../helpers/cli.js';

const SAMPLES = path.join(ROOT, 'examples/knowledge');
const DIRECTORY = path.join(ROOT, 'examples/directory.json');
const RUNBOOK = 'examples/knowledge/it/runbooks/backup-server-runbook.md';
/** Planted in the runbook (invented, valid nowhere). */
const PLANTED = ['Tq8!vRm2-Lk5wZp9', 'AKIA5LWBKP7Q3M2XR9TD', 'Zq7mK2vR9xW4pL8nT3bY6hJ1cF5dS0gA8eU2oI7r'];

const canonical = (text: string) =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
/** Which planted values (or a 12-character run of one) a text carries, however it is written. */
function leaked(text: string): string[] {
  const seen = canonical(text);
  return PLANTED.filter((value) => {
    const v = canonical(value);
    for (let i = 0; i + 12 <= v.length; i += 1) if (seen.includes(v.slice(i, i + 12))) return true;
    return false;
  });
}

/** What a model might write when summarising the runbook: the values, cited, in several disguises. */
const MODEL_LEAKS: Readonly<Record<string, string>> = {
  'quotes the configuration': 'The job connects as backup_admin with password Tq8!vRm2-Lk5wZp9 [1].',
  'spells the key out': 'Uploads use the key A K I A 5 L W B K P 7 Q 3 M 2 X R 9 T D [1].',
  'writes it in full-width letters': 'The database password is ＴＱ８！ｖＲｍ２－Ｌｋ５ｗＺｐ９ [1].',
};

let dir: string;
let dataDir: string;
let extractive: Runtime;
let model: Runtime;
let llm: FakeOpenAiServer;
let reply = MODEL_LEAKS['quotes the configuration']!;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'polydesk-summaries-'));
  dataDir = path.join(dir, 'data');
  llm = await startFakeOpenAiServer((): Scenario => ({ kind: 'stream', chunks: chunked(reply, 2) }));
  const env = {
    DATA_DIR: dataDir,
    POLYDESK_SAMPLES: '0',
    CROSS_LANGUAGE_SEARCH: '0',
    DIRECTORY_FILE: DIRECTORY,
  };
  extractive = await createRuntime(loadConfig(env, ROOT), silentLogger);
  const report = await syncPaths(extractive.ingestDeps, {
    paths: [SAMPLES],
    maxBytes: 10_000_000,
    cwd: ROOT,
  });
  expect(report.failed).toEqual([]);
  await extractive.index.persist();
  model = await createRuntime(
    loadConfig(
      { ...env, GENERATOR: 'openai', LLM_BASE_URL: llm.baseURL, LLM_MODEL: 'polylm-chat-13b' },
      ROOT,
    ),
    silentLogger,
  );
}, 120_000);

afterAll(async () => {
  await model?.close();
  await extractive?.close();
  await llm?.close();
  rmSync(dir, { recursive: true, force: true });
});

const itStaff = { email: 'wei.zhang@lumenworks.example', groups: ['all', 'it', 'engineering'] };

async function summarizeCollecting(runtime: Runtime, document: string) {
  const shown: string[] = [];
  const onProgress = (p: SummaryProgress) => {
    if (p.type === 'text') shown.push(p.text);
  };
  const result = await runtime.summaries.summarizeDocument({
    document,
    requester: itStaff,
    readers: [itStaff],
    platform: 'cli',
    onProgress,
  });
  shown.push(result.text);
  return { result, shown: shown.join('\n') };
}

describe("the runbook's planted credentials never appear in its summary", () => {
  it('extractive: the configuration block is never quoted', async () => {
    const { result, shown } = await summarizeCollecting(extractive, RUNBOOK);
    expect(result.status).toBe('answered');
    expect(result.text).toContain('Runbook - Nightly Backup Server (bkp-01)');
    expect(leaked(shown)).toEqual([]);
  });

  for (const [way, text] of Object.entries(MODEL_LEAKS)) {
    it(`a model that ${way}: held for review, never shown, streamed pieces included`, async () => {
      reply = text;
      const { result, shown } = await summarizeCollecting(model, RUNBOOK);
      expect(leaked(text).length, 'the scenario itself carries a planted value').toBeGreaterThan(0);
      expect(leaked(shown)).toEqual([]);
      expect(result.status).toBe('held');
      expect(result.reviewId).toBeDefined();
      expect(result.generator).toBe('openai');
      const pending = await model.store.reviews.get(result.reviewId!);
      expect(pending?.questionId).toBe(result.questionId);
    });
  }
});

describe('polydesk summarize', () => {
  const cli = (...args: string[]) =>
    runCli(['summarize', ...args], { env: { DATA_DIR: dataDir, DIRECTORY_FILE: DIRECTORY } });

  it('prints the contract JSON: status, summary, language, citations with title and source, verdict', async () => {
    const { code, stdout } = await cli(RUNBOOK, '--user', 'wei.zhang@lumenworks.example', '--json');
    expect(code).toBe(0);
    const json = JSON.parse(stdout) as Record<string, unknown>;
    expect(json).toMatchObject({
      status: 'answered',
      language: 'en',
      verdict: { action: 'allow', findings: [] },
    });
    expect(json.summary).toEqual(expect.stringContaining('Summary of'));
    const citations = json.citations as { title: string; source: string }[];
    expect(citations.length).toBeGreaterThan(0);
    for (const c of citations) {
      expect(c.source).toBe(RUNBOOK);
      expect(c.title).toMatch(/^Runbook - Nightly Backup Server \(bkp-01\) › /u);
    }
    expect(leaked(stdout)).toEqual([]);
  });

  it('writes the heading in the language asked for, the sentences in the document’s', async () => {
    const { code, stdout } = await cli(
      'examples/knowledge/hr/annual-leave-ja.md',
      '--language',
      'en',
      '--json',
    );
    expect(code).toBe(0);
    const json = JSON.parse(stdout) as { summary: string; language: string };
    expect(json.language).toBe('en');
    expect(json.summary).toContain('Summary of “年次有給休暇について”');
    expect(json.summary).toContain('有給休暇');
  });

  it('refuses a restricted document to an outsider as not found, and summarises it for its audience', async () => {
    const outsider = await cli('Salary Bands 2026', '--user', 'yuki.tanaka@lumenworks.example', '--json');
    expect(outsider.code).toBe(0);
    const refused = JSON.parse(outsider.stdout) as { status: string; summary: string; citations: unknown[] };
    expect(refused.status).toBe('not_found');
    expect(refused.citations).toEqual([]);
    expect(outsider.stdout).not.toMatch(/salary bands|restricted/i);

    const member = await cli('Salary Bands 2026', '--user', 'hana.sato@lumenworks.example', '--json');
    expect(JSON.parse(member.stdout)).toMatchObject({ status: expect.stringMatching(/^(answered|held)$/u) });
  });

  it('says how to use it when the document or the language is missing or wrong', async () => {
    const none = await cli();
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('usage: polydesk summarize');
    const bad = await cli(RUNBOOK, '--language', 'english please');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--language');
  });
});
