import { describe, expect, it } from 'vitest';
import { createSampler } from '../../src/inference/sampling.js';

const logits = Float32Array.from([1, 3, 2.5, -1, 0]);

describe('sampling', () => {
  it('is greedy by default', () => {
    expect(createSampler()(logits, [])).toBe(1);
  });

  it('penalises repeats of generated tokens', () => {
    expect(createSampler({ repetitionPenalty: 1.5 })(logits, [1])).toBe(2);
  });

  it('is reproducible with a seed and follows the distribution', () => {
    const draw = (seed: number) => {
      const sample = createSampler({ temperature: 1, seed });
      return Array.from({ length: 2000 }, () => sample(logits, []));
    };
    expect(draw(7)).toEqual(draw(7));
    const counts = new Map<number, number>();
    for (const id of draw(7)) counts.set(id, (counts.get(id) ?? 0) + 1);
    // softmax([1, 3, 2.5, -1, 0]) ≈ [0.08, 0.55, 0.33, 0.01, 0.03]
    expect(counts.get(1)! / 2000).toBeGreaterThan(0.48);
    expect(counts.get(1)! / 2000).toBeLessThan(0.62);
    expect(counts.get(2)! / 2000).toBeGreaterThan(0.27);
  });

  it('restricts draws to the top k and to the top-p nucleus', () => {
    const topK = createSampler({ temperature: 2, topK: 2, seed: 1 });
    const topP = createSampler({ temperature: 1, topP: 0.5, seed: 1 });
    for (let i = 0; i < 300; i++) {
      expect([1, 2]).toContain(topK(logits, []));
      expect(topP(logits, [])).toBe(1);
    }
  });

  it('rejects options out of range', () => {
    expect(() => createSampler({ topP: 0 })).toThrow(RangeError);
    expect(() => createSampler({ temperature: -1 })).toThrow(RangeError);
  });
});
