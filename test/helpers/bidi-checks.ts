/**
 * What the right-to-left browser tests read of a rendered element: its resolved direction and bidi
 * isolation, and where its first text begins on screen. The project compiles without the DOM
 * library, so the few browser globals used are declared here.
 */
import type { Locator } from 'playwright-core';

interface BrowserGlobals {
  getComputedStyle(element: unknown): { direction: string; unicodeBidi: string };
  document: {
    createRange(): { selectNodeContents(node: unknown): void; getBoundingClientRect(): { left: number } };
  };
}

/** `ltr` or `rtl`, as the browser resolved it (dir="auto" included). */
export function direction(locator: Locator): Promise<string> {
  return locator.evaluate((el) => (globalThis as unknown as BrowserGlobals).getComputedStyle(el).direction);
}

/** The computed `unicode-bidi`: `isolate` for an element kept apart from the text around it. */
export function unicodeBidi(locator: Locator): Promise<string> {
  return locator.evaluate((el) => (globalThis as unknown as BrowserGlobals).getComputedStyle(el).unicodeBidi);
}

/**
 * The left edge of the element's first text node on screen: in a right-to-left line, what follows
 * that text (a citation) must lie left of it.
 */
export function firstTextLeft(locator: Locator): Promise<number> {
  return locator.evaluate((el) => {
    const range = (globalThis as unknown as BrowserGlobals).document.createRange();
    range.selectNodeContents((el as unknown as { firstChild: unknown }).firstChild);
    return range.getBoundingClientRect().left;
  });
}
