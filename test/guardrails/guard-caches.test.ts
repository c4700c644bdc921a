import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Classification } from '../../src/core/types.js';
import { sensitiveRecords } from '../../src/guardrails/at-rest-scan.js';
import { type FingerprintSeed, seedFromKey } from '../../src/guardrails/fingerprint.js';
import { GuardCaches } from '../../src/guardrails/guard-caches.js';
import { createLeakageIndex } from '../../src/guardrails/leakage-index.js';
import { normalizeForScan } from '../../src/guardrails/normalize.js';
import type { FindingType } from '../../src/guardrails/scanner.js';
import { SensitiveRegistry } from '../../src/guardrails/sensitive-registry.js';
import type { Store } from '../../src/store/store.js';
import { guardCacheSource } from '../../src/wiring/guardrails.js';
import { DIALECTS, type TestDatabase } from '../helpers/databases.js';

/** Secrets shared between documents (masking one document must leave the others' copies found), short and long. */
const SECRETS = [
  'api_token = gH4kT9wQ2mZ7xR1pL6vN3bC8',
  'password: Vb3#kq81Zt',
  'client_secret = Qm8vT2xK9pLw4RzN7cYb',
  'pwd=K7q2',
  'signing_key: 9fJ2mX7qLp4RtV8wZc3N5bHd',
  'password: Lr5!pT',
];

/** Passages of restricted documents (long enough to count as leaks when reproduced). */
const PASSAGES = [
  'The merger with Northwind closes on the third of March and the price is forty two million euros in cash.',
  'Salary bands for level six engineers move to one hundred and ten thousand from the first of April onwards.',
  'The incident on the payments cluster was caused by an expired certificate on the internal load balancer.',
  'Layoffs in the Lisbon office affect twelve people in support and will be announced on the ninth of May.',
  'The board approved the sale of the analytics unit to Contoso subject to the regulator clearing the deal.',
  'Customer Fabrikam threatened to leave unless the discount of thirty percent is renewed for another year.',
];

const TOKEN_CHARS = 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const CLASSES: readonly Classification[] = ['public', 'internal', 'confidential', 'restricted'];
const READERS = [{ email: 'a@corp.example', groups: ['all'] }];

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    return state / 2 ** 32;
  };
}

/** Answers that reproduce every secret and passage, alone and together, with some noise around. */
const PROBES = [
  ...SECRETS.map((s) => `Use ${s.split(/[:=]\s*/)[1]} to log in.`),
  ...PASSAGES.map((p) => `As the notes say: ${p}`),
  `Here: ${SECRETS.map((s) => s.split(/[:=]\s*/)[1]).join(' and ')}. ${PASSAGES.join(' ')}`,
  'Restart the router and try again.',
];

