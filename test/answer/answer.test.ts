import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AnswerProgress } from '../../src/answer/ports.js';
import { GeneratorBusyError } from '../../src/core/errors.js';
import type { IncomingQuestion, Principal } from '../../src/core/types.js';
import type { Guard } from '../../src/guardrails/guard.js';
import { allowAllGuard } from '../fakes/allow-all-guard.js';
import { createGuardrail } from '../../src/guardrails/guardrail.js';
import { StreamGuard } from '../../src/guardrails/stream-guard.js';
import { t } from '../../src/core/i18n.js';
import type { Generator } from '../../src/inference/generator.js';
import type { Store } from '../../src/store/store.js';
import { sqliteDatabase, type TestDatabase } from '../helpers/databases.js';
import { buildPipeline } from '../helpers/pipeline.js';
import { released } from '../../src/guardrails/checked-text.js';

const DOCS = {
  'leave.md':
    '---\ntitle: Annual leave\n---\n# Annual leave\nFull-time employees get 20 days of paid leave per year.\n\n## Carry over\nUp to 5 unused days carry over to the next year.\n',
  'vpn-ja.md':
    '---\ntitle: VPN接続\nlanguage: ja\n---\n# VPN接続\nVPNに接続するには、GlobalConnectアプリを起動して社員IDでサインインしてください。\n',
  'bands.md':
    '---\ntitle: Salary bands\nclassification: restricted\naudience: [hr]\n---\n# Salary bands\nThe L3 salary band in Madrid is 48,000 to 58,000 EUR.\n',
};

const employee: Principal = { email: 'emp@example.com', groups: ['all'] };
const hr: Principal = { email: 'hr@example.com', groups: ['all', 'hr'] };

function question(
  text: string,
  readers: Principal[] = [employee],
  extra: Partial<IncomingQuestion> = {},
): IncomingQuestion {
  return {
    text,
    asker: readers[0]!,
    place: { platform: 'web', kind: 'local', readers },
    history: [],
    ...extra,
  };
}

