/**
 * A held answer's text as the review page lays it out (review-pages.ts answerBlocks): quoted lines
 * as quotes without their `> ` markers, paragraphs at blank lines, `[n]` markers and findings as
 * pieces of their own, whatever the language. The browser test shows it rendered (admin-browser).
 */
import { describe, expect, it } from 'vitest';
import type { AnswerPart } from '../../src/answer/review-service.js';
import { type AnswerBlock, answerBlocks } from '../../src/admin/review-pages.js';

const plain = (text: string): AnswerPart => ({ text, types: [], masked: false });

/** Each block as text, with findings in ‹…› and markers in {…}, to compare at a glance. */
const shown = (blocks: readonly AnswerBlock[]) =>
  blocks.map((b) => ({
    quote: b.quote,
    paragraphs: b.paragraphs.map((spans) =>
      spans.map((s) => (s.types.length ? `‹${s.text}›` : s.cite ? `{${s.text}}` : s.text)).join(''),
    ),
  }));

describe('answerBlocks', () => {
  it('turns quoted lines into one quote, a paragraph each, without their markers', () => {
    const blocks = answerBlocks([
      plain('זה מה שמצאתי במסמכים שלנו:\n\n> רשת האורחים נקראת Guest-5G. [1]\n> סיסמה: '),
      { text: '[hidden password]', types: ['password'], masked: true },
      plain(' והיא מתחלפת בכל חודש. [2]'),
    ]);
    expect(shown(blocks)).toEqual([
      { quote: false, paragraphs: ['זה מה שמצאתי במסמכים שלנו:'] },
      {
        quote: true,
        paragraphs: [
          'רשת האורחים נקראת Guest-5G. {[1]}',
          'סיסמה: ‹[hidden password]› והיא מתחלפת בכל חודש. {[2]}',
        ],
      },
    ]);
  });

  it('splits paragraphs at blank lines, keeps single line breaks, and starts a new quote after other text', () => {
    const blocks = answerBlocks([
      plain('First line\nsecond line\n\n> one\n\n> two\nAfter the quote: 3 > 2 and <b>x</b>'),
    ]);
    expect(shown(blocks)).toEqual([
      { quote: false, paragraphs: ['First line\nsecond line'] },
      { quote: true, paragraphs: ['one'] },
      { quote: true, paragraphs: ['two'] },
      { quote: false, paragraphs: ['After the quote: 3 > 2 and <b>x</b>'] },
    ]);
  });

  it('leaves a marker that is part of a finding where it is', () => {
    const blocks = answerBlocks([{ text: '> [1] secret', types: ['password'], masked: false }]);
    expect(shown(blocks)).toEqual([{ quote: false, paragraphs: ['‹> [1] secret›'] }]);
  });
});
