import type { Runtime } from '../runtime.js';

/** Commands contributed by optional parts (scan, generate, admin). */
export const extraCommands: Record<string, (runtime: Runtime, args: readonly string[]) => Promise<number>> =
  {};
