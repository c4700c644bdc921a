import type { SearchHit, Turn } from '../core/types.js';

/** What a generator is asked to answer. Sources are already access-checked and ranked best first. */
export interface GenerationRequest {
  readonly question: string;
  /** Language the answer must be written in (BCP-47 primary subtag). */
  readonly language: string;
  readonly sources: readonly SearchHit[];
  readonly history: readonly Turn[];
  /**
   * The earlier question this one continues, when the question alone is elliptic ("And for
   * part-timers?"): its words help find and read the sources, at a lower weight than the question's.
   */
  readonly followUpOf?: string | undefined;
}

export interface GenerateOptions {
  readonly signal?: AbortSignal | undefined;
  /** Called with each new piece of text as it is produced (streaming). */
  readonly onText?: ((delta: string) => void) | undefined;
}

export interface GenerationResult {
  readonly text: string;
  /** 1-based indexes into `request.sources` that the text cites, in first-cited order. */
  readonly cited: readonly number[];
  /** Name of the generator that actually produced the text (a fallback may differ from the configured one). */
  readonly generator: string;
  /** True when the text quotes the sources instead of being written by a model. */
  readonly extractive: boolean;
  /** True when the generator found no answer in the sources. */
  readonly notFound: boolean;
  /** How sure the extractive reader is that the sources answer (0..1); models leave it out. */
  readonly confidence?: number | undefined;
}

/** Writes an answer from sources. The extractive generator is the always-available default. */
export interface Generator {
  readonly name: string;
  generate(request: GenerationRequest, options?: GenerateOptions): Promise<GenerationResult>;
}
