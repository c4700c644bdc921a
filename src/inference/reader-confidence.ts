/**
 * How sure the extractive reader is that the sources answer: a logistic score over the evidence it
 * found, and the threshold below which it says "not found".
 */

/** What the reader found, as far as its confidence is concerned. */
export interface ReadingEvidence {
  /** Share of the question's weight that the best unit and its headings hold. */
  readonly evidence: number;
  /** Whether the best unit holds an expression of the expected type (undefined: none expected or can't tell). */
  readonly typeMatch: boolean | undefined;
  /** Share of the question's weight in words the knowledge base never uses. */
  readonly unknownShare: number;
  /** Second-best unit's score relative to the best (0..1). */
  readonly runnerUp: number;
  /** Share of the question's weight that the best unit's whole source (all its units and headings) holds. */
  readonly sourceEvidence: number;
}

/**
 * The confidence at which 5 % of XQuAD's answerable questions (seven languages, one article in six
 * left out) get "not found": answerable questions are not traded away silently. Measured with
 * `node --import tsx bench/calibrate-reader.ts`; docs/quality.md shows the trade-off.
 */
export const DEFAULT_MIN_CONFIDENCE = 0.22;

/** The reader's evidence as {@link confidence} weighs it (numbers, so that they can be fitted). */
export type ConfidenceFeatures = Record<Exclude<keyof typeof CONFIDENCE, 'bias'>, number>;

export function confidenceFeatures(reading: ReadingEvidence): ConfidenceFeatures {
  return {
    evidence: reading.evidence,
    sourceEvidence: reading.sourceEvidence,
    unknownShare: reading.unknownShare,
    runnerUp: reading.runnerUp,
    typeMatch: reading.typeMatch === true ? 1 : 0,
    typeMismatch: reading.typeMatch === false ? 1 : 0,
  };
}

/**
 * How sure the reader is that the sources answer (a logistic score, 0..1), fitted on XQuAD in seven
 * languages with one article in six left out of the knowledge base (their questions are the "not
 * answerable" class), classes weighted equally: `node --import tsx bench/calibrate-reader.ts --fit`.
 * The features are correlated (evidence in the best unit, in its whole source, the share of words the
 * knowledge base never uses, the runner-up's margin, the answer type), so a
 * single coefficient's sign says little on its own; the fit as a whole is what was measured.
 */
export function confidence(reading: ReadingEvidence): number {
  const features = confidenceFeatures(reading);
  let z = CONFIDENCE.bias;
  for (const name of Object.keys(features) as (keyof ConfidenceFeatures)[])
    z += CONFIDENCE[name] * features[name];
  return 1 / (1 + Math.exp(-z));
}

/** Coefficients of {@link confidence} (see there how they were fitted). */
export const CONFIDENCE = {
  bias: -5.77,
  evidence: 5.04,
  sourceEvidence: 8.59,
  unknownShare: -1.37,
  runnerUp: 0.91,
  typeMatch: -0.13,
  typeMismatch: -1.21,
} as const;
