import type { Config } from '../config.js';
import type { Logger } from '../core/log.js';
import type { ExtractiveGeneratorOptions } from '../inference/extractive-generator.js';
import { loadReaderCalibration } from '../inference/reader-calibration.js';
import { createUnitEncoder } from '../inference/unit-encoder.js';
import type { Embedder } from '../rag/embedder.js';

/** How much the encoder's ranking counts in choosing the quote when ANSWER_ENCODER_WEIGHT is not set. */
export const DEFAULT_ENCODER_WEIGHT = 0.3;

/**
 * The sentence encoder as the extractive reader uses it, with its calibration; undefined without an
 * embedder or with ANSWER_ENCODER=off. A calibration fitted with another model is refused: its
 * coefficients mean nothing for this one.
 */
export function readerEncoder(
  config: Config,
  embedder: Embedder | undefined,
  logger: Logger,
): ExtractiveGeneratorOptions['encoder'] {
  if (!embedder || !config.answerEncoder.enabled) return undefined;
  const calibration = config.answerEncoder.calibrationFile
    ? loadReaderCalibration(config.answerEncoder.calibrationFile)
    : undefined;
  if (calibration && calibration.modelId !== embedder.modelId)
    throw new Error(
      `ANSWER_CALIBRATION_FILE was fitted with the encoder ${calibration.modelId}, but EMBEDDING_MODEL_DIR holds ${embedder.modelId}: fit it again with bench/calibrate-reader.ts --encoder DIR --fit --write FILE`,
    );
  const weight = config.answerEncoder.weight ?? calibration?.encoderWeight ?? DEFAULT_ENCODER_WEIGHT;
  logger('info', 'reader.encoder', {
    model: embedder.modelId,
    weight,
    calibrated: calibration !== undefined,
  });
  if (calibration && config.answerMinConfidence !== undefined)
    logger('warn', 'reader.min_confidence_replaced', {
      hint: "ANSWER_MIN_CONFIDENCE applies to questions read without the encoder; with it, ANSWER_CALIBRATION_FILE's threshold decides",
      threshold: calibration.minConfidence,
    });
  return {
    encoder: createUnitEncoder({
      embedder,
      onError: (error) => logger('warn', 'reader.encoder_failed', { error: (error as Error).message }),
    }),
    weight,
    calibration,
  };
}