describe('answer pipeline', () => {
  let db: TestDatabase;
  let store: Store;
  beforeEach(async () => {
    db = sqliteDatabase();
    store = await db.open();
  });
  afterEach(async () => {
    await store.close();
    await db.dispose();
  });

  it('answers from the right document, records the question with its outcome, and streams progress', async () => {
    const { answers } = await buildPipeline(store, db.dataDir, DOCS);
    const events: AnswerProgress[] = [];
    const result = await answers.ask(question('How many days of paid leave do I get?'), {
      onProgress: (p) => events.push(p),
    });
    expect(result.status).toBe('answered');
    expect(result.language).toBe('en');
    expect(result.answer).toContain('20 days of paid leave');
    expect(result.citations).toEqual([
      expect.objectContaining({ n: 1, title: 'Annual leave', source: 'leave.md' }),
    ]);
    expect(events[0]).toMatchObject({ type: 'started', questionId: result.questionId, language: 'en' });
    expect(events.some((e) => e.type === 'retrieved')).toBe(true);
    const row = await store.questions.get(result.questionId);
    expect(row).toMatchObject({
      status: 'answered',
      language: 'en',
      generator: 'extractive',
      verdictAction: 'allow',
    });
    expect(row?.retrievedChunkIds.length).toBeGreaterThan(0);
  });

  it('answers Japanese questions in Japanese', async () => {
    const { answers } = await buildPipeline(store, db.dataDir, DOCS);
    const result = await answers.ask(question('VPNにはどうやって接続しますか？'));
    expect(result.language).toBe('ja');
    expect(result.answer).toContain('GlobalConnect');
    expect(result.citations[0]?.source).toBe('vpn-ja.md');
  });

  it('uses a restricted document only when every reader may see it', async () => {
    const { answers } = await buildPipeline(store, db.dataDir, DOCS);
    const alone = await answers.ask(question('What is the L3 salary band in Madrid?', [hr]));
    expect(alone.citations.map((c) => c.source)).toContain('bands.md');
    const inChannel = await answers.ask(question('What is the L3 salary band in Madrid?', [hr, employee]));
    expect(inChannel.citations.map((c) => c.source)).not.toContain('bands.md');
    expect(inChannel.answer).not.toContain('48,000');
  });

  it('records an unanswerable question as a knowledge gap', async () => {
    const { answers } = await buildPipeline(store, db.dataDir, DOCS);
    const result = await answers.ask(question('Is there a rooftop swimming pool?'));
    expect(result.status).toBe('not_found');
    expect((await store.questions.knowledgeGaps(5)).map((q) => q.text)).toContain(
      'Is there a rooftop swimming pool?',
    );
  });

  it('never shows a model text that cites nothing, not even while it streams; keeps it for admins', async () => {
    const guard = createGuardrail();
    const uncited: Generator = {
      name: 'openai',
      async generate(_request, options) {
        const text = 'You get twenty days a year, I believe, and more later on.';
        for (const piece of [text.slice(0, 20), text.slice(20, 40), text.slice(40)]) options?.onText?.(piece);
        return { text, cited: [], generator: 'openai', extractive: false, notFound: true };
      },
    };
    const { answers } = await buildPipeline(store, db.dataDir, DOCS, {
      guard,
      generator: uncited,
      streamGuard: (context, onVisible, present) => {
        const stream = new StreamGuard(guard, context, {
          holdBackChars: 0,
          checkEveryChars: 1,
          onVisible,
          present,
        });
        return { push: (delta) => void stream.push(delta), close: () => stream.close() };
      },
    });
    const events: AnswerProgress[] = [];
    const result = await answers.ask(question('How many days of paid leave do I get?'), {
      onProgress: (p) => events.push(p),
    });
    expect(events.filter((e) => e.type === 'text')).toEqual([]);
    expect(result.status).toBe('not_found');
    expect(result.answer).toBe(t('en', 'notFound'));
    const [gap] = await store.questions.knowledgeGaps(10);
    expect(gap?.text).toBe('How many days of paid leave do I get?');
    const row = await store.db
      .selectFrom('questions')
      .select('answer_text')
      .where('id', '=', result.questionId)
      .executeTakeFirst();
    expect(row?.answer_text).toContain('twenty days');
  });

  it('holds an answer the guard flags: the text is not returned, a review keeps it', async () => {
    const holdAll: Guard = {
      async check() {
        return { action: 'hold', findings: [{ type: 'secret', start: 0, end: 4 }], text: released('') };
      },
      approve: allowAllGuard.approve,
    };
    const { answers } = await buildPipeline(store, db.dataDir, DOCS, { guard: holdAll });
    const result = await answers.ask(question('How many days of paid leave do I get?'));
    expect(result.status).toBe('held');
    expect(result.answer).not.toContain('20 days');
    expect(result.reviewId).toBeDefined();
    const review = await store.reviews.get(result.reviewId!);
    expect(review?.originalText).toContain('20 days');
    expect(review?.status).toBe('pending');
    expect((await store.questions.get(result.questionId))?.answerText).toBeUndefined();
  });

  it('stores a held answer whose finding offsets point at the secret in the stored text', async () => {
    const docs = {
      ...DOCS,
      'runbook.md':
        '---\ntitle: Backup runbook\n---\n# Backup database\nThe backup database password: Tq8!vRm2-Lk5wZp9 (rotate monthly).\n',
    };
    const { answers } = await buildPipeline(store, db.dataDir, docs, { guard: createGuardrail() });
    const result = await answers.ask(question('What is the backup database password?'));
    expect(result.status).toBe('held');
    const review = await store.reviews.get(result.reviewId!);
    const spans = review!.findings.map((f) => review!.originalText.slice(f.start, f.end));
    expect(spans.join(' ')).toContain('Tq8!vRm2-Lk5wZp9');
  });

  it('turns a busy generator into a polite busy answer and a broken one into an apology', async () => {
    const busy: Generator = {
      name: 'busy',
      async generate() {
        throw new GeneratorBusyError();
      },
    };
    const broken: Generator = {
      name: 'broken',
      async generate() {
        throw new Error('socket hang up');
      },
    };
    const a = await (await buildPipeline(store, db.dataDir, DOCS, { generator: busy })).answers.ask(
      question('¿Cuántos días de vacaciones tengo?'),
    );
    expect(a).toMatchObject({ status: 'busy', language: 'es' });
    expect(a.answer.length).toBeGreaterThan(10);
    const b = await (await buildPipeline(store, db.dataDir, {}, { generator: broken })).answers.ask(
      question('How many days of paid leave do I get?'),
    );
    expect(b.status).toBe('failed');
    expect((await store.questions.get(b.questionId))?.status).toBe('failed');
  });

  it('searches a short follow-up together with the previous question', async () => {
    const { answers } = await buildPipeline(store, db.dataDir, DOCS);
    const result = await answers.ask(
      question('and what about carry over?', [employee], {
        history: [
          { role: 'user', text: 'How many days of paid leave do I get?' },
          { role: 'assistant', text: '20 days [1]' },
        ],
      }),
    );
    expect(result.answer).toContain('carry over');
  });

  it("reads a question that stands alone on its own; the previous question's words never answer a new one", async () => {
    const { answers } = await buildPipeline(store, db.dataDir, DOCS);
    const history = [
      { role: 'user' as const, text: 'How many days of paid leave do I get?' },
      { role: 'assistant' as const, text: 'Full-time employees get 20 days of paid leave per year. [1]' },
    ];
    // A new topic: answered from its own document, not mixed with the leave question.
    const vpn = await answers.ask(
      question('VPNに接続するにはどうすればいいですか？', [employee], { history }),
    );
    expect(vpn.status).toBe('answered');
    expect(vpn.citations.map((c) => c.source)).toEqual(['vpn-ja.md']);
    // Short and about something the documents do not hold: the previous question's words alone never
    // make an answer.
    const cafeteria = await answers.ask(question('Where is the cafeteria?', [employee], { history }));
    expect(cafeteria.status).toBe('not_found');
  });
});
