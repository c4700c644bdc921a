/** Error codes of PolyDesk. Expected outcomes (held answer, empty retrieval) are values, not errors. */
export type ErrorCode =
  | 'CONFIG_INVALID'
  | 'INPUT_INVALID'
  | 'INGEST_FILE_FAILED'
  | 'MODEL_LOAD_FAILED'
  | 'GENERATOR_UNAVAILABLE'
  | 'EMBEDDER_UNAVAILABLE'
  | 'GENERATOR_BUSY'
  | 'INDEX_CORRUPT'
  | 'STORE_FAILED'
  | 'NOT_FOUND'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'PLATFORM_API_FAILED';

export class PolyDeskError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PolyDeskError';
    this.code = code;
  }
}

export class ConfigError extends PolyDeskError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('CONFIG_INVALID', message, options);
    this.name = 'ConfigError';
  }
}

export class InputError extends PolyDeskError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('INPUT_INVALID', message, options);
    this.name = 'InputError';
  }
}

export class IngestError extends PolyDeskError {
  readonly file: string;
  constructor(file: string, message: string, options?: { cause?: unknown }) {
    super('INGEST_FILE_FAILED', message, options);
    this.name = 'IngestError';
    this.file = file;
  }
}

export class ModelLoadError extends PolyDeskError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('MODEL_LOAD_FAILED', message, options);
    this.name = 'ModelLoadError';
  }
}

export class GeneratorUnavailableError extends PolyDeskError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('GENERATOR_UNAVAILABLE', message, options);
    this.name = 'GeneratorUnavailableError';
  }
}

export class GeneratorBusyError extends PolyDeskError {
  constructor(message = 'the generator queue is full', options?: { cause?: unknown }) {
    super('GENERATOR_BUSY', message, options);
    this.name = 'GeneratorBusyError';
  }
}

export class IndexCorruptError extends PolyDeskError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('INDEX_CORRUPT', message, options);
    this.name = 'IndexCorruptError';
  }
}

/** Short, log-safe description of any thrown value (no stack, no payloads). */
export function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}
