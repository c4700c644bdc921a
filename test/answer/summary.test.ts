import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SummaryService } from '../../src/answer/summary-ports.js';
import { createSummaryService } from '../../src/answer/summary.js';
import { t } from '../../src/core/i18n.js';
import { silentLogger } from '../../src/core/log.js';
import type { Principal } from '../../src/core/types.js';
import { createGuardrail } from '../../src/guardrails/guardrail.js';
import { detectLanguage } from '../../src/inference/language.js';
import { analyze } from '../../src/rag/text-analyzer.js';
import type { Store } from '../../src/store/store.js';
import { findInstructions } from '../../src/wiring/generator.js';
import { storeSummaryDocuments, storeSummaryRecorder } from '../../src/wiring/summaries.js';
import { DIALECTS, type TestDatabase } from '../helpers/databases.js';
import { buildPipeline } from '../helpers/pipeline.js';

const DOCS = {
  'hr/annual-leave.md': `---
title: Annual Leave
audience: [all]
classification: internal
---
# Annual Leave

## How many days
Full-time employees get 20 days of paid annual leave per calendar year. Leave grows by one day for each year of service, up to 25 days. Part-time employees get leave in proportion to their hours.

## Requesting leave
Request leave in Lumen People at least five working days ahead. Your manager approves or declines within two working days.

## Carry-over
Up to five unused days carry over to the next year and must be used by 31 March.
`,
  'hr/restructuring-2027.md': `---
title: Project Nightingale Restructuring Plan
audience: [hr]
classification: restricted
---
# Project Nightingale Restructuring Plan

## Scope
The support organisation in Osaka merges with the Tokyo team on 1 April 2027. Twelve roles move to Tokyo and four roles close.

## Timeline
Staff are told in January 2027 after the works council has been consulted. Relocation support is offered to everyone who moves.
`,
  'it/db-access.md': `---
title: Reporting Database Access
audience: [all]
classification: internal
---
# Reporting Database Access

## Access
The reporting database holds the monthly sales figures for every office. Connect to it with the shared reporting account from the office network. The shared reporting password is Tq8!vRm2-Lk5wZp9 until the end of the quarter. Every query is logged with the name of the person who ran it.
`,
};

const employee: Principal = { email: 'ana@lumenworks.example', groups: ['all'], locale: 'en-US' };
const hr: Principal = { email: 'hana@lumenworks.example', groups: ['all', 'hr'], locale: 'en-US' };

