import { describe, expect, it } from 'vitest';
import {
  DEFAULT_MIN_SCORE,
  type MatchableAnswer,
  blend,
  buildStandardAnswerIndex,
} from '../../src/helpdesk/standard-answer-matcher.js';
import { questionAsks } from '../../src/helpdesk/question-words.js';
import { createStopTerms } from '../../src/inference/reader-question.js';
import { detectLanguage } from '../../src/inference/language.js';
import { BUILT_IN_CONCEPTS, loadLexicon } from '../../src/rag/lexicon.js';
import { analyze, normalizeText } from '../../src/rag/text-analyzer.js';
import { FakeEmbedder } from '../fakes/fake-embedder.js';

const lexicon = loadLexicon([BUILT_IN_CONCEPTS], { isStopWord: createStopTerms(analyze) });
const options = { lexicon, detectLanguage: (text: string) => detectLanguage(text) };

const answers: MatchableAnswer[] = [
  { id: 'vpn', wordings: ['How do I reset my VPN password?'], createdAt: '2026-01-01' },
  { id: 'leave', wordings: ['有給休暇は何日もらえますか？'], createdAt: '2026-01-02' },
  { id: 'tax', wordings: ['年末調整の書類はいつまでに提出すればいいですか？'], createdAt: '2026-01-03' },
  { id: 'overtime', wordings: ['加班费怎么计算？'], createdAt: '2026-01-04' },
];

async function best(text: string, list = answers) {
  const index = await buildStandardAnswerIndex(list, options);
  return index.best({ text, language: detectLanguage(text) });
}

describe('standard-answer matching by meaning', () => {
  it('gives the standard answer to a question worded differently, in its language or another', async () => {
    for (const question of [
      'I forgot my VPN password, what should I do?',
      'VPNのパスワードを忘れた場合はどうすればいいですか',
      '怎么重置VPN密码？',
    ]) {
      const found = await best(question);
      expect(found?.id, question).toBe('vpn');
      expect(found!.score, question).toBeGreaterThanOrEqual(DEFAULT_MIN_SCORE);
    }
    // Japanese and Chinese have no spaces: words come from the segmenter, not from splitting.
    expect(await best('有休って年に何日？')).toMatchObject({ id: 'leave' });
    expect(await best('How many days of paid leave do I get?')).toMatchObject({ id: 'leave' });
  });

  it('works with a single standard answer (an expert reply just published)', async () => {
    const only = [answers[0]!];
    for (const question of ['VPNのパスワードを忘れた場合はどうすればいいですか', '怎么重置VPN密码？']) {
      expect((await best(question, only))?.score ?? 0, question).toBeGreaterThanOrEqual(DEFAULT_MIN_SCORE);
    }
    expect((await best('Where is the cafeteria?', only))?.score ?? 0).toBeLessThan(DEFAULT_MIN_SCORE);
  });

  it('does not give it to an unrelated question, nor to one asking for another kind of thing on the same subject', async () => {
    expect((await best('Where is the cafeteria menu?'))?.score ?? 0).toBeLessThan(DEFAULT_MIN_SCORE);
    expect((await best('経費精算の締め切りはいつ？'))?.score ?? 0).toBeLessThan(DEFAULT_MIN_SCORE);
    // Where, not by when; when it is paid, not how it is computed.
    const where = await best('年末調整の書類はどこに提出すればいいですか？');
    const when = await best('年末調整の提出期限っていつ？');
    expect(where?.score ?? 0).toBeLessThan(when!.score);
    expect((await best('加班费什么时候发？'))?.score ?? 0).toBeLessThan(DEFAULT_MIN_SCORE);
  });

  it('picks the best of several, and the oldest of equals, whatever the order given', async () => {
    const twins: MatchableAnswer[] = [
      { id: 'b-newer', wordings: ['How do I reset my VPN password?'], createdAt: '2026-02-01' },
      { id: 'a-older', wordings: ['How do I reset my VPN password?'], createdAt: '2026-01-01' },
      { id: 'c-other', wordings: ['How do I reset my laptop?'], createdAt: '2025-01-01' },
    ];
    expect((await best('VPN password reset', twins))?.id).toBe('a-older');
    expect((await best('VPN password reset', [...twins].reverse()))?.id).toBe('a-older');
  });

  it('only considers the answers it is allowed to give', async () => {
    const withSlack: MatchableAnswer[] = [
      ...answers,
      { id: 'slack', wordings: ['How do I reset my Slack password?'], createdAt: '2026-01-05' },
    ];
    const index = await buildStandardAnswerIndex(withSlack, options);
    const question = { text: 'How do I reset my VPN password?', language: 'en' };
    expect((await index.best(question))?.id).toBe('vpn');
    // Without the VPN answer, the next best; with none that shares anything, nothing at all.
    expect((await index.best(question, (id) => id !== 'vpn'))?.id).toBe('slack');
    expect(await index.best(question, (id) => id === 'leave' || id === 'overtime')).toBeUndefined();
  });

  it('blends an encoder in when one is configured', async () => {
    expect(blend(0.4, undefined)).toBe(0.4);
    // Below the floor the cosine adds nothing; at 1 it counts fully.
    expect(blend(0.4, 0.7)).toBeCloseTo(0.2);
    expect(blend(0.4, 1)).toBeCloseTo(0.7);
    const embedder = new FakeEmbedder({
      concepts: [
        ['vpn', 'ヴイピーエヌ'],
        ['password', 'パスワード'],
      ],
    });
    const index = await buildStandardAnswerIndex(answers, { ...options, embedder });
    const found = await index.best({ text: 'VPN password reset', language: 'en' });
    expect(found?.id).toBe('vpn');
    expect(embedder.calls.every((call) => call.kind === 'query')).toBe(true);
  });

  it('reads what a question asks for in many languages', () => {
    const asks = (text: string, language: string) => [...questionAsks(normalizeText(text), language)];
    expect(asks('When is the deadline?', 'en')).toEqual(['when']);
    expect(asks('Wie viele Urlaubstage habe ich?', 'de')).toEqual(['amount']);
    expect(asks('Wie melde ich das?', 'de')).toEqual(['how']);
    expect(asks('Wie is mijn manager?', 'nl')).toEqual(['who']);
    expect(asks('加班费什么时候发？', 'zh')).toEqual(['when']);
    expect(asks('どこに提出しますか', 'ja')).toEqual(['where']);
    expect(asks('Can I use AI tools?', 'en')).toEqual([]);
  });
});
