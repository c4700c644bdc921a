/**
 * Next-token choice from a row of logits: greedy, or temperature / top-k / top-p sampling from a
 * seeded PRNG, with an optional repetition penalty.
 */

/** How the next token is chosen. Greedy unless `temperature` > 0. */
export interface SamplingOptions {
  /** 0 or absent: greedy (argmax). */
  readonly temperature?: number | undefined;
  /** Keep only the k most likely tokens (0 or absent: all). */
  readonly topK?: number | undefined;
  /** Keep the smallest set of tokens whose probability adds up to p (1 or absent: all). */
  readonly topP?: number | undefined;
  /**
   * CTRL-style penalty (> 1 discourages repeats) on tokens already generated. The prompt is not
   * penalised, so that quoting the sources stays cheap.
   */
  readonly repetitionPenalty?: number | undefined;
  /** Seed of the sampling PRNG; the same seed, prompt and model give the same text. */
  readonly seed?: number | undefined;
}

/** Picks the next token id given the logits of the last position and the ids generated so far. */
export type Sampler = (logits: Float32Array, generated: readonly number[]) => number;

/** Mulberry32: a small seeded PRNG returning floats in [0, 1). */
export function createPrng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function argmax(values: Float32Array): number {
  let best = 0;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < values.length; i++) {
    if (values[i]! > max) {
      max = values[i]!;
      best = i;
    }
  }
  return best;
}

/** Probabilities below e^-30 of the top one cannot be drawn in practice; skipping them keeps sorting cheap. */
const NEGLIGIBLE = 30;

export function createSampler(options: SamplingOptions = {}): Sampler {
  const temperature = options.temperature ?? 0;
  const penalty = options.repetitionPenalty ?? 1;
  const topK = options.topK ?? 0;
  const topP = options.topP ?? 1;
  if (temperature < 0 || penalty <= 0 || topK < 0 || topP <= 0 || topP > 1) {
    throw new RangeError(
      'sampling options out of range: temperature >= 0, repetitionPenalty > 0, topK >= 0, 0 < topP <= 1',
    );
  }
  const random = createPrng(options.seed ?? Math.floor(Math.random() * 2 ** 32));

  return (logits, generated) => {
    let scores = logits;
    if (penalty !== 1 && generated.length > 0) {
      scores = Float32Array.from(logits);
      for (const id of new Set(generated)) {
        const v = scores[id];
        if (v !== undefined) scores[id] = v > 0 ? v / penalty : v * penalty;
      }
    }
    if (temperature === 0) return argmax(scores);

    const max = scores[argmax(scores)]!;
    const floor = max - NEGLIGIBLE * temperature;
    const candidates: { id: number; weight: number }[] = [];
    for (let i = 0; i < scores.length; i++) {
      if (scores[i]! >= floor) candidates.push({ id: i, weight: Math.exp((scores[i]! - max) / temperature) });
    }
    candidates.sort((a, b) => b.weight - a.weight);
    let kept = topK > 0 ? candidates.slice(0, topK) : candidates;
    if (topP < 1) {
      const total = kept.reduce((sum, c) => sum + c.weight, 0);
      let cumulative = 0;
      let cut = kept.length;
      for (let i = 0; i < kept.length; i++) {
        cumulative += kept[i]!.weight / total;
        if (cumulative >= topP) {
          cut = i + 1;
          break;
        }
      }
      kept = kept.slice(0, cut);
    }
    const total = kept.reduce((sum, c) => sum + c.weight, 0);
    let r = random() * total;
    for (const c of kept) {
      r -= c.weight;
      if (r < 0) return c.id;
    }
    return kept[kept.length - 1]!.id;
  };
}
