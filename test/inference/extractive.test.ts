import { describe, expect, it } from 'vitest';
import { t } from '../../src/core/i18n.js';
import type { SearchHit } from '../../src/core/types.js';
import { createExtractiveGenerator } from '../../src/inference/extractive-generator.js';
import { DEFAULT_MIN_CONFIDENCE } from '../../src/inference/reader-confidence.js';
import type { GenerationRequest } from '../../src/inference/generator.js';
import { analyze, analyzeWords } from '../../src/rag/text-analyzer.js';
import { searchHit } from '../helpers/search-hit.js';

const hit = searchHit;

const LEAVE_JA = hit(
  'leave-ja',
  'ja',
  `# 年次有給休暇
## 有給休暇は何日もらえますか？
フルタイムの社員には、年間20日の有給休暇が付与されます。勤続1年ごとに1日ずつ加算され、上限は年間25日です。
## 申請方法
人事ポータルから、休暇初日の5営業日前までに申請してください。上長が2営業日以内に承認します。`,
);

const VPN_EN = hit(
  'vpn',
  'en',
  `# VPN
Install the GlobalProtect client from the Software Center. Sign in with your company e-mail and your SSO password.
If the VPN disconnects every few minutes, restart the client and check your Wi-Fi.`,
);

const LEAVE_ES = hit(
  'vacaciones',
  'es',
  `# Vacaciones
El personal a tiempo completo tiene 20 días de vacaciones pagadas al año. Las vacaciones se solicitan en el portal de personas con cinco días hábiles de antelación.
Los días no usados se pueden trasladar al año siguiente, hasta un máximo de cinco.`,
);

const LEAVE_ZH = hit(
  'leave-zh',
  'zh',
  '全职员工每年享有20天带薪年假。未休完的年假最多可结转5天到下一年。请在休假前5个工作日通过人事系统申请。',
);

// Thai marks no full stops: one line holds several sentences, separated only by spaces.
const LEAVE_TH = hit(
  'leave-th',
  'th',
  'พนักงานประจำเต็มเวลาได้รับวันลาพักร้อน 20 วันต่อปี ได้รับเพิ่มหนึ่งวันต่ออายุงานครบแต่ละปีสูงสุดไม่เกิน 25 วัน กรุณายื่นคำขอลาผ่านระบบฝ่ายบุคคลล่วงหน้าอย่างน้อยห้าวันทำการ หัวหน้างานจะอนุมัติภายในสองวันทำการ',
);

const generator = createExtractiveGenerator({ tokenize: analyze });

function ask(question: string, language: string, sources: readonly SearchHit[]): GenerationRequest {
  return { question, language, sources, history: [] };
}

/** The quoted lines of an answer, without the quote marker and citation. */
function quotes(text: string): Array<{ quote: string; n: number }> {
  return text
    .split('\n')
    .filter((line) => line.startsWith('> '))
    .map((line) => {
      const match = /^> (.*) \[(\d+)\]$/u.exec(line);
      if (!match) throw new Error(`not a quote line: ${line}`);
      return { quote: match[1]!, n: Number(match[2]) };
    });
}

function expectVerbatim(text: string, sources: readonly SearchHit[]): void {
  const lines = quotes(text);
  expect(lines.length).toBeGreaterThan(0);
  for (const { quote, n } of lines) expect(sources[n - 1]!.text).toContain(quote);
}

