/**
 * The chat page's server side (issue 16, part 6), over real HTTP on 127.0.0.1 with the real
 * pipeline and SQLite: 👍/👎 recorded like Slack's (one rating per person and answer, only on the
 * asker's own chat-page answers, behind the page's sign-in rules), and a question over
 * MAX_QUESTION_CHARS refused with the localised notice instead of being cut.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AdminServer, USERS, addDocument, signIn, startAdminServer } from '../admin/admin-harness.js';

const MAX = 300;
const QUESTION = 'When does the Quillfeather pay band review happen?';
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

interface Done {
  readonly status: string;
  readonly answer: string;
  readonly questionId: string;
}

describe('the chat page: ratings and the question limit', () => {
  let s: AdminServer;
  let publisher: { cookie: string };
  let reviewer: { cookie: string };

  const ask = async (question: string, cookie: string): Promise<Done> => {
    const response = await fetch(`${s.url}/api/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ question }),
    });
    expect(response.status).toBe(200);
    const events = (await response.text())
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { type: string; answer?: Done });
    return events.find((e) => e.type === 'done')!.answer!;
  };
  const rate = (body: unknown, headers: Record<string, string>) =>
    fetch(`${s.url}/api/chat/feedback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const ratings = () => s.runtime.store.db.selectFrom('feedback').selectAll().execute();

  beforeAll(async () => {
    s = await startAdminServer({ env: { WEB_CHAT: 'on', MAX_QUESTION_CHARS: String(MAX) } });
    await addDocument(
      s.runtime,
      'bands.md',
      '---\ntitle: Pay bands\n---\n# Pay bands\n\nThe Quillfeather pay band review happens every March for all engineers.\n',
    );
    await addDocument(
      s.runtime,
      'lockers.md',
      '---\ntitle: Locker room\n---\n# Locker room\n\nThe locker room door code is CONFIDENTIAL and changes every Monday at the front desk.\n',
    );
    publisher = await signIn(s.url, USERS.publisher);
    reviewer = await signIn(s.url, USERS.reviewer);
  });
  afterAll(async () => {
    await s?.close();
  });

  it('records the asker’s 👍 like Slack’s, and a second click changes it', async () => {
    const answer = await ask(QUESTION, publisher.cookie);
    expect(answer.status).toBe('answered');
    const up = await rate({ questionId: answer.questionId, rating: 'up' }, { cookie: publisher.cookie });
    expect(up.status).toBe(200);
    expect(await s.runtime.store.feedback.summary()).toMatchObject({ up: 1, down: 0 });
    expect(await ratings()).toMatchObject([
      { question_id: answer.questionId, rating: 'up', user: USERS.publisher, platform: 'web' },
    ]);

    const down = await rate({ questionId: answer.questionId, rating: 'down' }, { cookie: publisher.cookie });
    expect(down.status).toBe(200);
    expect(await s.runtime.store.feedback.summary()).toMatchObject({ up: 0, down: 1 });
    expect(await ratings()).toHaveLength(1);
  });

  it('refuses someone else’s answer, an unknown one, one asked elsewhere and a bad value, recording nothing', async () => {
    const before = await ratings();
    const answer = await ask(QUESTION, publisher.cookie);
    const theirs = await rate({ questionId: answer.questionId, rating: 'up' }, { cookie: reviewer.cookie });
    expect(theirs.status).toBe(404);
    expect(((await theirs.json()) as { error: string }).error).toMatch(/no answer of yours/);

    for (const questionId of [UNKNOWN, 'not-an-id', `${answer.questionId}x`]) {
      expect((await rate({ questionId, rating: 'up' }, { cookie: publisher.cookie })).status).toBe(404);
    }
    // The same person's question from another place is that place's to rate.
    const inSlack = await s.answers.ask({
      text: QUESTION,
      asker: { email: USERS.publisher, groups: ['all'] },
      place: { platform: 'slack', kind: 'dm', readers: [{ email: USERS.publisher, groups: ['all'] }] },
      history: [],
    });
    expect(
      (await rate({ questionId: inSlack.questionId, rating: 'up' }, { cookie: publisher.cookie })).status,
    ).toBe(404);
    // A refused question showed no answer to rate.
    const refused = await ask('x'.repeat(MAX + 1), publisher.cookie);
    expect(refused.status).toBe('invalid');
    expect(
      (await rate({ questionId: refused.questionId, rating: 'down' }, { cookie: publisher.cookie })).status,
    ).toBe(404);

    for (const body of [
      { questionId: answer.questionId, rating: 'sideways' },
      { questionId: answer.questionId, rating: 1 },
      { questionId: answer.questionId },
      { questionId: 7, rating: 'up' },
      '{"questionId": ',
    ]) {
      const response = await rate(body, { cookie: publisher.cookie });
      expect(response.status).toBe(400);
    }
    expect(await ratings()).toEqual(before);
  });

  it('takes a rating of a held answer only once a reviewer released it: not while it waits, not after a rejection', async () => {
    const before = await ratings();
    const heldOne = async () => {
      const answer = await ask('When does the locker room door code change?', publisher.cookie);
      expect(answer.status).toBe('held');
      const review = (await s.runtime.store.reviews.forQuestion(answer.questionId))!;
      expect(review.status).toBe('pending');
      return { answer, review };
    };

    const rejected = await heldOne();
    expect(
      (await rate({ questionId: rejected.answer.questionId, rating: 'up' }, { cookie: publisher.cookie }))
        .status,
    ).toBe(404);
    await s.admin.reviews.reject(rejected.review.id, USERS.reviewer, 'not for the chat page');
    expect(
      (await rate({ questionId: rejected.answer.questionId, rating: 'up' }, { cookie: publisher.cookie }))
        .status,
    ).toBe(404);
    expect(await ratings()).toEqual(before);

    const released = await heldOne();
    expect((await s.admin.reviews.approve(released.review.id, USERS.reviewer)).outcome).toBe('approved');
    const up = await rate(
      { questionId: released.answer.questionId, rating: 'up' },
      { cookie: publisher.cookie },
    );
    expect(up.status).toBe(200);
    expect(await ratings()).toHaveLength(before.length + 1);
  });

  it('follows the page’s sign-in rules: nobody unsigned, no cross-site post with the session', async () => {
    const answer = await ask(QUESTION, publisher.cookie);
    const body = { questionId: answer.questionId, rating: 'up' };
    expect((await rate(body, {})).status).toBe(401);
    expect((await rate(body, { cookie: publisher.cookie, 'sec-fetch-site': 'cross-site' })).status).toBe(401);
    expect((await ratings()).filter((r) => r.question_id === answer.questionId)).toEqual([]);
  });

  it('tells the page the configured limit in its language, and refuses a longer question instead of cutting it', async () => {
    const page = await fetch(`${s.url}/`, {
      headers: { cookie: publisher.cookie, 'accept-language': 'ja-JP,ja;q=0.9,en;q=0.5' },
    });
    const html = await page.text();
    expect(html).toContain(`data-max-question-chars="${MAX}"`);
    expect(html).toContain('data-language="ja"');
    expect(html).toContain(`質問が長すぎます。${MAX}文字以内で入力してください。`);
    expect(html).not.toContain('maxlength');

    const long = `${QUESTION} ${'Please also explain everything about it. '.repeat(8)}`;
    expect(long.length).toBeGreaterThan(MAX);
    const answer = await ask(long, publisher.cookie);
    expect(answer.status).toBe('invalid');
    expect(answer.answer).toBe(`That question is too long. Please keep it to ${MAX} characters or fewer.`);
    expect(answer.answer).not.toContain('every March');
  });
});
