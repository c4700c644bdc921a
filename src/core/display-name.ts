/**
 * Characters that change how a name displays without showing themselves: C0/C1 controls, the bidi
 * embeddings, overrides, isolates and marks (U+202E shows `invoice\u202Egpj.md` as `invoicedm.jpg`),
 * the Arabic letter mark, zero-width space, word joiner and invisible operators, the BOM,
 * interlinear annotation marks and the tag characters (which can smuggle hidden ASCII).
 * Zero-width (non-)joiners stay: Persian, Indic scripts and emoji need them.
 */
const HIDDEN =
  /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]|\udb40[\udc00-\udc7f]/g;

/** The text without its hidden controls (a path keeps its spaces). */
export function stripHidden(raw: string): string {
  return raw.replace(HIDDEN, '');
}

/** A title or file name as people should see it: hidden controls removed, white space collapsed. */
export function displayName(raw: string): string {
  return stripHidden(raw.replace(/\s+/g, ' ')).trim();
}

/** Longest author name a summary shows. */
const AUTHOR_MAX = 80;

/**
 * Who wrote a chat message, as a summary names them: hidden controls removed, white space
 * collapsed, at most 80 characters; undefined when nothing is left (the caller picks a fallback).
 */
export function authorName(raw: string | null | undefined): string | undefined {
  // White space first: a line break between two names is a space, not nothing.
  const clean = raw ? displayName(raw).slice(0, AUTHOR_MAX).trim() : '';
  return clean || undefined;
}
