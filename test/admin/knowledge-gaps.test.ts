import { describe, expect, it } from 'vitest';
import { groupKnowledgeGaps } from '../../src/admin/knowledge-gaps.js';
import { analyze } from '../../src/rag/text-analyzer.js';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 1, 9, minute)).toISOString();

describe('knowledge gaps', () => {
  it('groups the same need asked in different words and languages apart from other needs', () => {
    const groups = groupKnowledgeGaps(
      [
        { text: 'How do I book a parking space?', language: 'en', createdAt: at(5) },
        { text: 'how can I book a parking space', language: 'en', createdAt: at(4) },
        { text: 'Where is the parking space booking?', language: 'en', createdAt: at(3) },
        { text: 'Can I bring my dog to the office?', language: 'en', createdAt: at(2) },
        { text: '駐車場の予約方法は？', language: 'ja', createdAt: at(6) },
        { text: '駐車場の予約はどこでできますか', language: 'ja', createdAt: at(1) },
      ],
      analyze,
    );
    expect(groups.map((g) => [g.question, g.count])).toEqual([
      ['How do I book a parking space?', 3],
      ['駐車場の予約方法は？', 2],
      ['Can I bring my dog to the office?', 1],
    ]);
    expect(groups[0]!.variants).toEqual([
      'how can I book a parking space',
      'Where is the parking space booking?',
    ]);
    expect(groups[0]!.lastAsked).toBe(at(5));
  });

  it('returns nothing for no questions', () => {
    expect(groupKnowledgeGaps([], analyze)).toEqual([]);
  });
});
