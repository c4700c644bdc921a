/*
 * The guard's scanners run large case-insensitive Unicode regular expressions (vocabularies of
 * credential words and markings in 19 languages) on every answer. V8 first runs a regular
 * expression in its bytecode interpreter and compiles it to native code once it is used again
 * ("tier-up"); after garbage collections it may drop that code and tier up again. A compile that
 * happens late in a process's life, once the process has generated more than 1 MB of regexp code
 * in all and holds more than 16 MB of executable memory, is done without V8's optimisations
 * (TooMuchRegExpCode in V8's regexp.cc), and these vocabularies then run about 15 times slower:
 * measured, a 2,000-character answer went from 1.5 ms to 22 ms after a large heap had been built
 * and collected (bench/sections/guardrails.ts). With `--no-regexp-tier-up` each expression is
 * compiled to optimised native code on its first use and kept.
 *
 * The flag must be given when Node starts (bin/polydesk.mjs's shebang, the npm scripts, the test
 * and bench runners): set later with v8.setFlagsFromString it crashed about one CLI run in 40
 * (segmentation fault, measured), and Node refuses it in NODE_OPTIONS.
 */

export const REGEXP_FLAG = '--no-regexp-tier-up';

/** True when this process runs with regexp tier-up off, as the guardrails' latency needs. */
export function regexpTierUpOff(execArgv: readonly string[] = process.execArgv): boolean {
  return execArgv.includes(REGEXP_FLAG);
}
