import type { LoadedSection } from '../load-file.js';
import { tidyText } from './text-bytes.js';

/**
 * Collects text in reading order under the headings seen so far. A heading of level N closes the
 * current section and replaces every open heading of level N or deeper.
 */
export class SectionBuilder {
  readonly #headings: { level: number; text: string }[] = [];
  readonly #sections: LoadedSection[] = [];
  #parts: string[] = [];
  #firstHeading: string | undefined;

  /** The first non-empty heading met, whatever its level. */
  get firstHeading(): string | undefined {
    return this.#firstHeading;
  }

  heading(level: number, rawText: string): void {
    const text = rawText.replace(/\s+/g, ' ').trim();
    if (text === '') return;
    this.#flush();
    while (this.#headings.length > 0 && this.#headings[this.#headings.length - 1]!.level >= level) {
      this.#headings.pop();
    }
    this.#headings.push({ level, text });
    this.#firstHeading ??= text;
  }

  append(text: string): void {
    this.#parts.push(text);
  }

  finish(): LoadedSection[] {
    this.#flush();
    return this.#sections;
  }

  #flush(): void {
    const text = tidyText(this.#parts.join(''));
    this.#parts = [];
    if (text === '') return;
    this.#sections.push({ headingPath: this.#headings.map((h) => h.text), text });
  }
}
