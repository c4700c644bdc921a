import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import type { Logger } from '../../core/log.js';

/**
 * Bolt's and the Web API client's logger, writing through PolyDesk's. Their debug output (which
 * includes request bodies, i.e. questions and answers) is dropped; other lines keep only text
 * arguments, never payload objects.
 */
export function boltLogger(logger: Logger): BoltLogger {
  let level = LogLevel.INFO;
  const write =
    (target: 'info' | 'warn' | 'error') =>
    (...msg: unknown[]) => {
      const text = msg
        .filter((m) => typeof m === 'string' || m instanceof Error)
        .map(String)
        .join(' ');
      logger(target, 'slack.sdk', { message: text.slice(0, 500) });
    };
  return {
    debug: () => {},
    // The SDK's info lines are routine (reconnects, rate-limit waits): PolyDesk's debug level.
    info: (...msg: unknown[]) =>
      logger('debug', 'slack.sdk', {
        message: msg
          .filter((m) => typeof m === 'string')
          .join(' ')
          .slice(0, 500),
      }),
    warn: write('warn'),
    error: write('error'),
    setLevel: (next) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => {},
  };
}
