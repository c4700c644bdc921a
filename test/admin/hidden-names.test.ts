import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncPaths } from '../../ingest/sync.js';
import { adminCommand } from '../../src/cli/admin-command.js';
import { type AdminServer, USERS, startAdminServer } from './admin-harness.js';

/** Bidi overrides and isolates, zero-width and other invisible characters. */
const HIDDEN = /[\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\u2060\ufeff]/;

let s: AdminServer;
let token = '';

beforeAll(async () => {
  s = await startAdminServer();
  await adminCommand(s.runtime, ['token', USERS.publisher], {
    readStdin: async () => '',
    out: (t) => (token += t.trim()),
    err: () => {},
  });
});
afterAll(async () => {
  await s?.close();
});

async function documents(): Promise<{ title: string; source: string }[]> {
  const res = await fetch(`${s.url}/admin/api/documents?limit=50`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return ((await res.json()) as { documents: { title: string; source: string }[] }).documents;
}

describe('file names and titles with hidden characters', () => {
  it('strips bidi overrides from uploaded file names and the titles made from them', async () => {
    const form = new FormData();
    form.append('files', new Blob(['Pay the attached invoice by Friday.\n']), 'invoice\u202egpj.md');
    form.append(
      'files',
      new Blob(['---\ntitle: "Pay\u200b roll \u2066notice\u2069"\n---\nSalaries are paid on the 25th.\n']),
      'payroll.md',
    );
    const res = await fetch(`${s.url}/admin/api/documents`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
    expect(res.status).toBe(200);
    const { results } = (await res.json()) as { results: { file: string; status: string }[] };
    expect(results).toEqual([
      expect.objectContaining({ file: 'invoicegpj.md', status: 'added' }),
      expect.objectContaining({ file: 'payroll.md', status: 'added' }),
    ]);
    const docs = await documents();
    const invoice = docs.find((d) => d.source.includes('invoice'))!;
    expect(invoice.title).toBe('invoicegpj');
    expect(invoice.source).not.toMatch(HIDDEN);
    expect(docs.find((d) => d.source.includes('payroll'))!.title).toBe('Pay roll notice');
  });

  it('strips them from the sources and titles of ingested files', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'polydesk-hidden-'));
    try {
      writeFileSync(path.join(dir, 'receipt\u202efdp.md'), 'Keep receipts for seven years.\n');
      writeFileSync(path.join(dir, 'travel.md'), '# Travel\u202e policy\n\nBook trains.\n');
      const report = await syncPaths(s.runtime.ingestDeps, { paths: [dir], maxBytes: 1024 * 1024, cwd: dir });
      expect(report.added.sort()).toEqual(['receiptfdp.md', 'travel.md']);
      const docs = await documents();
      expect(docs.find((d) => d.source === 'receiptfdp.md')?.title).toBe('receiptfdp');
      expect(docs.find((d) => d.source === 'travel.md')?.title).toBe('Travel policy');
      for (const doc of docs) expect(`${doc.title} ${doc.source}`).not.toMatch(HIDDEN);
      // A second run sees the same names: nothing is added twice.
      const again = await syncPaths(s.runtime.ingestDeps, { paths: [dir], maxBytes: 1024 * 1024, cwd: dir });
      expect(again.unchanged.sort()).toEqual(['receiptfdp.md', 'travel.md']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
