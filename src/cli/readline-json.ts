import { createInterface } from 'node:readline';

/** Reads JSON lines from a stream; a line that is not a JSON object yields an error entry instead. */
export async function* readJsonLines(
  input: NodeJS.ReadableStream,
): AsyncGenerator<{ ok: true; value: Record<string, unknown> } | { ok: false; line: number; error: string }> {
  const rl = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  let n = 0;
  for await (const raw of rl) {
    n += 1;
    const line = raw.trim();
    if (!line) continue;
    try {
      const value: unknown = JSON.parse(line);
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        yield { ok: false, line: n, error: 'expected a JSON object per line' };
      } else {
        yield { ok: true, value: value as Record<string, unknown> };
      }
    } catch {
      yield { ok: false, line: n, error: 'invalid JSON' };
    }
  }
}
