import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { MAX_ENCODER_WEIGHT } from './reader.js';
import { CONFIDENCE, type Coefficients } from './reader-confidence.js';

/**
 * A confidence for the extractive reader fitted with a sentence encoder (ANSWER_CALIBRATION_FILE):
 * the shipped coefficients were fitted without one, so an encoder's similarities, whose scale differs
 * from model to model, take part in deciding "not found" only through a calibration fitted with that
 * very model: `node --import tsx bench/calibrate-reader.ts --encoder DIR --fit --write FILE`.
 */
export interface ReaderCalibration {
  /** The encoder it was fitted with (the embedder's modelId). */
  readonly modelId: string;
  readonly coefficients: Coefficients;
  /** The threshold that goes with the coefficients. */
  readonly minConfidence: number;
  /**
   * The encoder weight to choose quotes with, unless ANSWER_ENCODER_WEIGHT says otherwise (the
   * coefficients do not depend on it: whether the sources answer is decided before the encoder
   * reranks).
   */
  readonly encoderWeight: number;
  /** Where the fit came from, for the operator (not used). */
  readonly fitted?: { readonly at?: string; readonly questions?: number; readonly command?: string };
}

export const CALIBRATION_FORMAT = 'polydesk-reader-calibration/1';

const coefficient = z.number().finite().min(-1000).max(1000);
const schema = z
  .object({
    format: z.literal(CALIBRATION_FORMAT),
    modelId: z.string().min(1).max(1000),
    minConfidence: z.number().min(0).max(1),
    encoderWeight: z.number().min(0).max(MAX_ENCODER_WEIGHT),
    coefficients: z
      .object(
        Object.fromEntries(Object.keys(CONFIDENCE).map((name) => [name, coefficient])) as Record<
          keyof typeof CONFIDENCE,
          typeof coefficient
        >,
      )
      .strict(),
    fitted: z
      .object({
        at: z.string().max(100).optional(),
        questions: z.number().int().min(0).optional(),
        command: z.string().max(2000).optional(),
      })
      .optional(),
  })
  .strict();

/** Reads and checks a calibration file; every problem is reported at once, naming the field. */
export function loadReaderCalibration(file: string): ReaderCalibration {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`ANSWER_CALIBRATION_FILE ${file}: ${(error as Error).message}`);
  }
  return parseReaderCalibration(json, `ANSWER_CALIBRATION_FILE ${file}`);
}

export function parseReaderCalibration(json: unknown, where: string): ReaderCalibration {
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join('.') || '(file)'}: ${issue.message}`,
    );
    throw new Error(
      `${where} is not a reader calibration (${problems.join('; ')}); write one with bench/calibrate-reader.ts --encoder DIR --fit --write FILE`,
    );
  }
  const { format: _format, ...calibration } = parsed.data;
  return calibration;
}
