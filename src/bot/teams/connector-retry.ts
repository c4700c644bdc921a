/**
 * Retries for Bot Connector calls. The SDK's HTTP pipeline already retries 5xx/408 answers and
 * network errors with exponential backoff, and 429/503 answers that carry Retry-After; a 429
 * without Retry-After (which Teams sends when a bot posts too fast) it gives up on at once.
 */
export interface ConnectorRetry {
  /** Retries after the SDK's own, for throttling (429) only. */
  readonly retries: number;
  /** First wait; doubled per attempt, with ±20 % jitter, capped at `maxMs`. */
  readonly baseMs: number;
  readonly maxMs: number;
}

export const DEFAULT_CONNECTOR_RETRY: ConnectorRetry = Object.freeze({
  retries: 4,
  baseMs: 1_000,
  maxMs: 16_000,
});

/** Runs `task`, waiting and retrying while the Bot Connector answers 429. */
export async function withConnectorRetry<T>(
  task: () => Promise<T>,
  retry: ConnectorRetry,
  signal?: AbortSignal,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await task();
    } catch (error) {
      if (attempt >= retry.retries || connectorStatus(error) !== 429 || signal?.aborted) throw error;
      const wait = Math.min(retry.maxMs, retry.baseMs * 2 ** attempt) * (0.8 + Math.random() * 0.4);
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}

/** HTTP status of a failed Bot Connector call (the SDK's RestError), if any. */
export function connectorStatus(error: unknown): number | undefined {
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' ? status : undefined;
}

/** Short, log-safe description of a Bot Connector failure: status and Teams error code, no payload. */
export function describeConnectorError(error: unknown): string {
  const status = connectorStatus(error);
  const code = (error as { code?: unknown } | null)?.code;
  if (status !== undefined) return `HTTP ${status}${typeof code === 'string' ? ` ${code}` : ''}`;
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
