/** Parse a JSON column, tolerating NULL. */
export function parseJson<T>(value: string | null | undefined, fallback: T): T {
  if (value === null || value === undefined || value === '') return fallback;
  return JSON.parse(value) as T;
}

export function nowIso(): string {
  return new Date().toISOString();
}
