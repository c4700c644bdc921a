/**
 * What the experts read of PolyDesk's answer in a hand-off: decided from what the answer drew on
 * (the retrieved passages' documents, a standard answer's audience), not from what it cited.
 */
import { describe, expect, it } from 'vitest';
import { t } from '../../src/core/i18n.js';
import type { ChunkWithDoc, Classification, Principal } from '../../src/core/types.js';
import { parseExpertRoutes } from '../../src/helpdesk/expert-routes.js';
import { composeHandOff, plainLinks } from '../../src/helpdesk/hand-off-message.js';
import type { Escalation, HandedOffQuestion } from '../../src/store/escalation-repository.js';
import { allowAllGuard } from '../fakes/allow-all-guard.js';

const chunk = (
  id: string,
  audience: string[],
  classification: Classification = 'internal',
): ChunkWithDoc => ({
  id,
  docId: `doc-${id}`,
  ordinal: 0,
  text: `passage ${id}`,
  headingPath: [],
  language: 'en',
  source: `knowledge/${id}.md`,
  title: `Document ${id}`,
  audience,
  classification,
});

const CHUNKS = new Map([
  ['vpn', chunk('vpn', ['all'])],
  ['relocation', chunk('relocation', ['hr'])],
]);

/** The documents' store as composing reads it: the chunks above, and their documents. */
const documents = {
  async get(id: string) {
    const c = [...CHUNKS.values()].find((x) => x.docId === id);
    return c
      ? {
          id,
          source: c.source,
          title: c.title,
          language: 'en',
          audience: c.audience,
          classification: c.classification,
          contentHash: 'h',
          injectionFlag: false,
          chunkCount: 1,
          ingestedAt: '2026-01-01T00:00:00.000Z',
        }
      : undefined;
  },
  async getChunks(ids: readonly string[]) {
    return new Map(ids.flatMap((id) => (CHUNKS.has(id) ? [[id, CHUNKS.get(id)!] as const] : [])));
  },
};

const [route] = parseExpertRoutes([
  { name: 'helpdesk', team: 'Helpdesk', default: true, slack: { channel: 'C0HELP' } },
]);
const escalation: Escalation = {
  id: 'e-1',
  questionId: 'q-1',
  requestedBy: 'alice@corp.example',
  status: 'open',
  route: 'helpdesk',
  expertPlatform: 'slack',
  expertChannel: 'C0HELP',
  language: 'en',
  createdAt: '2026-01-01T00:00:00.000Z',
};
const question = (over: Partial<HandedOffQuestion>): HandedOffQuestion => ({
  id: 'q-1',
  text: 'What is the relocation allowance?',
  asker: 'alice@corp.example',
  platform: 'slack',
  placeKind: 'dm',
  status: 'answered',
  answerText: 'The allowance is 4800 euros.',
  citations: [],
  retrievedChunkIds: [],
  createdAt: '2026-01-01T00:00:00.000Z',
  ...over,
});
/** The expert channel: Bob and Erin, in no group but `all`. */
const READERS: Principal[] = [
  { email: 'bob@corp.example', groups: ['all'] },
  { email: 'erin@corp.example', groups: ['all'] },
];
const answerShown = async (over: Partial<HandedOffQuestion>, readers = READERS) =>
  (await composeHandOff({ guard: allowAllGuard, documents }, escalation, question(over), route!, readers))
    .answer;

describe('the answer in a hand-off', () => {
  it('is hidden when a passage it drew on is not for every reader, cited or not', async () => {
    expect(await answerShown({ retrievedChunkIds: ['vpn', 'relocation'] })).toBe(
      t('en', 'handoff.answerHidden'),
    );
    expect(await answerShown({ retrievedChunkIds: ['vpn'] })).toContain('4800');
  });

  it('is hidden when its standard answer is not for every reader', async () => {
    const hrOnly = { id: 'std-1', audience: ['hr'] };
    expect(await answerShown({ standard: hrOnly })).toBe(t('en', 'handoff.answerHidden'));
    expect(
      await answerShown({ standard: hrOnly }, [{ email: 'haru@corp.example', groups: ['all', 'hr'] }]),
    ).toContain('4800');
    expect(await answerShown({ standard: { id: 'std-2', audience: ['all'] } })).toContain('4800');
  });

  it('is hidden when nothing says what it drew on, or a passage is gone', async () => {
    expect(await answerShown({})).toBe(t('en', 'handoff.answerHidden'));
    expect(await answerShown({ retrievedChunkIds: ['vpn', 'deleted-since'] })).toBe(
      t('en', 'handoff.answerHidden'),
    );
  });
});

describe('links in what people wrote', () => {
  it('spells them out as label (url)', () => {
    expect(plainLinks('[Reset here](https://evil.example/login) now')).toBe(
      'Reset here (https://evil.example/login) now',
    );
    expect(plainLinks('![logo](https://x.example/a.png "Logo")')).toBe('logo (https://x.example/a.png)');
    expect(plainLinks('see [](https://x.example/)')).toBe('see https://x.example/');
    expect(plainLinks('a [bracket] and (parens) stay')).toBe('a [bracket] and (parens) stay');
  });
});
