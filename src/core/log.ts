/**
 * Structured logging. A logger is a function over events; it writes JSON lines to stderr.
 * Never pass question text, answer text, document text or secrets as fields unless
 * `debug` content logging was explicitly enabled by the operator.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export type LogFields = Readonly<
  Record<string, string | number | boolean | null | undefined | readonly string[]>
>;

export type Logger = (level: LogLevel, event: string, fields?: LogFields) => void;

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export function createLogger(options: {
  readonly level?: LogLevel;
  readonly write?: (line: string) => void;
}): Logger {
  const min = ORDER[options.level ?? 'info'];
  const write = options.write ?? ((line: string) => process.stderr.write(line + '\n'));
  return (level, event, fields) => {
    if (ORDER[level] < min) return;
    write(JSON.stringify({ time: new Date().toISOString(), level, event, ...fields }));
  };
}

/** A logger that drops everything, for tests and library defaults. */
export const silentLogger: Logger = () => {};