describe('extractive generator', () => {
  it('answers a Japanese leave question from a Japanese policy, in Japanese', async () => {
    const sources = [VPN_EN, LEAVE_JA];
    const result = await generator.generate(ask('有給休暇は何日もらえますか？', 'ja', sources));
    expect(result).toMatchObject({ generator: 'extractive', extractive: true, notFound: false, cited: [2] });
    expect(result.text.startsWith(`${t('ja', 'extractive.intro')}\n\n`)).toBe(true);
    expect(result.text).toContain('> フルタイムの社員には、年間20日の有給休暇が付与されます。 [2]');
    expect(result.text).not.toContain('##'); // headings announce, they are not quoted
    expectVerbatim(result.text, sources);
  });

  it('answers in English, Spanish and Chinese with the matching sentences', async () => {
    const en = await generator.generate(ask('How do I sign in to the VPN?', 'en', [VPN_EN]));
    expect(en.text).toContain(t('en', 'extractive.intro'));
    expect(en.text).toContain('Sign in with your company e-mail and your SSO password. [1]');
    expectVerbatim(en.text, [VPN_EN]);

    const es = await generator.generate(ask('¿Cuántos días de vacaciones tengo?', 'es', [LEAVE_ES]));
    expect(es.text).toContain(t('es', 'extractive.intro'));
    expect(es.text).toContain('20 días de vacaciones pagadas al año');
    expectVerbatim(es.text, [LEAVE_ES]);

    const zh = await generator.generate(ask('年假有多少天？', 'zh', [LEAVE_ZH]));
    expect(zh.text).toContain(t('zh', 'extractive.intro'));
    expect(zh.text).toContain('> 全职员工每年享有20天带薪年假。 [1]');
    expectVerbatim(zh.text, [LEAVE_ZH]);
  });

  it('quotes a clause of a Thai paragraph, not the whole paragraph', async () => {
    const result = await generator.generate(ask('ลาพักร้อนได้กี่วัน', 'th', [LEAVE_TH]));
    expect(result.notFound).toBe(false);
    const lines = quotes(result.text);
    expect(lines.some(({ quote }) => quote.includes('20 วันต่อปี'))).toBe(true);
    for (const { quote } of lines) expect(quote.length).toBeLessThan(LEAVE_TH.text.length / 2);
    expectVerbatim(result.text, [LEAVE_TH]);
  });

  it('keeps the document order within a source and cites sources in rank order', async () => {
    const other = hit('leave-faq', 'en', 'Unused days of paid leave expire on 31 March of the next year.');
    const leave = hit(
      'leave',
      'en',
      'Full-time employees get 20 days of paid leave per year. Part-time employees get paid leave in proportion to their hours.',
    );
    const sources = [leave, other];
    const result = await generator.generate(ask('How many days of paid leave do I get?', 'en', sources));
    const lines = quotes(result.text);
    expect(lines.map(({ n }) => n)).toEqual([...lines.map(({ n }) => n)].sort());
    expect(result.cited).toEqual([...new Set(lines.map(({ n }) => n))]);
    const fromFirst = lines.filter(({ n }) => n === 1).map(({ quote }) => leave.text.indexOf(quote));
    expect(fromFirst).toEqual([...fromFirst].sort((a, b) => a - b));
    expectVerbatim(result.text, sources);
  });

  it('quotes the answer of an FAQ entry, not its question', async () => {
    const faq = hit(
      'faq',
      'en',
      'Can I carry over unused annual leave?\nYes, up to 5 unused days carry over into the next year.\nWho approves expenses?\nYour manager approves them in the expense tool.',
    );
    const result = await generator.generate(ask('Can I carry over unused leave?', 'en', [faq]));
    expect(result.text).toContain('> Yes, up to 5 unused days carry over into the next year. [1]');
    expect(result.text).not.toContain('> Can I carry over');
  });

  it('respects the limits on sentences and sources', async () => {
    const many = Array.from({ length: 5 }, (_, i) =>
      hit(`vpn-${i}`, 'en', `Office ${i} uses the VPN gateway vpn${i}.example.com for remote access.`),
    );
    const result = await generator.generate(ask('Which VPN gateway do I use?', 'en', many));
    expect(quotes(result.text).length).toBeLessThanOrEqual(3);
    expect(result.cited.length).toBeLessThanOrEqual(3);

    // One fact, one short paragraph: the answer and the sentence that finishes it, nothing more.
    const single = await generator.generate(ask('有給休暇は何日もらえますか？', 'ja', [LEAVE_JA]));
    expect(quotes(single.text).length).toBeLessThanOrEqual(2);
    expect(single.text).not.toContain('人事ポータル');
    expect(single.text).toContain('年間20日');
  });

  it('says it found nothing, in the asker language, when no sentence matches', async () => {
    const ja = await generator.generate(ask('社員食堂のメニューを教えてください', 'ja', [VPN_EN, LEAVE_ES]));
    expect(ja).toMatchObject({
      text: t('ja', 'notFound'),
      cited: [],
      generator: 'extractive',
      extractive: true,
      notFound: true,
    });
    expect(ja.confidence).toBeLessThan(DEFAULT_MIN_CONFIDENCE);
    const empty = await generator.generate(ask('How many days of paid leave do I get?', 'en', []));
    expect(empty).toMatchObject({ text: t('en', 'notFound'), notFound: true, cited: [] });
  });

  it('does not count words like "how" or "the" as a match', async () => {
    const result = await generator.generate(ask('How do I do the thing?', 'en', [VPN_EN]));
    expect(result.notFound).toBe(true);
    const chat = await generator.generate(ask('What is the parking policy for bicycles?', 'en', [VPN_EN]));
    expect(chat.notFound).toBe(true);
  });

  it('gives the table under the heading a topic-only question names, not the sentence that mentions it', async () => {
    const bands = {
      ...hit(
        'bands',
        'en',
        'Salary bands are used for offers and the annual review.\nLevel | Tokyo (JPY) | Madrid (EUR)\nL1 | 4,200,000 – 5,400,000 | 28,000 – 34,000\nL2 | 5,400,000 – 7,000,000 | 34,000 – 43,000',
      ),
      headingPath: ['Salary bands 2026'],
    };
    const reader = createExtractiveGenerator({ tokenize: analyze, words: analyzeWords });
    const result = await reader.generate(ask('salary bands', 'en', [bands]));
    expect(quotes(result.text)).toHaveLength(3);
    expect(result.text).toContain('L2 | 5,400,000 – 7,000,000');
    expect(result.text).not.toContain('annual review');
  });

  it('keeps two lists apart when a label stands between them, and reads a short question as a question', async () => {
    const reader = createExtractiveGenerator({ tokenize: analyze, words: analyzeWords });
    const steps = hit(
      'leave-steps',
      'en',
      'To request leave as a full-time employee:\n- Open the HR portal.\n- Choose the days.\nTo request leave as a contractor:\n- E-mail your agency.\n- Copy your manager.',
    );
    const result = await reader.generate(ask('How do I request leave as a contractor?', 'en', [steps]));
    expect(result.text).toContain('E-mail your agency.');
    expect(result.text).not.toContain('Open the HR portal.');

    const bands = {
      ...hit(
        'bands',
        'en',
        'Remote work is allowed two days a week.\n- Monday | Tuesday | Office\n- Friday | Home | Home',
      ),
      headingPath: ['Remote work'],
    };
    const question = await reader.generate(ask('Is remote work allowed?', 'en', [bands]));
    expect(quotes(question.text)[0]?.quote).toBe('Remote work is allowed two days a week.');
    expect(question.text).not.toContain('Friday');
  });

  it('does not answer from a source that shares only a common word with the question', async () => {
    const office = hit(
      'office',
      'en',
      'The Lisbon office opens at 8:00. Visitors sign in at the office reception. The office has two meeting rooms.',
    );
    // As the product reads (each word once, whatever its forms): "office" and its stem are one word.
    const reader = createExtractiveGenerator({ tokenize: analyze, words: analyzeWords });
    const result = await reader.generate(ask('Is there a gym at the office?', 'en', [office]));
    expect(result.notFound).toBe(true);
    const related = await generator.generate(ask('When does the Lisbon office open?', 'en', [office]));
    expect(related.text).toContain('> The Lisbon office opens at 8:00. [1]');
  });

  it('streams the answer in pieces that add up to the text', async () => {
    const pieces: string[] = [];
    const result = await generator.generate(ask('有給休暇は何日もらえますか？', 'ja', [LEAVE_JA]), {
      onText: (delta) => pieces.push(delta),
    });
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.join('')).toBe(result.text);
  });

  it('stops with an AbortError when cancelled', async () => {
    const request = ask('有給休暇は何日もらえますか？', 'ja', [LEAVE_JA]);
    const aborted = AbortSignal.abort();
    await expect(generator.generate(request, { signal: aborted })).rejects.toMatchObject({
      name: 'AbortError',
    });

    const controller = new AbortController();
    const pieces: string[] = [];
    const stream = generator.generate(request, {
      signal: controller.signal,
      onText: (delta) => {
        pieces.push(delta);
        controller.abort();
      },
    });
    await expect(stream).rejects.toBeInstanceOf(DOMException);
    expect(pieces).toHaveLength(1);
  });
});
