import type { GenerateOptions, GenerationResult, Generator } from '../../src/inference/generator.js';
import { createExtractiveGenerator } from '../../src/inference/extractive-generator.js';
import { analyze } from '../../src/rag/text-analyzer.js';

/** A generator that stops inside each call until the test opens the gate. */
export interface GatedGenerator extends Generator {
  /** Resolves when a call has reached the gate. */
  readonly reached: Promise<void>;
  open(): void;
}

/**
 * The extractive generator behind a gate: `beforeGate` runs on its answer first (say, streams half of
 * it), then the call waits for `open()`, then `afterGate` runs and the answer is returned.
 */
export function gatedGenerator(
  steps: {
    beforeGate?: (result: GenerationResult, options: GenerateOptions | undefined) => void;
    afterGate?: (result: GenerationResult, options: GenerateOptions | undefined) => void;
    /** Whether the inner generator streams into the caller's options itself (default true). */
    passOptions?: boolean;
  } = {},
): GatedGenerator {
  const inner = createExtractiveGenerator({ tokenize: analyze });
  let reach!: () => void;
  let open!: () => void;
  const reached = new Promise<void>((resolve) => {
    reach = resolve;
  });
  const gate = new Promise<void>((resolve) => {
    open = resolve;
  });
  return {
    name: inner.name,
    reached,
    open,
    async generate(request, options) {
      const result = await inner.generate(request, steps.passOptions === false ? undefined : options);
      steps.beforeGate?.(result, options);
      reach();
      await gate;
      steps.afterGate?.(result, options);
      return result;
    },
  };
}