describe.each(DIALECTS)('guard caches on $name', ({ create }) => {
  let database: TestDatabase;
  let store: Store;
  let seed: FingerprintSeed;
  const tokens: string[] = [];

  beforeEach(async () => {
    database = await create();
    store = await database.open();
    seed = seedFromKey(await store.sensitive.key());
  });
  afterEach(async () => {
    await store.close();
    await database.dispose();
  });

  async function upsert(doc: number, next: () => number): Promise<void> {
    const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
    const paragraphs = [`Document ${doc}, version ${next().toString(36).slice(2, 8)}.`];
    for (let i = Math.floor(next() * 3); i > 0; i--) paragraphs.push(pick(SECRETS));
    for (let i = Math.floor(next() * 3); i > 0; i--) paragraphs.push(pick(PASSAGES));
    if (next() < 0.6) {
      // A secret of this version only: once the document changes again, nothing may find it.
      const token = Array.from(
        { length: 20 },
        () => TOKEN_CHARS[Math.floor(next() * TOKEN_CHARS.length)],
      ).join('');
      tokens.push(token);
      paragraphs.push(`access_token = ${token}`);
    }
    const text = paragraphs.join('\n\n');
    await store.documents.upsert(
      {
        source: `kb/doc-${doc}.md`,
        title: `Document ${doc}`,
        language: 'en',
        audience: next() < 0.3 ? ['all'] : ['finance'],
        classification: pick(CLASSES),
        contentHash: `${doc}-${text.length}-${next()}`,
        injectionFlag: false,
      },
      paragraphs.map((p) => ({ text: p, headingPath: [], language: 'en' })),
      undefined,
      await sensitiveRecords(seed, text),
    );
  }

  /** What a registry and a leakage index built from scratch from the database find in each probe. */
  async function freshFindings() {
    const values = (await store.sensitive.all()).map((v) => ({ ...v, type: v.type as FindingType }));
    const registry = new SensitiveRegistry(seed, values);
    const leakage = createLeakageIndex(
      (await store.documents.restrictedChunks()).map((c) => ({
        docId: c.docId,
        text: c.text,
        audience: c.audience,
        classification: c.classification,
      })),
    );
    return findings(registry, leakage);
  }

  function findings(
    registry: Pick<SensitiveRegistry, 'findReproduced'>,
    leakage: ReturnType<typeof createLeakageIndex>,
  ) {
    return [...PROBES, ...tokens.map((t) => `The token was ${t}.`)].map((probe) => {
      const { text } = normalizeForScan(probe);
      return { registry: registry.findReproduced(text), leakage: leakage.findLeaks(text, READERS, []) };
    });
  }

  it('finds, after every change, exactly what caches freshly built from the database find', async () => {
    const events: string[] = [];
    const caches = new GuardCaches(
      seed,
      guardCacheSource(store),
      (_level, event) => {
        events.push(event);
      },
      { overlayDocuments: 6, removedPassages: 4 },
    );
    await caches.rebuild();
    const next = random(20_261_205);
    const docIds = new Map<number, string>();
    let named = 0;
    let leaks = 0;
    for (let step = 0; step < 40; step++) {
      // One to three changes (another replica's ingest), then one refresh, as serve's tick sees them.
      for (let n = 1 + Math.floor(next() * 3); n > 0; n--) {
        const doc = Math.floor(next() * 12);
        const id = docIds.get(doc);
        if (id && next() < 0.2) {
          await store.documents.delete(id);
          docIds.delete(doc);
        } else {
          await upsert(doc, next);
          docIds.set(doc, (await store.documents.getBySource(`kb/doc-${doc}.md`))!.id);
        }
      }
      await caches.refresh();
      const expected = await freshFindings();
      expect(findings(caches.registry, caches.leakage), `after step ${step}`).toEqual(expected);
      named += expected.filter((f) => f.registry.some((r) => r.docId)).length;
      leaks += expected.filter((f) => f.leakage.length > 0).length;
    }
    // The probes did find things (the comparison is not between two empty results), and the
    // overlay outgrew its limit, so that masked bases and swapped-in rebuilds were compared too.
    expect(named).toBeGreaterThan(40);
    expect(leaks).toBeGreaterThan(20);
    await caches.rebuild();
    expect(events.filter((e) => e === 'guardrails.caches_rebuilt').length).toBeGreaterThan(2);
    expect(findings(caches.registry, caches.leakage)).toEqual(await freshFindings());
  });

  it('protects a changed document at the next refresh, while a rebuild is still running', async () => {
    const caches = new GuardCaches(seed, guardCacheSource(store), () => {});
    await caches.rebuild();
    const next = random(7);
    for (let doc = 0; doc < 5; doc++) await upsert(doc, next);
    const rebuilding = caches.rebuild();
    const leak = 'The key is Zx9Qw2Lm7Rt4Vb8Nc3Kp, keep it safe.';
    await store.documents.upsert(
      {
        source: 'kb/new.md',
        title: 'New',
        language: 'en',
        audience: ['finance'],
        classification: 'restricted',
        contentHash: 'new',
        injectionFlag: false,
      },
      [{ text: `api_token = Zx9Qw2Lm7Rt4Vb8Nc3Kp\n\n${PASSAGES[0]}`, headingPath: [], language: 'en' }],
      undefined,
      await sensitiveRecords(seed, `api_token = Zx9Qw2Lm7Rt4Vb8Nc3Kp\n\n${PASSAGES[0]}`),
    );
    const id = (await store.documents.getBySource('kb/new.md'))!.id;
    await caches.refresh();
    expect(caches.registry.findReproduced(normalizeForScan(leak).text).map((f) => f.docId)).toEqual([id]);
    expect(caches.leakage.findLeaks(PASSAGES[0]!, READERS, []).map((l) => l.docId)).toContain(id);
    await rebuilding;
    expect(caches.registry.findReproduced(normalizeForScan(leak).text).map((f) => f.docId)).toEqual([id]);
    expect(findings(caches.registry, caches.leakage)).toEqual(await freshFindings());
  });
});
