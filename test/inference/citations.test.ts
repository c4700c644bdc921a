import { describe, expect, it } from 'vitest';
import { extractCitations } from '../../src/inference/citations.js';

describe('extractCitations', () => {
  it('finds the markers models write, in first-cited order', () => {
    const text = 'Full-time staff get 20 days [2]. Unused days carry over [1, 3]. Ask HR [2][3].';
    expect(extractCitations(text, 3)).toEqual({ text, cited: [2, 1, 3] });
  });

  it('reads full-width, lenticular and Japanese-comma markers', () => {
    expect(extractCitations('年間20日です［１］。', 2).cited).toEqual([1]);
    expect(extractCitations('全职员工享有20天年假【2】。', 2).cited).toEqual([2]);
    expect(extractCitations('繰り越しは5日までです[1、2]。', 2).cited).toEqual([1, 2]);
    expect(extractCitations('年假20天［2，1］。', 2).cited).toEqual([2, 1]);
  });

  it('expands ranges', () => {
    expect(extractCitations('See the policies [1-3].', 4).cited).toEqual([1, 2, 3]);
  });

  it('removes markers of sources that were not given, with the space before them', () => {
    expect(extractCitations('Leave is 20 days [4]. Ask HR [1].', 3)).toEqual({
      text: 'Leave is 20 days. Ask HR [1].',
      cited: [1],
    });
    expect(extractCitations('Zero is not a source [0].', 3).text).toBe('Zero is not a source.');
    expect(extractCitations('有給休暇は年間20日です　［５］。', 2).text).toBe('有給休暇は年間20日です。');
  });

  it('narrows a marker to the sources that exist, in its own style', () => {
    expect(extractCitations('Twenty days [1, 7].', 2)).toEqual({ text: 'Twenty days [1].', cited: [1] });
    expect(extractCitations('年間20日です［１，４，２］。', 2)).toEqual({
      text: '年間20日です［１，２］。',
      cited: [1, 2],
    });
  });

  it('leaves code, links and numbers that are not citations alone', () => {
    const text =
      'Run `items[0]` then:\n```\nconfig[9] = true\n```\nSee [1](https://intranet.example/leave) and [2024].';
    expect(extractCitations(text, 2)).toEqual({ text, cited: [] });
  });

  it('handles text without citations or sources', () => {
    expect(extractCitations('', 0)).toEqual({ text: '', cited: [] });
    expect(extractCitations('No sources here [1].', 0)).toEqual({ text: 'No sources here.', cited: [] });
  });
});
