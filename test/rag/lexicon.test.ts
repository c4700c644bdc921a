import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ChunkWithDoc, Principal } from '../../src/core/types.js';
import { createLexicalRetriever } from '../../src/rag/lexical-retriever.js';
import { Bm25Index } from '../../src/rag/bm25-index.js';
import { loadConfig } from '../../src/config.js';
import { ConfigError } from '../../src/core/errors.js';
import { silentLogger } from '../../src/core/log.js';
import { createStopTerms } from '../../src/inference/reader-question.js';
import { createRuntime } from '../../src/runtime.js';
import {
  EXPANSION_WEIGHT,
  MAX_MATCHED_CHARS,
  createLexicon,
  loadLexicon,
  loadPrebuiltLexicon,
  writePrebuiltTables,
} from '../../src/rag/lexicon.js';
import { analyze, normalizeText } from '../../src/rag/text-analyzer.js';

// Written for these tests; the shipped concepts live in src/rag/lexicon/concepts.json.
const lexicon = createLexicon([
  {
    id: 'wellness',
    terms: [
      ['en', 'gym'],
      ['en', 'gym membership'],
      ['en', 'wellness allowance'],
      ['en', 'sports club'],
      ['ja', 'ジム'],
      ['ja', '福利厚生'],
      ['zh', '健身'],
      ['zh', '健康补贴'],
    ],
  },
  {
    id: 'reimbursement',
    terms: [
      ['en', 'reimbursement'],
      ['en', 'chip in'],
      ['en', 'pay back'],
      ['de', 'Erstattung'],
      ['de', 'zurückbekommen'],
    ],
  },
]);

const matched = (text: string, language: string) =>
  lexicon
    .matches(normalizeText(text), language)
    .map((m) => [m.concept, normalizeText(text).slice(m.start, m.end)]);

