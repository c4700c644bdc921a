import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { detectQuestionLanguage } from '../../src/inference/language.js';

/** One short employee message of test/corpus/language-detection, written without reading the detector. */
export interface DetectionItem {
  readonly id: string;
  readonly language: string;
  readonly text: string;
  readonly split: 'dev' | 'test';
}

interface DetectionSet {
  readonly languages: readonly string[];
  readonly items: readonly DetectionItem[];
}

const SET_FILE = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../corpus/language-detection/short-questions.json',
);

export function loadDetectionSet(): DetectionSet {
  return JSON.parse(readFileSync(SET_FILE, 'utf8')) as DetectionSet;
}

/**
 * The platform locale a message arrives with: none (the chat page without Accept-Language, the CLI),
 * the asker's own (`own`: a Dutch employee's Slack in Dutch), or English for everyone (`en-US`, the
 * default of many workspaces whatever their people speak).
 */
export type LocaleCase = 'none' | 'own' | 'en-US';
export const LOCALE_CASES: readonly LocaleCase[] = ['none', 'own', 'en-US'];

/** Share of each language's messages detected right, per locale case. */
export async function detectionAccuracy(
  items: readonly DetectionItem[],
  languages: readonly string[],
  detect: (text: string, hint?: string) => string | Promise<string> = detectQuestionLanguage,
): Promise<Map<LocaleCase, Map<string, number>>> {
  const table = new Map<LocaleCase, Map<string, number>>();
  for (const locale of LOCALE_CASES) {
    const row = new Map<string, number>();
    for (const language of languages) {
      const mine = items.filter((item) => item.language === language);
      let right = 0;
      for (const item of mine) {
        const hint = locale === 'none' ? undefined : locale === 'own' ? item.language : locale;
        if ((await detect(item.text, hint)) === item.language) right++;
      }
      row.set(language, mine.length ? right / mine.length : Number.NaN);
    }
    table.set(locale, row);
  }
  return table;
}

/** A Markdown table: one row per locale case, one column per language, and the lowest share. */
export function detectionTable(
  table: ReadonlyMap<LocaleCase, ReadonlyMap<string, number>>,
  languages: readonly string[],
): string {
  const lines = [
    `| locale | lowest | ${languages.join(' | ')} |`,
    `| --- | --- | ${languages.map(() => '---').join(' | ')} |`,
  ];
  for (const [locale, row] of table) {
    const values = languages.map((language) => row.get(language) ?? Number.NaN);
    lines.push(
      `| ${locale} | ${Math.min(...values).toFixed(2)} | ${values.map((v) => v.toFixed(2)).join(' | ')} |`,
    );
  }
  return lines.join('\n') + '\n';
}
