import { describe, expect, it } from 'vitest';
import { chunkDocument } from '../../ingest/chunk.js';
import { joinOverlapping, sectionsOf } from '../../src/answer/summary-documents.js';

describe('sectionsOf', () => {
  it("rebuilds a section from ingest's overlapping chunks, the repeated text taken once", async () => {
    const sentences = Array.from(
      { length: 60 },
      (_, i) => `Sentence number ${i + 1} explains step ${i + 1} of the long procedure in some detail.`,
    );
    const text = sentences.join(' ');
    const chunks = await chunkDocument(
      { title: 'Procedure', sections: [{ headingPath: ['Procedure'], text }], faq: false },
      { maxChars: 1000, overlapChars: 150 },
    );
    expect(chunks.length).toBeGreaterThan(3);
    const sections = sectionsOf(
      chunks.map((c, i) => ({ id: `c${i}`, text: c.text, headingPath: c.headingPath })),
    );
    expect(sections).toHaveLength(1);
    expect(sections[0]!.text).toBe(text);
    expect(sections[0]!.chunkIds).toEqual(chunks.map((_, i) => `c${i}`));
  });

  it('keeps sections under different headings apart, in order', () => {
    const sections = sectionsOf([
      { id: 'a', text: 'Intro text.', headingPath: ['Guide'] },
      { id: 'b', text: 'Install it from the portal.', headingPath: ['Guide', 'Install'] },
      { id: 'c', text: 'Sign in with your account.', headingPath: ['Guide', 'Sign in'] },
    ]);
    expect(sections.map((s) => s.headingPath.at(-1))).toEqual(['Guide', 'Install', 'Sign in']);
  });

  it('joins chunks that do not overlap with a line break', () => {
    expect(joinOverlapping('First part ends here.', 'Second part starts here.')).toBe(
      'First part ends here.\nSecond part starts here.',
    );
  });
});
