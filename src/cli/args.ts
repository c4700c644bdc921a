import { parseArgs } from 'node:util';
import { InputError } from '../core/errors.js';

export type OptionSpec = Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }>;

/** Parses a command's arguments; unknown options are an InputError with the usage line. */
export function parseCommand(
  args: readonly string[],
  options: OptionSpec,
  usage: string,
): { values: Record<string, string | boolean | string[] | undefined>; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({
      args: [...args],
      options,
      allowPositionals: true,
      strict: true,
    });
    return { values: values as Record<string, string | boolean | string[] | undefined>, positionals };
  } catch (error) {
    throw new InputError(`${error instanceof Error ? error.message : String(error)}\nusage: ${usage}`);
  }
}

export function intOption(value: unknown, name: string, min: number, max: number, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new InputError(`${name} must be a whole number from ${min} to ${max}`);
  return n;
}
