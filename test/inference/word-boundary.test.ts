import { describe, expect, it } from 'vitest';
import { wholeWords, wordPattern } from '../../src/inference/word-boundary.js';

const matches = (pattern: RegExp, text: string) =>
  [...text.matchAll(pattern)].map((m) => `${m.index}:${m[0]}`);

describe('word edges in any script', () => {
  it('finds a word between letters of any script, never inside one', () => {
    const edge = wordPattern(String.raw`\b(?:ça|kaç)\b`, 'g');
    expect(matches(edge, 'ça va, kaç? garçaon kaçak')).toEqual(['0:ça', '7:kaç']);
  });

  it('wholeWords matches exactly what \\b(?:…)\\b matches, for words that begin and end with letters', () => {
    const words = 'May|March|двадцать|tausend|millionen?|Sept?(?:ember)?';
    const slow = wordPattern(String.raw`\b(?:${words})\b`, 'gu');
    const fast = wordPattern(wholeWords(words), 'gu');
    for (const text of [
      'May 3, March-April; Mayor and ÄMay; двадцать-двадцатьодин; tausendundeins tausend.',
      'Sept. September Septembers 1millionen millionen2 (million) millione',
      'no match here at all',
    ]) {
      expect(matches(fast, text), text).toEqual(matches(slow, text));
    }
    expect(matches(fast, 'May Mayor ÄMay')).toEqual(['0:May']);
  });
});
