/**
 * `\b` in JavaScript regular expressions knows only ASCII letters, even with the `u` flag: "kaç",
 * "ça" or "ahí" would have no word edge. {@link wordPattern} compiles a pattern whose `\b` means a
 * boundary between a letter (or combining mark) of any script and anything else.
 */
const BOUNDARY = String.raw`(?:(?<=[\p{L}\p{M}])(?![\p{L}\p{M}])|(?<![\p{L}\p{M}])(?=[\p{L}\p{M}]))`;

export function wordPattern(source: string, flags = 'u'): RegExp {
  return new RegExp(source.replaceAll(String.raw`\b`, BOUNDARY), flags.includes('u') ? flags : `${flags}u`);
}

const LETTER = String.raw`[\p{L}\p{M}]`;

/**
 * `alternatives` as a whole word, for alternatives that each begin and end with a letter: the same
 * matches as `\b(?:…)\b` through {@link wordPattern}, with two look-arounds instead of eight (each
 * a class of every script's letters, compiled when the pattern first runs).
 */
export function wholeWords(alternatives: string): string {
  return `(?<!${LETTER})(?:${alternatives})(?!${LETTER})`;
}
