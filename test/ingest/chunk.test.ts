import { describe, expect, it } from 'vitest';
import { type ChunkDraft, chunkDocument, DEFAULT_CHUNK_OPTIONS } from '../../ingest/chunk.js';
import type { LoadedDocument } from '../../ingest/load-file.js';
import { loadBytes } from '../../ingest/load-file.js';

const JA = Array.from(
  { length: 40 },
  (_, i) =>
    `第${i + 1}条：従業員は入社後六か月で有給休暇を${i + 10}日取得できます。申請は人事ポータルから行ってください！`,
).join('');
const ZH = Array.from(
  { length: 40 },
  (_, i) =>
    `第${i + 1}条：员工入职满一年后可享受${i + 5}天带薪年假，具体安排请与主管协商。如有疑问？请联系人事部。`,
).join('\n');
const TH = Array.from(
  { length: 40 },
  (_, i) => `ข้อ ${i + 1} พนักงานสามารถลาพักร้อนได้ปีละ ${i + 10} วัน โดยต้องแจ้งหัวหน้าล่วงหน้าอย่างน้อยสามวัน`,
).join(' ');
const EN = Array.from(
  { length: 40 },
  (_, i) => `Rule ${i + 1}: employees may take ${i + 10} days of paid leave a year. Ask your manager first.`,
).join(' ');

function doc(sections: LoadedDocument['sections'], faq = false): LoadedDocument {
  return { title: 'Test', sections, faq };
}

/**
 * Places each chunk in the source text in order and returns the characters no chunk covers;
 * fails when a chunk is not a verbatim, in-order piece of the text.
 */
function uncovered(text: string, chunks: readonly ChunkDraft[]): string {
  const covered = new Array<boolean>(text.length).fill(false);
  let previousStart = -1;
  for (const chunk of chunks) {
    const start = text.indexOf(chunk.text, previousStart + 1);
    expect(start, `chunk not found in order: ${chunk.text.slice(0, 40)}`).toBeGreaterThan(previousStart);
    covered.fill(true, start, start + chunk.text.length);
    previousStart = start;
  }
  return covered.map((isCovered, i) => (isCovered ? '' : text[i])).join('');
}

describe('chunkDocument', () => {
  it.each([
    ['Japanese', JA],
    ['Chinese', ZH],
    ['Thai', TH],
    ['English', EN],
  ])('keeps every character of %s text, within the size limit', async (_language, text) => {
    const chunks = await chunkDocument(doc([{ headingPath: ['休暇', '年次'], text }]));
    expect(chunks.length).toBeGreaterThan(1);
    expect(uncovered(text, chunks).trim()).toBe('');
    for (const chunk of chunks) {
      expect(chunk.text.length).toBeLessThanOrEqual(DEFAULT_CHUNK_OPTIONS.maxChars);
      expect(chunk.headingPath).toEqual(['休暇', '年次']);
    }
  });

  it('overlaps neighbouring chunks so a sentence at a cut is found in both', async () => {
    const chunks = await chunkDocument(doc([{ headingPath: [], text: EN }]));
    for (let i = 1; i < chunks.length; i++) {
      const previous = chunks[i - 1]!.text;
      const sentence = chunks[i]!.text.split('. ')[0]!;
      expect(previous).toContain(sentence);
    }
  });

  it('cuts CJK text after sentence punctuation, not before it', async () => {
    const chunks = await chunkDocument(doc([{ headingPath: [], text: JA }]));
    for (const chunk of chunks) {
      expect(chunk.text).not.toMatch(/^[。！？、，]/);
      expect(chunk.text).toMatch(/[。！]$/);
    }
  });

  it('keeps CJK chunks small enough for a 512-token embedding window', async () => {
    const chunks = await chunkDocument(doc([{ headingPath: [], text: ZH }]));
    for (const chunk of chunks)
      expect(chunk.text.length).toBeLessThanOrEqual(DEFAULT_CHUNK_OPTIONS.maxChars / 2 + 40);
  });

  it('respects small limits and never splits a surrogate pair', async () => {
    const cjk = Array.from({ length: 30 }, (_, i) => `𠮷${i}野家😀`).join('');
    const thai = Array.from({ length: 10 }, (_, i) => `ภาษาไทย${i}ไม่มีช่องว่าง`).join('');
    const text = `${cjk}\n${thai}`;
    const options = { maxChars: 40, overlapChars: 8 };
    const chunks = await chunkDocument(doc([{ headingPath: ['x'], text }]), options);
    expect(uncovered(text, chunks)).toBe('\n');
    for (const chunk of chunks) {
      expect(chunk.text.length).toBeLessThanOrEqual(40);
      expect(chunk.text).not.toMatch(/^[\udc00-\udfff]|[\ud800-\udbff]$/);
    }
  });

  it('chunks each section apart, keeping its heading path', async () => {
    const loaded = await loadBytes(
      'guide.md',
      Buffer.from(`# IT\n\nIntro.\n\n## VPN\n\n${EN}\n\n## Wi-Fi\n\nThe network is CorpNet.`),
    );
    const chunks = await chunkDocument(loaded);
    expect(chunks[0]).toEqual({ text: 'Intro.', headingPath: ['IT'] });
    expect(chunks.at(-1)).toEqual({ text: 'The network is CorpNet.', headingPath: ['IT', 'Wi-Fi'] });
    const vpn = chunks.filter((c) => c.headingPath.join('/') === 'IT/VPN');
    expect(vpn.length).toBeGreaterThan(1);
    expect(chunks).toHaveLength(vpn.length + 2);
  });

  it('keeps each FAQ row as one chunk, however long', async () => {
    const longAnswer = `How do I claim?\n${EN}`;
    const chunks = await chunkDocument(
      doc(
        [
          { headingPath: ['How do I claim?'], text: longAnswer },
          { headingPath: ['Wi-Fi?'], text: 'Wi-Fi?\nCorpNet' },
        ],
        true,
      ),
    );
    expect(chunks).toEqual([
      { text: longAnswer, headingPath: ['How do I claim?'] },
      { text: 'Wi-Fi?\nCorpNet', headingPath: ['Wi-Fi?'] },
    ]);
  });

  it('refuses an overlap as large as the chunk', async () => {
    await expect(
      chunkDocument(doc([{ headingPath: [], text: 'x' }]), { maxChars: 10, overlapChars: 10 }),
    ).rejects.toThrow(/overlapChars/);
  });
});
