import { describe, expect, it } from 'vitest';
import type { Principal, SearchHit } from '../../src/core/types.js';
import { createCanaryScanner } from '../../src/guardrails/canary-scanner.js';
import type { GuardContext } from '../../src/guardrails/guard.js';
import { createLeakageIndex } from '../../src/guardrails/leakage-index.js';
import { createLeakageScanner } from '../../src/guardrails/leakage-scanner.js';
import { normalizeForScan } from '../../src/guardrails/normalize.js';
import type { RawFinding, Scanner } from '../../src/guardrails/scanner.js';

const employee: Principal = { email: 'emp@example.com', groups: ['all'] };
const hrPerson: Principal = { email: 'hr@example.com', groups: ['all', 'hr'] };
const context = (readers: Principal[], sources: SearchHit[] = []): GuardContext => ({
  readers,
  sources,
  language: 'en',
});

function spans(scanner: Scanner, text: string, ctx: GuardContext): [string, string, string?][] {
  const n = normalizeForScan(text);
  return (scanner.scan(n.text, ctx) as readonly RawFinding[]).map((f) => {
    const span = n.toOriginal(f.start, f.end);
    return f.docId
      ? [f.type, text.slice(span.start, span.end), f.docId]
      : [f.type, text.slice(span.start, span.end)];
  });
}

describe('canary scanner', () => {
  let canaries = ['Project Bluefin', 'オペレーション青嵐'];
  const scanner = createCanaryScanner(() => canaries);

  it('finds canaries in any case, width, spacing or with invisible characters inside', () => {
    const ctx = context([employee]);
    expect(spans(scanner, 'the project bluefin launch', ctx)).toEqual([['canary', 'project bluefin']]);
    expect(spans(scanner, 'ＰＲＯＪＥＣＴ　ＢＬＵＥＦＩＮ', ctx)).toEqual([
      ['canary', 'ＰＲＯＪＥＣＴ　ＢＬＵＥＦＩＮ'],
    ]);
    expect(spans(scanner, 'Project Blue\u200bfin', ctx)).toEqual([['canary', 'Project Blue\u200bfin']]);
    expect(spans(scanner, 'オペレーション青嵐の進捗', ctx)).toEqual([['canary', 'オペレーション青嵐']]);
    expect(spans(scanner, 'bluefin tuna', ctx)).toEqual([]);
  });

  it('reads the current list on every scan', () => {
    canaries = ['Tuna-42'];
    expect(spans(scanner, 'see TUNA-42 and Project Bluefin', context([employee]))).toEqual([
      ['canary', 'TUNA-42'],
    ]);
  });
});

describe('leakage scanner', () => {
  const salary =
    '2026年度の給与改定では、等級G5以上の管理職の基本給を一律3.5%引き上げる。一方で、業績評価がCの社員については賞与の支給係数を0.6に据え置く。';
  const plan =
    'The sales organisation will be merged into three regional units on 1 July. The Osaka branch will close and its 42 staff will be offered transfers to Tokyo.';
  const index = createLeakageIndex([
    { docId: 'salary', text: salary, audience: ['hr'], classification: 'confidential' },
    { docId: 'plan', text: plan, audience: ['all'], classification: 'restricted' },
    {
      docId: 'faq',
      text: 'The help desk is open from 9:00 to 18:00 on weekdays, including public holidays.',
      audience: ['all'],
      classification: 'public',
    },
  ]);
  const scanner = createLeakageScanner(() => index);

  it('flags a reproduced restricted passage with its document, whatever the spacing, case or width', () => {
    const answer = 'In short: THE OSAKA BRANCH WILL CLOSE, and its 42 staff\n> will be offered transfers.';
    const found = spans(scanner, answer, context([employee]));
    expect(found).toHaveLength(1);
    expect(found[0]![0]).toBe('leakage');
    expect(found[0]![2]).toBe('plan');
    expect(found[0]![1]).toContain('OSAKA BRANCH WILL CLOSE');
    const ja = '資料によると、等級Ｇ５以上の管理職の基本給を一律３．５％引き上げるとのことです。';
    expect(spans(scanner, ja, context([employee])).map((f) => f[2])).toEqual(['salary']);
  });

  it('does not flag what every reader may see, or a short phrase', () => {
    const ja = '等級G5以上の管理職の基本給を一律3.5%引き上げる';
    expect(spans(scanner, ja, context([hrPerson]))).toEqual([]); // HR may read it
    expect(spans(scanner, ja, context([hrPerson, employee]))).toHaveLength(1); // a channel with a non-HR member
    expect(spans(scanner, 'The Osaka branch will close soon, says the news.', context([employee]))).toEqual(
      [],
    );
    expect(
      spans(
        scanner,
        'The help desk is open from 9:00 to 18:00 on weekdays, including public holidays.',
        context([employee]),
      ),
    ).toEqual([]);
  });

  it('does not count text that also appears in a source every reader may see', () => {
    const shared = 'The sales organisation will be merged into three regional units on 1 July.';
    const source: SearchHit = {
      docId: 'news',
      source: 'news.md',
      title: 'News',
      chunkId: 'news#0',
      score: 1,
      text: `Announcement: ${shared}`,
      language: 'en',
      headingPath: [],
      classification: 'public',
      audience: ['all'],
    };
    expect(spans(scanner, shared, context([employee]))).toHaveLength(1);
    expect(spans(scanner, shared, context([employee], [source]))).toEqual([]);
  });

  it('forgets a removed document', () => {
    const own = createLeakageIndex([
      { docId: 'plan', text: plan, audience: ['all'], classification: 'restricted' },
    ]);
    const s = createLeakageScanner(() => own);
    expect(spans(s, plan, context([employee]))).toHaveLength(1);
    own.removeDocument('plan');
    expect(own.size).toBe(0);
    expect(spans(s, plan, context([employee]))).toEqual([]);
  });
});