describe.each(DIALECTS)('document summaries on $name', ({ create }) => {
  let db: TestDatabase;
  let store: Store;
  let summaries: SummaryService;

  beforeAll(async () => {
    db = await create();
    store = await db.open();
    await buildPipeline(store, db.dataDir, DOCS);
    summaries = createSummaryService({
      documents: storeSummaryDocuments(store),
      guard: createGuardrail(),
      recorder: storeSummaryRecorder(store),
      tokenize: analyze,
      untrusted: findInstructions,
      detectLanguage,
      logger: silentLogger,
    });
  });
  afterAll(async () => {
    await store.close();
    await db.dispose();
  });

  const ask = (document: string, requester: Principal, readers: readonly Principal[] = [requester]) =>
    summaries.summarizeDocument({ document, requester, readers, platform: 'cli', place: { kind: 'local' } });

  it('summarises a document found by its source, with section citations, and records it as a summary', async () => {
    const result = await ask('hr/annual-leave.md', employee);
    expect(result.status).toBe('answered');
    expect(result.text).toContain('Summary of “Annual Leave”');
    expect(result.text).toContain(
      'Full-time employees get 20 days of paid annual leave per calendar year. [1]',
    );
    expect(result.citations.map((c) => c.title)).toContain('Annual Leave › How many days');
    expect(result.citations.every((c) => c.source === 'hr/annual-leave.md')).toBe(true);
    const row = await store.questions.get(result.questionId);
    expect(row).toMatchObject({
      kind: 'summary',
      status: 'answered',
      asker: employee.email,
      generator: 'extractive',
    });
  });

  it('finds a document by the words of its title', async () => {
    const result = await ask('annual leave', employee);
    expect(result.status).toBe('answered');
    expect(result.citations[0]?.source).toBe('hr/annual-leave.md');
  });

  it('refuses a restricted document to an outsider without telling that it exists', async () => {
    for (const reference of [
      'hr/restructuring-2027.md',
      'Project Nightingale Restructuring Plan',
      'nightingale',
    ]) {
      const result = await ask(reference, employee);
      expect(result.status).toBe('not_found');
      expect(result.text).not.toMatch(/nightingale|restructuring|osaka/i);
      expect(result.citations).toEqual([]);
    }
    // Its id is no key either.
    const doc = await store.documents.getBySource('hr/restructuring-2027.md');
    const byId = await ask(doc!.id, employee);
    expect(byId.status).toBe('not_found');
    expect(byId.text).not.toMatch(/nightingale/i);
  });

  it('summarises it for a member of its audience, but not in a channel where an outsider reads along', async () => {
    const member = await ask('Project Nightingale Restructuring Plan', hr);
    expect(member.status).toBe('answered');
    expect(member.text).toContain('Osaka');
    const channel = await ask('Project Nightingale Restructuring Plan', hr, [hr, employee]);
    expect(channel.status).toBe('not_found');
    expect(channel.text).not.toMatch(/nightingale|osaka/i);
  });

  it('offers only readable titles when the request is unclear', async () => {
    const result = await ask('plan for leave and access', employee);
    expect(result.status).toBe('not_found');
    expect(result.text).not.toMatch(/nightingale/i);
  });

  it('holds a summary that would quote a credential, as a review, and never shows it', async () => {
    const result = await ask('it/db-access.md', employee);
    expect(result.status).toBe('held');
    expect(result.reviewId).toBeDefined();
    expect(result.text).not.toContain('Tq8!vRm2');
    // Said of a summary, and true on the CLI too: nothing promises to post it "here".
    expect(result.text).toBe(t('en', 'summary.held'));
    expect(result.text).not.toBe(t('en', 'held'));
    const review = await store.reviews.get(result.reviewId!);
    expect(review?.status).toBe('pending');
    expect(review?.questionId).toBe(result.questionId);
  });

  it('says of a thread summary without a model that it quotes the messages, as a document summary does', async () => {
    const result = await summaries.summarizeThread({
      requester: employee,
      readers: [employee],
      platform: 'slack',
      language: 'en',
      title: '#it-help thread',
      messages: [
        {
          author: 'Ana',
          text: 'The printer on the third floor jams on every double-sided job since Monday.',
        },
        {
          author: 'Ben',
          text: 'Facilities replaced the fuser unit this morning, so double-sided printing works again.',
        },
        { author: 'Ana', text: 'Thanks, the third floor printer handles double-sided jobs again.' },
      ],
    });
    expect(result.status).toBe('answered');
    expect(result.text).toContain(t('en', 'summary.threadExtractiveNote'));
    expect(result.text).not.toContain(t('en', 'summary.extractiveNote'));
  });

  it('records a summary given up while it waited in the queue as failed, not pending for ever', async () => {
    const pendingRows = async () =>
      (
        await store.db
          .selectFrom('questions')
          .select('id')
          .where('kind', '=', 'summary')
          .where('status', '=', 'received')
          .execute()
      ).length;
    const before = await pendingRows();
    const controller = new AbortController();
    const request = summaries.summarizeDocument(
      {
        document: 'hr/annual-leave.md',
        requester: employee,
        readers: [employee],
        platform: 'cli',
        place: { kind: 'local' },
        signal: controller.signal,
      },
      {
        // A queue that never admits it: it waits until the request is given up.
        schedule: (_question, _work, signal) =>
          new Promise<boolean>((_resolve, reject) => {
            if (signal?.aborted) reject(signal.reason);
            signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
          }),
      },
    );
    setTimeout(() => controller.abort(new Error('the chat page was closed')), 0);
    await expect(request).rejects.toThrow('the chat page was closed');
    expect(await pendingRows()).toBe(before);
  });

  it('never lists a summary that found nothing as a knowledge gap', async () => {
    const result = await ask('no such document anywhere', employee);
    expect(result.status).toBe('not_found');
    const gaps = await store.questions.knowledgeGaps(100);
    expect(gaps.map((g) => g.id)).not.toContain(result.questionId);
    expect((await store.questions.get(result.questionId))?.kind).toBe('summary');
  });
});
