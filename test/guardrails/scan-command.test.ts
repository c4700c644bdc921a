import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createGuardrail } from '../../src/guardrails/guardrail.js';
import { createLeakageIndex } from '../../src/guardrails/leakage-index.js';
import { runScanCommand } from '../../src/guardrails/scan-command.js';

async function scan(lines: string[], guard = createGuardrail({})) {
  const input = new PassThrough();
  const output = new PassThrough();
  const chunks: string[] = [];
  output.on('data', (c: Buffer) => chunks.push(c.toString('utf8')));
  input.end(lines.join('\n') + '\n');
  const summary = await runScanCommand(input, output, guard);
  return {
    summary,
    results: chunks
      .join('')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

describe('scan --json', () => {
  it('writes one verdict per line with offsets into the text as given', async () => {
    const text = 'ｐａｓｓｗｏｒｄ：Ｓａｋｕｒａ＃２０２４ 😀 SSN: 123-45-6789';
    const { results, summary } = await scan([
      JSON.stringify({ id: 1, text: 'The office opens at 9:00 on 2026-04-01.' }),
      JSON.stringify({ id: 'b', text }),
    ]);
    expect(summary).toEqual({ scanned: 2, failed: 0 });
    expect(results[0]).toEqual({ id: 1, action: 'allow', findings: [] });
    expect(results[1]!.action).toBe('hold');
    const findings = results[1]!.findings as { type: string; start: number; end: number }[];
    expect(findings.map((f) => [f.type, text.slice(f.start, f.end)])).toEqual([
      ['password', 'Ｓａｋｕｒａ＃２０２４'],
      ['ssn', '123-45-6789'],
    ]);
  });

  it('answers a bad line with an error and keeps going', async () => {
    const { results, summary } = await scan([
      '{not json',
      JSON.stringify({ id: 7, text: 42 }),
      '',
      JSON.stringify({ id: 8, text: 'fine' }),
    ]);
    expect(summary).toEqual({ scanned: 1, failed: 2 });
    expect(results).toHaveLength(3);
    expect(results[0]).toHaveProperty('error');
    expect(results[0]).not.toHaveProperty('id');
    expect(results[1]).toMatchObject({ id: 7 });
    expect(results[1]).toHaveProperty('error');
    expect(results[2]).toEqual({ id: 8, action: 'allow', findings: [] });
  });

  it('treats the reader as someone who may see no restricted document', async () => {
    const plan =
      'The Osaka branch will close and its 42 staff will be offered transfers to Tokyo or severance.';
    const index = createLeakageIndex([
      { docId: 'plan', text: plan, audience: ['exec'], classification: 'restricted' },
    ]);
    const { results } = await scan(
      [JSON.stringify({ id: 1, text: plan })],
      createGuardrail({ leakage: () => index }),
    );
    expect(results[0]).toMatchObject({ id: 1, action: 'hold', findings: [{ type: 'leakage', start: 0 }] });
  });
});
