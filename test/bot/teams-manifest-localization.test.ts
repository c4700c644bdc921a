import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SUMMARIZE_COMMAND } from '../../src/bot/teams/thread-summary-action.js';
import { SUPPORTED_LANGUAGES } from '../../src/core/i18n.js';
import { detectQuestionLanguage, primarySubtag } from '../../src/inference/language.js';

/**
 * The Teams app's name, description and suggested commands in every language PolyDesk answers in:
 * teams/manifest.json lists one localization file per language, and Teams shows the one matching
 * the user's client language, English otherwise.
 */

interface Command {
  readonly title: string;
  readonly description: string;
}
interface Manifest {
  readonly manifestVersion: string;
  readonly composeExtensions?: ReadonlyArray<{
    readonly botId: string;
    readonly commands: ReadonlyArray<
      Command & {
        readonly id: string;
        readonly type: string;
        readonly context?: readonly string[];
        readonly fetchTask?: boolean;
      }
    >;
  }>;
  readonly name: { readonly short: string; readonly full: string };
  readonly description: { readonly short: string; readonly full: string };
  readonly bots: ReadonlyArray<{
    readonly botId: string;
    readonly commandLists: ReadonlyArray<{ readonly commands: readonly Command[] }>;
  }>;
  readonly localizationInfo: {
    readonly defaultLanguageTag: string;
    readonly additionalLanguages: ReadonlyArray<{ readonly languageTag: string; readonly file: string }>;
  };
}

const TEAMS_DIR = new URL('../../teams/', import.meta.url);
const readJson = (file: string): unknown => JSON.parse(readFileSync(new URL(file, TEAMS_DIR), 'utf8'));
const manifest = readJson('manifest.json') as Manifest;
const languages = manifest.localizationInfo.additionalLanguages;

/** A localizable manifest string: its English text and the manifest schema's length limit. */
interface Source {
  readonly english: string;
  readonly limit: number;
}

/**
 * Every string the localization schema lets a file replace, by its key. Limits are the v1.17
 * manifest schema's maxLength; the command ones are the tightest any schema version sets.
 */
function localizable(m: Manifest): Map<string, Source> {
  const sources = new Map<string, Source>([
    ['name.short', { english: m.name.short, limit: 30 }],
    ['name.full', { english: m.name.full, limit: 100 }],
    ['description.short', { english: m.description.short, limit: 80 }],
    ['description.full', { english: m.description.full, limit: 4000 }],
  ]);
  for (const [b, bot] of m.bots.entries()) {
    for (const [l, list] of bot.commandLists.entries()) {
      for (const [c, command] of list.commands.entries()) {
        const key = `bots[${b}].commandLists[${l}].commands[${c}]`;
        sources.set(`${key}.title`, { english: command.title, limit: 32 });
        sources.set(`${key}.description`, { english: command.description, limit: 128 });
      }
    }
  }
  // Message extension commands ("Summarise thread" on a message): title 32, description 128.
  for (const [e, extension] of (m.composeExtensions ?? []).entries()) {
    for (const [c, command] of extension.commands.entries()) {
      const key = `composeExtensions[${e}].commands[${c}]`;
      sources.set(`${key}.title`, { english: command.title, limit: 32 });
      sources.set(`${key}.description`, { english: command.description, limit: 128 });
    }
  }
  return sources;
}
const sources = localizable(manifest);

/** Characters, as JSON Schema's maxLength counts them (an emoji is one, not two UTF-16 units). */
const length = (text: string): number => [...text].length;

/** What a translation must carry over as written: placeholders, the @ of a mention, emoji. */
const tokens = (text: string): string[] =>
  (text.match(/\{\{?\w+\}?\}|\[\[\w+\]\]|%(?:\d+\$)?[sd]|@|\p{Extended_Pictographic}/gu) ?? []).sort();

/**
 * Teams tags PolyDesk's languages need. A language-only tag ("es") serves every region's users
 * (es-es, es-mx, ...); Chinese needs one file per script.
 */
const requiredTags = SUPPORTED_LANGUAGES.filter((language) => language !== 'en').flatMap((language) =>
  language === 'zh' ? ['zh-cn', 'zh-tw'] : [language],
);

describe('teams/manifest.json localization', () => {
  it('lists a file for every language PolyDesk answers in, and every file under teams/', () => {
    expect(manifest.localizationInfo.defaultLanguageTag).toBe('en-us');
    const tags = languages.map((language) => language.languageTag);
    expect(new Set(tags).size).toBe(tags.length);
    expect(requiredTags.filter((tag) => !tags.includes(tag))).toEqual([]);
    // Both ways: a listed file must exist, and a file the manifest does not list is never shown.
    const files = readdirSync(TEAMS_DIR).filter((file) => file.endsWith('.json') && file !== 'manifest.json');
    expect(languages.map((language) => language.file).sort()).toEqual(files.sort());
  });

  describe.each(languages)('$languageTag ($file)', ({ languageTag, file }) => {
    // A missing file fails the tests (the listing one names it) instead of stopping this whole file.
    const strings = (existsSync(new URL(file, TEAMS_DIR)) ? readJson(file) : {}) as Record<string, string>;

    it('follows the localization schema of the manifest version', () => {
      expect(strings.$schema).toBe(
        `https://developer.microsoft.com/en-us/json-schemas/teams/v${manifest.manifestVersion}/MicrosoftTeams.Localization.schema.json`,
      );
      expect(
        Object.keys(strings)
          .filter((key) => key !== '$schema')
          .sort(),
      ).toEqual([...sources.keys()].sort());
    });

    it.each([...sources])('%s is translated, within its limit, with the same tokens', (key, source) => {
      const text = strings[key] ?? '';
      expect(text.trim()).not.toBe('');
      expect(length(text), text).toBeLessThanOrEqual(source.limit);
      // Decomposed accents (Vietnamese above all) would count double against the limits.
      expect(text).toBe(text.normalize('NFC'));
      // The product name may stay as it is; a sentence may not.
      if (key !== 'name.short') expect(text).not.toBe(source.english);
      expect(tokens(text)).toEqual(tokens(source.english));
    });

    it('is written in its language: PolyDesk answers a suggested command in it', async () => {
      // Teams sends a bot command's title as the user's message. No locale hint here: the text alone
      // must read as the language, so a Portuguese title in es.json fails even though an es-* hint
      // would tip it to Spanish. (A message action's title is a menu item, never sent as a message.)
      const titles = [...sources.keys()]
        .filter((key) => key.startsWith('bots[') && key.endsWith('.title'))
        .map((key) => strings[key] ?? '');
      for (const text of [...titles, strings['description.full'] ?? '']) {
        expect(await detectQuestionLanguage(text), text).toBe(primarySubtag(languageTag));
      }
    });
  });

  it('offers "Summarise thread" as a message action of the bot, answered without a web page', () => {
    expect(manifest.composeExtensions).toEqual([
      {
        botId: manifest.bots[0]!.botId,
        commands: [
          expect.objectContaining({
            id: SUMMARIZE_COMMAND,
            type: 'action',
            context: ['message'],
            fetchTask: true,
          }),
        ],
      },
    ]);
  });

  it('writes Traditional Chinese for zh-tw, not a copy of zh-cn', () => {
    const file = (tag: string) => languages.find((language) => language.languageTag === tag)?.file ?? '';
    const simplified = readJson(file('zh-cn')) as Record<string, string>;
    const traditional = readJson(file('zh-tw')) as Record<string, string>;
    for (const key of sources.keys()) {
      if (key !== 'name.short') expect(traditional[key]).not.toBe(simplified[key]);
    }
  });
});
