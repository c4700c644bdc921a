import { describe, expect, it } from 'vitest';
import type { GuardContext } from '../../src/guardrails/guard.js';
import { createGuardrail } from '../../src/guardrails/guardrail.js';
import { parsePolicy } from '../../src/guardrails/policy.js';
import { createStreamGuard, safeCut } from '../../src/guardrails/stream-guard.js';

const context: GuardContext = {
  readers: [{ email: 'emp@example.com', groups: ['all'] }],
  sources: [],
  language: 'en',
};
const guard = createGuardrail({});
const filler =
  'To request a new laptop, open the IT portal, choose Hardware, then fill in the form with your cost centre. ';

/** Streams `text` in small pieces, waiting for each check like a generator's token callback would. */
async function stream(
  text: string,
  options: { holdBackChars?: number; piece?: number; policyGuard?: typeof guard } = {},
) {
  const updates: string[] = [];
  const sg = createStreamGuard(options.policyGuard ?? guard, context, {
    holdBackChars: options.holdBackChars,
    onVisible: (t) => updates.push(t),
  });
  const piece = options.piece ?? 3;
  /** After each push: how much of the pushed text was unshown, and how much the window must keep. */
  const unshown: { unshown: number; required: number }[] = [];
  for (let i = 0; i < text.length; i += piece) {
    await sg.push(text.slice(i, i + piece));
    const pushed = Math.min(text.length, i + piece);
    unshown.push({
      unshown: pushed - sg.visibleText.length,
      required: Math.min(pushed, options.holdBackChars ?? 64),
    });
  }
  const verdict = await sg.finish();
  return { updates, verdict, sg, unshown };
}

describe('stream guard', () => {
  it('shows a clean answer progressively, keeping the hold-back window unshown until the end', async () => {
    const text = filler.repeat(4);
    const { updates, verdict, unshown } = await stream(text, { holdBackChars: 64 });
    expect(verdict.action).toBe('allow');
    expect(updates.length).toBeGreaterThan(3);
    expect(updates[updates.length - 1]).toBe(text);
    for (let i = 1; i < updates.length; i++) expect(updates[i]!.startsWith(updates[i - 1]!)).toBe(true);
    // Until the end, at least the hold-back window (or all of a shorter text) stays unshown.
    for (const u of unshown) expect(u.unshown).toBeGreaterThanOrEqual(u.required);
  });

  it('never shows any part of a credential and stops at the hold', async () => {
    const key = 'AKIA2E3RZ7QPLM4XWVBN';
    const text = `${filler}${filler}Use the key ${key} for the bucket. ${filler}${filler}`;
    const { updates, verdict, sg } = await stream(text, { piece: 2 });
    expect(verdict.action).toBe('hold');
    expect(sg.stopped).toBe(true);
    expect(updates.length).toBeGreaterThan(0);
    for (const shown of updates) expect(shown).not.toContain('AKIA2');
    expect(updates[updates.length - 1]!.length).toBeLessThan(text.indexOf(key));
  });

  it('does not show a password whose value arrives after its label, or half a long token', async () => {
    const jwt =
      'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IlRhcm8ifQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';
    for (const [text, secret] of [
      [`${filler}The Wi-Fi password: Sakura#2024 ${filler}`, 'Sakura'],
      [`${filler}token ${jwt} ${filler}`, 'eyJhbGciOiJIUz'],
    ] as const) {
      const { updates, verdict } = await stream(text, { piece: 1, holdBackChars: 16 });
      expect(verdict.action).toBe('hold');
      for (const shown of updates) expect(shown).not.toContain(secret);
    }
  });

  it('masks redacted spans in the streamed text', async () => {
    const redacting = createGuardrail({ policy: parsePolicy({ actions: { email: 'redact' } }) });
    const text = `${filler}Mail taro.yamada@example.com for help. ${filler}${filler}`;
    const { updates, verdict } = await stream(text, { policyGuard: redacting });
    expect(verdict.action).toBe('redact');
    expect(updates.some((u) => u.includes('[personal data removed]'))).toBe(true);
    for (const shown of updates) expect(shown).not.toContain('taro.yamada@');
    expect(updates[updates.length - 1]).toBe(verdict.text);
  });

  it('never splits a surrogate pair, even when a delta does', async () => {
    const text = '👍🏽 ok '.repeat(40);
    const { updates } = await stream(text, { piece: 1, holdBackChars: 8 });
    const lone = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
    for (const shown of updates) expect(lone.test(shown)).toBe(false);
    expect(updates[updates.length - 1]).toBe(text);
  });

  it('coalesces pushes made without waiting and still ends with the final verdict', async () => {
    const updates: string[] = [];
    const sg = createStreamGuard(guard, context, { onVisible: (t) => updates.push(t) });
    const text = filler.repeat(3);
    for (const ch of text) void sg.push(ch);
    const verdict = await sg.finish();
    expect(verdict.action).toBe('allow');
    expect(updates[updates.length - 1]).toBe(text);
  });

  it('shows nothing more once closed, even from a scan already under way', async () => {
    const updates: string[] = [];
    const sg = createStreamGuard(guard, context, { holdBackChars: 0, onVisible: (t) => updates.push(t) });
    await sg.push(filler);
    const shown = updates.length;
    expect(shown).toBeGreaterThan(0);
    const pending = sg.push(filler);
    sg.close();
    await pending;
    await sg.finish();
    expect(updates).toHaveLength(shown);
  });

  it('cuts before a finding, an ASCII token, or a combining mark', () => {
    expect(safeCut('abc def ghi', 6, [])).toBe(4);
    expect(safeCut('abc def ghi', 9, [{ start: 4, end: 11 }])).toBe(4);
    expect(safeCut('会議は明日です', 3, [])).toBe(3);
    expect(safeCut('cafe\u0301 x', 4, [])).toBe(0);
  });
});
