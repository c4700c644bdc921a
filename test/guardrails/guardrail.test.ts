import { describe, expect, it } from 'vitest';
import type { Principal, SearchHit } from '../../src/core/types.js';
import type { GuardContext } from '../../src/guardrails/guard.js';
import { createGuardrail } from '../../src/guardrails/guardrail.js';
import { createLeakageIndex } from '../../src/guardrails/leakage-index.js';
import { parsePolicy } from '../../src/guardrails/policy.js';

const employee: Principal = { email: 'emp@example.com', groups: ['all'] };
const hit = (text: string, overrides: Partial<SearchHit> = {}): SearchHit => ({
  docId: 'faq',
  source: 'faq.md',
  title: 'FAQ',
  chunkId: 'faq#0',
  score: 1,
  text,
  language: 'en',
  headingPath: [],
  classification: 'internal',
  audience: ['all'],
  ...overrides,
});
const context = (overrides: Partial<GuardContext> = {}): GuardContext => ({
  readers: [employee],
  sources: [],
  language: 'en',
  ...overrides,
});

describe('guardrail', () => {
  const guard = createGuardrail({ canaries: () => ['Project Bluefin'] });

  it('allows an ordinary answer full of dates, amounts and order numbers unchanged', async () => {
    const text =
      'Order ORD-2026-0815-3342 was refunded (¥12,800) on 2026-03-17 at 14:30; see room 12-304. [1]';
    expect(await guard.check(text, context())).toEqual({ action: 'allow', findings: [], text });
  });

  it('holds an answer with a credential, pointing at the original characters, and shows nothing', async () => {
    const text =
      'ログイン情報：ＡＫＩＡ２Ｅ３ＲＺ７ＱＰＬＭ４ＸＷＶＢＮ\u200b、パスワード：Ｓａｋｕｒａ＃２０２４';
    const verdict = await guard.check(text, context({ language: 'ja' }));
    expect(verdict.action).toBe('hold');
    expect(verdict.text).toBe('');
    const shown = verdict.findings.map((f) => [f.type, text.slice(f.start, f.end)]);
    expect(shown).toEqual([
      ['secret', 'ＡＫＩＡ２Ｅ３ＲＺ７ＱＰＬＭ４ＸＷＶＢＮ'],
      ['password', 'Ｓａｋｕｒａ＃２０２４'],
    ]);
  });

  it("allows the help desk's own contact details when a source every reader may see has them", async () => {
    const faq = hit('Contact the IT help desk at helpdesk@example.com or 03-1234-5678.');
    const text = 'Write to helpdesk@example.com or call +81 3-1234-5678.';
    expect((await guard.check(text, context({ sources: [faq] }))).action).toBe('allow');
    const verdict = await guard.check('Write to taro.yamada@example.com.', context({ sources: [faq] }));
    expect(verdict.action).toBe('hold');
    expect(verdict.findings.map((f) => f.type)).toEqual(['email']);
    const hidden = hit(faq.text, { audience: ['it'], classification: 'confidential' });
    expect((await guard.check(text, context({ sources: [hidden] }))).action).toBe('hold');
  });

  it('redacts with typed masks in the asker language and lets the strongest action win', async () => {
    const policy = parsePolicy({ actions: { email: 'redact', phone: 'redact', canary: 'block' } });
    const redacting = createGuardrail({ policy, canaries: () => ['Project Bluefin'] });
    const text = '担当は taro@example.co.jp（090-1234-5678）です。';
    const verdict = await redacting.check(text, context({ language: 'ja' }));
    expect(verdict.action).toBe('redact');
    expect(verdict.text).toBe('担当は [個人情報を削除]（[個人情報を削除]）です。');
    expect(verdict.findings.map((f) => f.type)).toEqual(['email', 'phone']);

    const mixed = await redacting.check(
      'Mail taro@example.com about project bluefin. Card 4111 1111 1111 1111.',
      context(),
    );
    expect(mixed.action).toBe('block');
    expect(mixed.findings.map((f) => f.type)).toEqual(['email', 'canary', 'credit_card']);
  });

  it('holds a reproduced restricted passage and names the document', async () => {
    const index = createLeakageIndex([
      {
        docId: 'merger',
        text: '董事会已原则同意以每股18.5元的价格收购华东物流公司全部股份，交易预计在第四季度完成。',
        audience: ['exec'],
        classification: 'restricted',
      },
    ]);
    const leaking = createGuardrail({ leakage: () => index });
    const verdict = await leaking.check(
      '据悉，董事会已原则同意以每股18.5元的价格收购华东物流公司全部股份。',
      context({ language: 'zh' }),
    );
    expect(verdict.action).toBe('hold');
    expect(verdict.findings).toMatchObject([{ type: 'leakage', docId: 'merger' }]);
  });

  it('reports one finding per span when several rules match the same token', async () => {
    const jwt =
      'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IlRhcm8ifQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';
    const verdict = await guard.check(`session token: ${jwt}`, context());
    expect(verdict.findings.map((f) => f.type)).toEqual(['jwt']);
  });
});
