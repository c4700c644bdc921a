import { z } from 'zod';

const UNITS: Readonly<Record<string, number>> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `250ms`, `30s`, `15m`, `1h`, `1d` in milliseconds; undefined when the text is not one of those. */
export function parseDuration(text: string): number | undefined {
  const match = /^(\d{1,7})(ms|s|m|h|d)$/.exec(text.trim());
  if (!match) return undefined;
  return Number(match[1]) * (UNITS[match[2] as string] ?? Number.NaN);
}

/** A duration written as text (`30s`, `15m`), parsed to milliseconds between `min` and `max`. */
export function durationSetting(min: string, max: string) {
  const [low, high] = [parseDuration(min) ?? 0, parseDuration(max) ?? Number.POSITIVE_INFINITY];
  return z
    .string()
    .max(20)
    .transform((text, ctx) => {
      const ms = parseDuration(text);
      if (ms === undefined || ms < low || ms > high) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          message: `must be a duration from ${min} to ${max}, written like 30s, 15m, 1h or 1d`,
        });
        return z.NEVER;
      }
      return ms;
    });
}
