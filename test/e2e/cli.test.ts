import { mkdirSync, mkdtempSync, readdirSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonLines, ROOT, runCli } from '../helpers/cli.js';

interface AskJson {
  answer: string;
  language: string;
  status: string;
  citations: { title: string; source: string }[];
  verdict: { action: string; findings: unknown[] };
}

describe('polydesk CLI on the sample knowledge base', () => {
  let dataDir: string;
  const env = () => ({ DATA_DIR: dataDir, DIRECTORY_FILE: path.join(ROOT, 'examples/directory.json') });

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'polydesk-cli-'));
    const result = await runCli(['ingest', 'examples/knowledge', '--json'], { env: env() });
    expect(result.stderr).not.toMatch(/failed/i);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as { added: string[]; failed: unknown[] };
    expect(report.added.length).toBeGreaterThanOrEqual(20);
    expect(report.failed).toEqual([]);
  }, 120_000);
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it.each([
    ['有給休暇は何日もらえますか？', 'ja', 'hr/annual-leave-ja.md', '20'],
    ['How many days of paid leave do I get?', 'en', 'hr/annual-leave.md', '20 days'],
    ['¿Cuántos días de vacaciones pagadas tengo?', 'es', 'hr/annual-leave-es.md', '20 días'],
  ])('answers %s in its language, citing the right document', async (question, language, source, fact) => {
    const result = await runCli(['ask', question, '--json'], { env: env() });
    expect(result.code).toBe(0);
    const answer = JSON.parse(result.stdout) as AskJson;
    expect(answer.language).toBe(language);
    expect(answer.status).toBe('answered');
    expect(answer.citations[0]?.source).toBe(`examples/knowledge/${source}`);
    expect(answer.answer).toContain(fact);
    expect(answer.verdict.action).toBeDefined();
  });

  it('re-ingest skips unchanged files', async () => {
    const result = await runCli(['ingest', 'examples/knowledge', '--json'], { env: env() });
    const report = JSON.parse(result.stdout) as { added: string[]; updated: string[]; unchanged: string[] };
    expect(report.added).toEqual([]);
    expect(report.updated).toEqual([]);
    expect(report.unchanged.length).toBeGreaterThanOrEqual(20);
  });

  it('answers a batch of searches from JSON lines, one line per query with its id', async () => {
    const input = [
      JSON.stringify({ id: 'q1', query: 'VPN' }),
      'not json',
      JSON.stringify({ id: 42, query: '会議室の予約' }),
    ].join('\n');
    const result = await runCli(['search', '--k', '3', '--json'], { env: env(), input });
    const lines = jsonLines(result.stdout);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatchObject({ id: 'q1', query: 'VPN' });
    expect((lines[0]!.hits as { source: string }[])[0]?.source).toMatch(/vpn/);
    expect(lines[1]).toMatchObject({ line: 2, error: 'invalid JSON' });
    expect(lines[2]).toMatchObject({ id: 42 });
    const hit = (lines[2]!.hits as Record<string, unknown>[])[0]!;
    expect(Object.keys(hit).sort()).toEqual(['chunkId', 'docId', 'score', 'source', 'text', 'title']);
    expect(result.code).toBe(1);
  });

  it('never lets a restricted document reach someone outside its audience', async () => {
    const question = 'What are the salary bands for 2026?';
    const outsider = JSON.parse(
      (await runCli(['ask', question, '--json'], { env: env() })).stdout,
    ) as AskJson;
    expect(outsider.citations.map((c) => c.source)).not.toContain(
      'examples/knowledge/hr/salary-bands-2026.md',
    );
    const search = jsonLines(
      (await runCli(['search', 'salary bands 2026', '--k', '50', '--json'], { env: env() })).stdout,
    );
    expect((search[0]!.hits as { source: string }[]).map((h) => h.source)).not.toContain(
      'examples/knowledge/hr/salary-bands-2026.md',
    );
    const hr = JSON.parse(
      (await runCli(['ask', question, '--user', 'hana.sato@lumenworks.example', '--json'], { env: env() }))
        .stdout,
    ) as AskJson;
    expect(hr.citations.map((c) => c.source)).toContain('examples/knowledge/hr/salary-bands-2026.md');
  });

  it('shows the operator every document only with --unrestricted, never with --user as well', async () => {
    const operator = jsonLines(
      (await runCli(['search', 'salary bands 2026', '--k', '50', '--unrestricted', '--json'], { env: env() }))
        .stdout,
    );
    expect((operator[0]!.hits as { source: string }[]).map((h) => h.source)).toContain(
      'examples/knowledge/hr/salary-bands-2026.md',
    );
    const both = await runCli(['search', 'x', '--unrestricted', '--user', 'a@b.example'], { env: env() });
    expect(both.code).not.toBe(0);
    expect(both.stderr).toMatch(/--user and --unrestricted exclude each other/);
  }, 120_000);

  it('gives a clear answer, not a stack trace, to empty, huge and control-character questions', async () => {
    const empty = await runCli(['ask', '   ', '--json'], { env: env() });
    expect(empty.code).toBe(0);
    expect(JSON.parse(empty.stdout)).toMatchObject({ status: 'invalid' });
    const huge = await runCli(['ask', 'a'.repeat(100_000), '--json'], { env: env() });
    expect(huge.code).toBe(0);
    expect((JSON.parse(huge.stdout) as AskJson).answer).toMatch(/4,000/);
    const control = await runCli(['ask', 'VPN\u0001\u0007 setup\u001b[31m', '--json'], { env: env() });
    expect(control.code).toBe(0);
    expect(control.stderr).not.toMatch(/at .*\.ts:\d+/);
    expect(JSON.parse(control.stdout)).toHaveProperty('answer');
  });

  it('holds an answer that would reveal the planted credential, prints none of it, and queues a review', async () => {
    const result = await runCli(['ask', 'What is the password of the backup database?', '--json'], {
      env: env(),
    });
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain('Tq8!vRm2-Lk5wZp9');
    expect(result.stdout).not.toContain('AKIA5LWBKP7Q3M2XR9TD');
    const answer = JSON.parse(result.stdout) as AskJson & { reviewId?: string };
    expect(answer.status).toBe('held');
    expect(answer.verdict.action).toBe('hold');
    expect(answer.verdict.findings.length).toBeGreaterThan(0);
    expect(answer.reviewId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('scans JSON lines with the guardrails alone, reporting offsets into the text as given', async () => {
    const text = 'ｶｰﾄﾞ: ４１１１ １１１１ １１１１ １１１１ です';
    const input = [
      JSON.stringify({ id: 'a', text }),
      JSON.stringify({ id: 'b', text: 'Reset your password in the portal.' }),
    ].join('\n');
    const result = await runCli(['scan', '--json'], { env: env(), input });
    expect(result.code).toBe(0);
    const [a, b] = jsonLines(result.stdout) as {
      id: string;
      action: string;
      findings: { type: string; start: number; end: number }[];
    }[];
    expect(a).toMatchObject({ id: 'a', action: 'hold' });
    const card = a!.findings.find((f) => f.type === 'credit_card')!;
    expect(text.slice(card.start, card.end)).toBe('４１１１ １１１１ １１１１ １１１１');
    expect(b).toEqual({ id: 'b', action: 'allow', findings: [] });
  });

  it('says it does not know, in the asker language, when nothing relevant exists', async () => {
    const result = await runCli(['ask', '火星への出張旅費の規定は？', '--json'], { env: env() });
    const answer = JSON.parse(result.stdout) as AskJson;
    expect(answer.language).toBe('ja');
    expect(answer.status).toBe('not_found');
    expect(answer.citations).toEqual([]);
  });

  it('rebuilds a corrupt index snapshot from the database', async () => {
    const snap = readdirSync(dataDir).find((f) => f.endsWith('.snap'))!;
    truncateSync(path.join(dataDir, snap), 100);
    const result = await runCli(['search', 'VPN', '--json'], { env: { ...env(), LOG_LEVEL: 'info' } });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/index.snapshot_corrupt/);
    expect((jsonLines(result.stdout)[0]!.hits as unknown[]).length).toBeGreaterThan(0);
  });
});

