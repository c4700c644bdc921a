import { describe, expect, it } from 'vitest';
import { readBounded, retryAfterMs } from '../../src/core/http-limits.js';

class TestError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}
const fail = (message: string, status: number) => new TestError(message, status);

describe('retryAfterMs (shared by the Graph and Confluence clients)', () => {
  it('reads delay-seconds and HTTP dates, and a number too long to mean anything as a wait past any bound', () => {
    expect(retryAfterMs(' 30 ')).toBe(30_000);
    expect(retryAfterMs('Wed, 21 Oct 2015 07:28:30 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT'))).toBe(
      30_000,
    );
    const huge = retryAfterMs('12345678901234567890123');
    expect(Number.isFinite(huge)).toBe(true);
    expect(huge).toBeGreaterThan(365 * 24 * 3_600_000);
    expect(retryAfterMs('-5')).toBeUndefined();
    expect(retryAfterMs('')).toBeUndefined();
  });
});

describe('readBounded', () => {
  const body = (parts: string[]) =>
    new Response(
      new ReadableStream<Uint8Array>({
        start(controller) {
          for (const part of parts) controller.enqueue(new TextEncoder().encode(part));
          controller.close();
        },
      }),
    );

  it('reads a body within the limit whole, and fails with the client’s own error past it', async () => {
    const bytes = await readBounded(body(['ab', 'cd']), 4, 'Test GET h/p', undefined, fail);
    expect(new TextDecoder().decode(bytes)).toBe('abcd');
    await expect(readBounded(body(['ab', 'cde']), 4, 'Test GET h/p', undefined, fail)).rejects.toEqual(
      new TestError('Test GET h/p is larger than the limit of 4 bytes', 413),
    );
  });
});
