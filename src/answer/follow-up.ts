import type { Turn } from '../core/types.js';

/**
 * Starts that continue the previous question ("And …", "What about …", "Und …", "那…", "それと…"), in
 * the languages PolyDesk ships messages for.
 */
const CONTINUES =
  /^(?:and|also|what about|how about|same for|und|und wie|was ist mit|et|et pour|et si|y|¿y|y si|e|e se|e per|en|а|и|ещё|or|o|ou|còn|thế còn|dan|bagaimana dengan|peki|ve|a co|那|那么|还有|另外|那如果|それと|あと|じゃあ|では|그리고|그럼|또|และ|แล้ว|ถ้า)(?=[\s,、，?？]|$)/iu;

/** Words that point back at something named earlier ("it", "それ", "那个"). */
const POINTS_BACK =
  /(?:^|[\s¿¡])(?:it|that|this|those|them|there|then|es|das|dies|dort|dann|ça|cela|ce|là|eso|esto|ahí|isso|isto|lì|dat|это|этого|там|nó|đó|itu|bu|şu|to|tego)(?=[\s?？.,!]|$)|それ|あれ|その|そこ|これ|这个|那个|它|这|那|그것|이것|그거|거기|นั้น|นี้/iu;

/** A question this short, in characters, rarely stands alone ("食事代は？", "For part-timers?"). */
const SHORT_LATIN = 28;
const SHORT_DENSE = 10;

/**
 * The earlier question a follow-up continues, when the question does not stand alone: it continues
 * ("And for part-timers?"), points back ("How do I renew it?"), or is too short to name its topic
 * ("食事代は？"). A self-contained question on another topic returns undefined, so its search is not
 * mixed with the previous one's.
 */
export function followUpOf(history: readonly Turn[], text: string): string | undefined {
  const previous = previousQuestion(history);
  if (previous === undefined) return undefined;
  const question = text.trim();
  const dense =
    /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]/u.test(question);
  const short = [...question].length <= (dense ? SHORT_DENSE : SHORT_LATIN);
  return short || CONTINUES.test(question) || POINTS_BACK.test(question) ? previous : undefined;
}

/** The asker's last question in the conversation, if any. */
export function previousQuestion(history: readonly Turn[]): string | undefined {
  return [...history].reverse().find((turn) => turn.role === 'user')?.text;
}
