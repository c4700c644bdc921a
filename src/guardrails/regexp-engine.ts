import v8 from 'node:v8';

/*
 * The guard's scanners run large case-insensitive Unicode regular expressions (vocabularies of
 * credential words and markings in 19 languages) on every answer. V8 first runs a regular
 * expression in its bytecode interpreter and compiles it to native code once it is used again
 * ("tier-up"); after garbage collections it may drop that code and tier up again. A compile that
 * happens late in a process's life, once the process has generated more than 1 MB of regexp code
 * in all and holds more than 16 MB of executable memory, is done without V8's optimisations
 * (TooMuchRegExpCode in V8's regexp.cc), and these vocabularies then run about 15 times slower:
 * measured, a 2,000-character answer went from 1.5 ms to 22 ms after a large heap had been built
 * and collected (bench/sections/guardrails.ts). Without tier-up each expression is compiled to
 * optimised native code on its first use and kept.
 *
 * Set once, when the guardrails are first loaded, before any of their expressions has run. Node
 * documents setting V8 flags after start-up as unsupported in general; this flag is read at each
 * regexp compile, and a V8 that refuses it keeps its default (slower after a while, still correct).
 */
try {
  v8.setFlagsFromString('--no-regexp-tier-up');
} catch {
  // A V8 that freezes its flags after start-up: the default stays.
}
