import { createInterface } from 'node:readline';
import { z } from 'zod';
import { describeError } from '../core/errors.js';
import type { Guard, GuardContext } from './guard.js';

/**
 * Who reads a scanned text when the command is given no context: someone in the group `all` only,
 * so that anything from a confidential or restricted document counts as a leak.
 */
export const ANYONE_CONTEXT: GuardContext = Object.freeze({
  readers: Object.freeze([{ email: 'anyone', groups: Object.freeze(['all']) }]),
  sources: Object.freeze([]),
  language: 'en',
});

const lineSchema = z.object({ id: z.unknown().optional(), text: z.string() }).passthrough();

/**
 * `polydesk scan --json`: reads JSON lines `{"id", "text"}` and writes one line per input,
 * `{"id", "action", "findings": [{"type", "start", "end"}]}`, offsets into the text as given.
 * A line that is not valid gets `{"id"?, "error"}` and the next lines are still processed.
 * Returns the number of lines that failed.
 */
export async function runScanCommand(
  input: NodeJS.ReadableStream,
  output: NodeJS.WritableStream,
  guard: Guard,
  context: GuardContext = ANYONE_CONTEXT,
): Promise<{ readonly scanned: number; readonly failed: number }> {
  let scanned = 0;
  let failed = 0;
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) {
    if (line.trim() === '') continue;
    const result = await scanLine(line, guard, context);
    if ('error' in result) failed++;
    else scanned++;
    if (!output.write(`${JSON.stringify(result)}\n`))
      await new Promise((resolve) => output.once('drain', resolve));
  }
  return { scanned, failed };
}

async function scanLine(line: string, guard: Guard, context: GuardContext): Promise<Record<string, unknown>> {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { error: 'not a JSON object: expected {"id": ..., "text": "..."}' };
  }
  const parsed = lineSchema.safeParse(value);
  const id =
    typeof value === 'object' && value !== null && 'id' in value ? (value as { id: unknown }).id : undefined;
  if (!parsed.success) {
    const withId = id === undefined ? {} : { id };
    return { ...withId, error: 'expected {"id": ..., "text": "..."} with "text" a string' };
  }
  try {
    const verdict = await guard.check(parsed.data.text, context);
    return {
      id,
      action: verdict.action,
      findings: verdict.findings.map((f) => ({ type: f.type, start: f.start, end: f.end })),
    };
  } catch (error) {
    return { ...(id === undefined ? {} : { id }), error: `scan failed: ${describeError(error)}` };
  }
}
