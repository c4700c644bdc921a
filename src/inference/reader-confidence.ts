/**
 * How sure the extractive reader is that the sources answer: a logistic score over the evidence it
 * found, and the threshold below which it says "not found".
 */

/** What the reader found, as far as its confidence is concerned. */
export interface ReadingEvidence {
  /** Share of the question's weight that the best unit and its headings hold. */
  readonly evidence: number;
  /** The same share of the weight of the question's words that the knowledge base uses. */
  readonly knownEvidence: number;
  /** Whether the best unit holds an expression of the expected type (undefined: none expected or can't tell). */
  readonly typeMatch: boolean | undefined;
  /** Share of the question's weight in words the knowledge base never uses. */
  readonly unknownShare: number;
  /** Share of the question's weight in its heaviest such word. */
  readonly rarestUnknown: number;
  /** Second-best unit's score relative to the best (0..1). */
  readonly runnerUp: number;
  /** Share of the question's weight that the best unit's whole source (all its units and headings) holds. */
  readonly sourceEvidence: number;
  /** The same share of the weight of the words the knowledge base uses. */
  readonly sourceKnownEvidence: number;
  /** The question's own meaningful words. */
  readonly ownWords: number;
  /** Share of the retrieved sources that come from the best unit's document (retrieval's agreement). */
  readonly sameDocument: number;
  /** With a sentence encoder: the highest cosine similarity of a unit to the question (the model's own scale). */
  readonly semanticBest: number;
  /**
   * With a sentence encoder: where the encoder places the best unit among the others, 1 when it ranks
   * it first, 0 at or below the median unit.
   */
  readonly semanticAgreement: number;
}

/**
 * The confidence at which 5 % of XQuAD's answerable questions (seven languages, one article in six
 * left out) get "not found": answerable questions are not traded away silently. Measured with
 * `node --import tsx bench/calibrate-reader.ts`; docs/quality.md shows the trade-off.
 */
export const DEFAULT_MIN_CONFIDENCE = 0.223;

/** The reader's evidence as {@link confidence} weighs it (numbers, so that they can be fitted). */
export type ConfidenceFeatures = Record<Exclude<keyof typeof CONFIDENCE, 'bias'>, number>;

export function confidenceFeatures(reading: ReadingEvidence): ConfidenceFeatures {
  return {
    evidence: reading.evidence,
    knownEvidence: reading.knownEvidence,
    sourceEvidence: reading.sourceEvidence,
    sourceKnownEvidence: reading.sourceKnownEvidence,
    unknownShare: reading.unknownShare,
    rarestUnknown: reading.rarestUnknown,
    runnerUp: reading.runnerUp,
    longQuestion: Math.log1p(reading.ownWords),
    sameDocument: reading.sameDocument,
    typeMatch: reading.typeMatch === true ? 1 : 0,
    typeMismatch: reading.typeMatch === false ? 1 : 0,
    semanticBest: reading.semanticBest,
    semanticAgreement: reading.semanticAgreement,
  };
}

/**
 * How sure the reader is that the sources answer (a logistic score, 0..1), fitted on XQuAD in seven
 * languages with one article in six left out of the knowledge base (their questions are the "not
 * answerable" class) and on the employee development questions (test/corpus/employee-questions dev and
 * tune, first turns, each counting five XQuAD questions: everyday questions over a small knowledge
 * base), classes weighted equally:
 * `node --import tsx bench/calibrate-reader.ts --employee dev,tune --employee-weight 5 --fit`.
 * The features are correlated (evidence in the best unit and in its whole source, against all the
 * question's words and against those the knowledge base knows, the share and the heaviest of the words
 * it never uses, the runner-up's margin, the answer type, the question's length, how many retrieved
 * sources come from the best unit's document), so a single coefficient's sign says little on its own;
 * the fit as a whole is what was measured.
 */
export function confidence(reading: ReadingEvidence, coefficients: Coefficients = CONFIDENCE): number {
  const features = confidenceFeatures(reading);
  let z = coefficients.bias;
  for (const name of Object.keys(features) as (keyof ConfidenceFeatures)[])
    z += coefficients[name] * features[name];
  return 1 / (1 + Math.exp(-z));
}

/** A set of coefficients for {@link confidence}. */
export type Coefficients = { readonly [name in keyof typeof CONFIDENCE]: number };

/** Coefficients of {@link confidence} (see there how they were fitted). */
export const CONFIDENCE = {
  bias: -6.24,
  evidence: 6.38,
  knownEvidence: -2.25,
  sourceEvidence: 8.33,
  sourceKnownEvidence: 0.32,
  unknownShare: 0.5,
  rarestUnknown: -0.81,
  runnerUp: 0.33,
  typeMatch: 0.11,
  typeMismatch: -0.86,
  longQuestion: 0.14,
  sameDocument: 3.67,
  // Fitted without an encoder: its features weigh nothing until a calibration fitted with the
  // deployment's encoder says how much (reader-calibration.ts).
  semanticBest: 0,
  semanticAgreement: 0,
} as const;