describe('concept lexicon', () => {
  it('finds concepts by word forms in spaced scripts and by substring in unspaced ones', () => {
    expect(matched('Does the company chip in for my gym membership?', 'en')).toEqual([
      ['wellness', 'gym membership'],
      ['reimbursement', 'chip in'],
    ]);
    // Stems: "reimbursed" is the same word as "reimbursement" to the English stemmer.
    expect(matched('When is my hotel reimbursed?', 'en')).toEqual([['reimbursement', 'reimbursed']]);
    expect(matched('会社のジムは使えますか？', 'ja')).toEqual([['wellness', 'ジム']]);
    expect(matched('办健身卡公司给报吗', 'zh')).toEqual([['wellness', '健身']]);
    expect(matched('Wann bekomme ich die Kosten zurück?', 'de')).toEqual([]);
  });

  it('only looks in the question language, and a traditional-Chinese key joins zh', () => {
    expect(matched('gym', 'de')).toEqual([]);
    const tw = createLexicon([
      {
        id: 'x',
        terms: [
          ['zh-TW', '健身房'],
          ['zh', '健身'],
        ],
      },
    ]);
    expect(tw.matches(normalizeText('健身房'), 'zh').map((m) => m.concept)).toEqual(['x']);
  });

  it("offers the concept's other terms", () => {
    const [wellness] = lexicon.matches(normalizeText('gym membership fee'), 'en');
    expect(wellness?.alternatives.map((t) => t.text)).toEqual(['gym', 'wellness allowance', 'sports club']);
  });

  it('expands a query with the other terms at a lower weight, never repeating its own', () => {
    const extra = lexicon.expansion('Is there a gym allowance?', 'en');
    expect(extra.get('wellness')).toBe(EXPANSION_WEIGHT);
    expect(extra.has('gym')).toBe(false);
    expect(extra.has('allowance')).toBe(false);
    expect(lexicon.expansion('How do I reset my password?', 'en').size).toBe(0);
  });

  it('lets a weighted search find the document that uses the other word', () => {
    const index = new Bm25Index();
    index.addText('benefits', 'The wellness allowance is USD 500 per calendar year.', 'en');
    index.addText('vpn', 'Install the VPN client and sign in with your company account.', 'en');
    const question = 'Anything for my gym?';
    const terms = new Map(analyze(question, 'en').map((t) => [t, 1]));
    expect(index.searchWeighted(terms, 2)).toEqual([]);
    for (const [term, weight] of lexicon.expansion(question, 'en')) terms.set(term, weight);
    expect(index.searchWeighted(terms, 2).map((hit) => hit.id)).toEqual(['benefits']);
  });

  it('ignores a concept named only by function words, and finds a short unspaced term only as a whole word', () => {
    const isStopWord = createStopTerms(analyze);
    const concepts = [
      {
        id: 'cost',
        terms: [
          ['en', 'how much'],
          ['en', 'fee'],
        ] as [string, string][],
      },
      {
        id: 'fever',
        terms: [
          ['ja', '熱'],
          ['ja', '発熱'],
        ] as [string, string][],
      },
      {
        id: 'screen',
        terms: [
          ['th', 'จอ'],
          ['th', 'หน้าจอ'],
        ] as [string, string][],
      },
    ];
    const strict = createLexicon(concepts, { isStopWord });
    const names = (lexicon: typeof strict, text: string, language: string) =>
      lexicon.matches(normalizeText(text), language).map((m) => m.concept);
    expect(names(createLexicon(concepts), 'How much is it?', 'en')).toEqual(['cost']);
    expect(names(strict, 'How much is it?', 'en')).toEqual([]);
    expect(names(strict, 'What is the fee?', 'en')).toEqual(['cost']);
    expect(names(strict, '熱が出ました', 'ja')).toEqual(['fever']);
    expect(names(strict, 'จอดรถที่ไหน', 'th')).toEqual([]); // จอด "park" holds จอ "screen"
  });

  it('adds no function word and no lone Han character to a search, and shares the cap among concepts', () => {
    const isStopWord = createStopTerms(analyze);
    const leave = createLexicon(
      [
        {
          id: 'sick',
          terms: [
            ['en', 'sick leave'],
            ['en', 'off sick for a day'],
            ['ja', '病欠'],
            ['ja', '病 休'],
          ],
        },
      ],
      { isStopWord },
    );
    const en = [...leave.expansion('Is there sick leave?', 'en').keys()];
    expect(en.length).toBeGreaterThan(0);
    expect(en.filter((term) => isStopWord(term, 'en'))).toEqual([]);
    expect([...leave.expansion('病欠の連絡', 'ja').keys()]).toEqual([]); // 病 and 休 alone say nothing
    const broad = createLexicon([
      { id: 'broad', terms: Array.from({ length: 80 }, (_, i): [string, string] => ['en', `broad${i}`]) },
      {
        id: 'narrow',
        terms: [
          ['en', 'narrow'],
          ['en', 'slim'],
          ['en', 'thin'],
        ],
      },
    ]);
    const extra = broad.expansion('broad0 or narrow?', 'en');
    expect(extra.size).toBe(48);
    expect(extra.has('slim') && extra.has('thin')).toBe(true);
  });

  it('matches only the beginning of a very long question, so that its cost stays bounded', () => {
    const question = `Does the company chip in for my gym? ${'and also '.repeat(20_000)}a gym membership`;
    expect(question.length).toBeGreaterThan(100_000);
    expect(lexicon.expansion(question, 'en')).toEqual(
      lexicon.expansion(question.slice(0, MAX_MATCHED_CHARS), 'en'),
    );
    expect(lexicon.matches(normalizeText(question), 'en').every((m) => m.end <= MAX_MATCHED_CHARS)).toBe(
      true,
    );
  });

  it('rejects a concept file that is not one, saying where', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'polydesk-lexicon-'));
    const write = (name: string, content: string) => {
      const file = path.join(dir, name);
      writeFileSync(file, content);
      return file;
    };
    expect(() => loadLexicon([write('a.json', '{')])).toThrow(/a\.json: cannot read it as JSON/);
    expect(() => loadLexicon([write('b.json', '{"version":2,"concepts":[]}')])).toThrow(
      /unsupported version/,
    );
    expect(() =>
      loadLexicon([write('c.json', '{"version":1,"concepts":[{"id":"x","terms":{"english":["a"]}}]}')]),
    ).toThrow(/"english" is not a language code/);
    expect(() =>
      loadLexicon([write('d.json', '{"version":1,"concepts":[{"id":"x","terms":{"en":[""]}}]}')]),
    ).toThrow(/non-empty strings/);
    // A later file adds words to a concept of the same id.
    const merged = loadLexicon([
      write('e.json', '{"version":1,"concepts":[{"id":"badge","terms":{"en":["badge"]}}]}'),
      write('f.json', '{"version":1,"concepts":[{"id":"badge","terms":{"en":["lanyard card"]}}]}'),
    ]);
    expect(merged.size).toBe(1);
    expect(merged.matches('my lanyard card', 'en')[0]?.alternatives.map((t) => t.text)).toEqual(['badge']);
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('the lexicon in the configuration', () => {
  it('is on by default, off with LEXICON=off or 0, and refuses a file that is turned off', () => {
    expect(loadConfig({}).lexicon.enabled).toBe(true);
    expect(loadConfig({ LEXICON: 'off' }).lexicon.enabled).toBe(false);
    expect(loadConfig({ LEXICON: '0' }).lexicon.enabled).toBe(false);
    expect(() => loadConfig({ LEXICON: 'off', LEXICON_FILE: 'mine.json' })).toThrow(ConfigError);
  });

  it('stops start-up with a configuration error naming the file when it is not a concept file', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'polydesk-lexicon-'));
    try {
      const file = path.join(dir, 'mine.json');
      writeFileSync(file, '{"version":1,"concepts":[{"id":"x","terms":{"en":[1]}}]}');
      const config = loadConfig({
        DATA_DIR: path.join(dir, 'data'),
        POLYDESK_SAMPLES: '0',
        LEXICON_FILE: file,
      });
      const failure = await createRuntime(config, silentLogger).then(
        async (runtime) => {
          await runtime.close();
          return undefined;
        },
        (error: unknown) => error,
      );
      expect(failure).toBeInstanceOf(ConfigError);
      expect(String(failure)).toMatch(/mine\.json.*non-empty strings/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('lexical retrieval with the concept lexicon', () => {
  const chunks = new Map<string, ChunkWithDoc>(
    [
      [
        'benefits',
        'Benefits',
        'The wellness allowance is USD 500 per calendar year, for sports clubs and fitness classes.',
      ],
      [
        'vpn',
        'VPN',
        'Install the VPN client from the Software Center and sign in with your company account.',
      ],
      [
        'rooms',
        'Meeting rooms',
        'Book a room in the calendar; rooms are released after 10 minutes without check-in.',
      ],
    ].map(([id, title, text]): [string, ChunkWithDoc] => [
      id!,
      {
        id: id!,
        docId: id!,
        ordinal: 0,
        source: `${id}.md`,
        title: title!,
        text: text!,
        language: 'en',
        headingPath: [],
        classification: 'internal',
        audience: ['all'],
      },
    ]),
  );
  const index = new Bm25Index();
  for (const chunk of chunks.values()) index.addText(chunk.id, `${chunk.title}\n${chunk.text}`, 'en');
  const retriever = (expand: boolean) =>
    createLexicalRetriever({
      index,
      getChunks: async (ids) => new Map(ids.flatMap((id) => (chunks.has(id) ? [[id, chunks.get(id)!]] : []))),
      expand: expand ? (text, language) => lexicon.expansion(text, language ?? 'und') : undefined,
    });
  const readers: Principal[] = [{ email: 'someone@example.com', groups: ['all'] }];

  it('finds the page that names the concept in other words, and only with the lexicon', async () => {
    const query = { text: 'Will they chip in on my gym?', readers, k: 3, language: 'en' };
    expect((await retriever(false).retrieve(query)).map((hit) => hit.docId)).not.toContain('benefits');
    expect((await retriever(true).retrieve(query))[0]?.docId).toBe('benefits');
  });

  it('leaves a question the lexicon knows nothing about as it was', async () => {
    const query = { text: 'How do I sign in to the VPN?', readers, k: 3, language: 'en' };
    expect(await retriever(true).retrieve(query)).toEqual(await retriever(false).retrieve(query));
  });
});

describe('the built-in lexicon filed at build time', () => {
  it('expands every employee question as the lexicon filed at start does, in every language', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'polydesk-lexicon-tables-'));
    try {
      writePrebuiltTables(dir);
      const isStopWord = createStopTerms(analyze);
      const prebuilt = loadPrebuiltLexicon(dir, { isStopWord });
      const filedAtStart = loadLexicon(undefined, { isStopWord });
      expect(prebuilt.size).toBe(filedAtStart.size);
      const questions = employeeQuestions();
      expect(questions.length).toBeGreaterThan(200);
      let expanded = 0;
      for (const { text, language } of questions) {
        const want = filedAtStart.expansion(text, language);
        expect(prebuilt.expansion(text, language), `${language}: ${text}`).toEqual(want);
        if (want.size > 0) expanded += 1;
      }
      expect(expanded).toBeGreaterThan(questions.length / 3);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** The first turns of the employee question sets' development files (not the held-out one). */
function employeeQuestions(): { text: string; language: string }[] {
  const dir = path.resolve(import.meta.dirname, '..', 'corpus', 'employee-questions');
  const out: { text: string; language: string }[] = [];
  for (const file of ['dev.json', 'tune.json']) {
    const data = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as unknown;
    const items = (Array.isArray(data) ? data : ((data as { items?: unknown[] }).items ?? [])) as {
      language?: string;
      lang?: string;
      turns?: { question?: string; text?: string }[];
      question?: string;
    }[];
    for (const item of items) {
      const language = item.language ?? item.lang ?? 'en';
      for (const turn of item.turns ?? [item]) {
        const text = turn.question ?? (turn as { text?: string }).text;
        if (text) out.push({ text, language });
      }
    }
  }
  return out;
}