describe('polydesk ingest with bad files', () => {
  let dir: string;
  let dataDir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'polydesk-bad-'));
    dataDir = mkdtempSync(path.join(tmpdir(), 'polydesk-bad-data-'));
    mkdirSync(path.join(dir, 'docs'));
    writeFileSync(
      path.join(dir, 'docs', 'good.md'),
      '---\ntitle: Parking\n---\n# Parking\nThe car park opens at 7am.\n',
    );
    writeFileSync(path.join(dir, 'docs', 'empty.txt'), '');
    writeFileSync(
      path.join(dir, 'docs', 'binary.md'),
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2, 3]),
    );
    writeFileSync(path.join(dir, 'docs', 'broken.pdf'), '%PDF-1.7\ngarbage without objects');
    writeFileSync(
      path.join(dir, 'docs', 'latin1.txt'),
      Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0x6f, 0x6b]),
    );
    writeFileSync(path.join(dir, 'docs', 'slides.pptx'), 'whatever');
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('reports each bad file with a reason, indexes the rest and exits 1', async () => {
    const result = await runCli(['ingest', path.join(dir, 'docs'), '--json'], { env: { DATA_DIR: dataDir } });
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as {
      added: string[];
      failed: { file: string; reason: string }[];
    };
    expect(report.added).toHaveLength(1);
    const reasons = Object.fromEntries(report.failed.map((f) => [path.basename(f.file), f.reason]));
    expect(Object.keys(reasons).sort()).toEqual([
      'binary.md',
      'broken.pdf',
      'empty.txt',
      'latin1.txt',
      'slides.pptx',
    ]);
    expect(reasons['empty.txt']).toMatch(/empty/);
    expect(reasons['latin1.txt']).toMatch(/UTF-8/);
    expect(reasons['broken.pdf']).toMatch(/PDF/);
    expect(reasons['slides.pptx']).toMatch(/unsupported/);
    const search = await runCli(['search', 'car park', '--json'], { env: { DATA_DIR: dataDir } });
    expect((jsonLines(search.stdout)[0]!.hits as { title: string }[])[0]?.title).toBe('Parking');
  });

  it('prunes documents whose files are gone, with --prune only', async () => {
    rmSync(path.join(dir, 'docs', 'good.md'));
    const keep = await runCli(['ingest', path.join(dir, 'docs'), '--json'], { env: { DATA_DIR: dataDir } });
    expect((JSON.parse(keep.stdout) as { removed: string[] }).removed).toEqual([]);
    const prune = await runCli(['ingest', path.join(dir, 'docs'), '--prune', '--json'], {
      env: { DATA_DIR: dataDir },
    });
    expect((JSON.parse(prune.stdout) as { removed: string[] }).removed).toHaveLength(1);
    const search = await runCli(['search', 'car park', '--json'], { env: { DATA_DIR: dataDir } });
    expect(jsonLines(search.stdout)[0]!.hits).toEqual([]);
  });
});

describe('polydesk configuration errors', () => {
  it('fails at start naming the variable and the fix', async () => {
    const result = await runCli(['search', 'x', '--json'], { env: { PORT: 'abc', GENERATOR: 'gpt5' } });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/PORT/);
    expect(result.stderr).toMatch(/GENERATOR.*extractive/s);
    expect(result.stdout).toBe('');
  });

  it('rejects unknown options with the usage line', async () => {
    const result = await runCli(['search', '--frobnicate'], {
      env: { DATA_DIR: mkdtempSync(path.join(tmpdir(), 'pd-')) },
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/usage: polydesk search/);
  });
});
