/**
 * Summaries on the chat page, over real HTTP on 127.0.0.1 with the real runtime and SQLite:
 * "summarise <title>" in a language the product speaks, the Summarise button's request, access
 * (a restricted document is not found, its title never shown), and a question about summarising
 * that stays a question.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AdminServer, USERS, addDocument, signIn, startAdminServer } from '../admin/admin-harness.js';

interface Done {
  readonly status: string;
  readonly answer: string;
  readonly questionId: string;
  readonly summary?: boolean;
  readonly citations: { n: number; title: string; source: string }[];
}

const LEAVE = `---
title: Annual Leave
---
# Annual Leave

## How many days
Full-time employees get 20 days of paid annual leave per calendar year. Leave grows by one day for each year of service, up to 25 days.

## Requesting leave
Request leave in Lumen People at least five working days ahead. Your manager approves or declines within two working days.

## Carry-over
Up to five unused days carry over to the next year and must be used by 31 March.
`;

const LEAVE_JA = `---
title: 年次有給休暇について
language: ja
---
# 年次有給休暇について

## 日数
フルタイムの社員には、年間20日の有給休暇が付与されます。勤続1年ごとに1日ずつ加算され、上限は年間25日です。

## 申請方法
休暇初日の5営業日前までに人事ポータルで申請してください。上長が2営業日以内に承認または却下します。
`;

const DATABASE = `---
title: Reporting Database Access
---
# Reporting Database Access

The reporting database holds the monthly sales figures for every office. Connect to it with the shared reporting account from the office network. The shared reporting password is Tq8!vRm2-Lk5wZp9 until the end of the quarter. Every query is logged with the name of the person who ran it.
`;

const PLAN = `---
title: Project Kestrel Office Move
---
# Project Kestrel Office Move

The Osaka office moves to the Umeda tower in June. Twelve desks move in the first week and the rest in the second week.
`;

describe('summaries on the chat page', () => {
  let s: AdminServer;
  let cookie: string;

  const post = async (body: unknown) => {
    const response = await fetch(`${s.url}/api/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, text };
  };
  const done = async (body: unknown) => {
    const { status, text } = await post(body);
    expect(status).toBe(200);
    const events = text
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { type: string; answer?: Done });
    expect(events[0]?.type).toBe('started');
    return { answer: events.find((e) => e.type === 'done')!.answer!, raw: text };
  };

  beforeAll(async () => {
    s = await startAdminServer({ env: { WEB_CHAT: 'on' } });
    await addDocument(s.runtime, 'hr/leave.md', LEAVE);
    await addDocument(s.runtime, 'hr/leave-ja.md', LEAVE_JA);
    await addDocument(s.runtime, 'it/db-access.md', DATABASE);
    await addDocument(s.runtime, 'facilities/kestrel.md', PLAN, {
      audience: ['facilities'],
      classification: 'restricted',
    });
    cookie = (await signIn(s.url, USERS.publisher)).cookie;
  });
  afterAll(async () => {
    await s?.close();
  });

  it('summarises a document asked for by title, with its sections as sources', async () => {
    const { answer } = await done({ question: 'Summarise Annual Leave' });
    expect(answer).toMatchObject({ status: 'answered', summary: true });
    expect(answer.answer).toContain('Summary of “Annual Leave”');
    expect(answer.citations.map((c) => c.title)).toContain('Annual Leave › How many days');
    const row = await s.runtime.store.questions.get(answer.questionId);
    expect(row).toMatchObject({ kind: 'summary', platform: 'web', asker: USERS.publisher });
  });

  it('understands the request in Japanese and writes the heading in it', async () => {
    const { answer } = await done({ question: '年次有給休暇についてを要約して' });
    expect(answer).toMatchObject({ status: 'answered', summary: true });
    expect(answer.answer).toContain('「年次有給休暇について」の要約');
  });

  it('summarises the document of a source, as the Summarise button asks', async () => {
    const { answer } = await done({ summarize: 'hr/leave.md' });
    expect(answer).toMatchObject({ status: 'answered', summary: true });
    expect(answer.citations.every((c) => c.source === 'hr/leave.md')).toBe(true);
  });

  it('does not find a restricted document for someone outside its audience, nor name it', async () => {
    for (const body of [
      { question: 'summarise Project Kestrel Office Move' },
      { summarize: 'facilities/kestrel.md' },
    ]) {
      const { answer, raw } = await done(body);
      expect(answer.status).toBe('not_found');
      expect(raw).not.toMatch(/kestrel|umeda|osaka/i);
    }
  });

  it('answers a question about summarising as a question', async () => {
    const { answer } = await done({ question: 'How do I summarise a PDF?' });
    expect(answer.summary).toBeUndefined();
  });

  it('holds a summary that would quote a credential, and shows it once a reviewer approved it, credential masked', async () => {
    const { answer } = await done({ question: 'summarise Reporting Database Access' });
    expect(answer).toMatchObject({ status: 'held', summary: true });
    expect(answer.answer).not.toContain('Tq8!vRm2');
    const reviewId = (answer as unknown as { reviewId: string }).reviewId;
    const held = () =>
      fetch(`${s.url}/api/chat/held/${reviewId}`, { headers: { cookie } }).then(
        (r) => r.json() as Promise<{ status: string; answer?: string }>,
      );
    expect(await held()).toEqual({ status: 'pending' });
    expect((await s.admin.reviews.approve(reviewId, USERS.reviewer)).outcome).toBe('approved');
    const released = await held();
    expect(released.status).toBe('approved');
    expect(released.answer).toContain('Summary of “Reporting Database Access”');
    expect(released.answer).not.toContain('Tq8!vRm2');
  });

  it('shows summaries in insight, counted apart from questions and never as knowledge gaps', async () => {
    await done({ question: 'summarise the Quokka Migration Guide' });
    const admin = await signIn(s.url, USERS.admin);
    const page = await fetch(`${s.url}/admin/insight`, { headers: { cookie: admin.cookie } }).then((r) =>
      r.text(),
    );
    const count = Number(/<span class="big">(\d+)<\/span> summaries/u.exec(page)?.[1]);
    const summaries = await s.runtime.store.db
      .selectFrom('questions')
      .select('id')
      .where('kind', '=', 'summary')
      .execute();
    expect(count).toBe(summaries.length);
    expect(page).toContain('Summary:</span> <bdi>Annual Leave</bdi>');
    // Questions and gaps are questions only: the unfound summary is no gap, and no question.
    const questions = Number(/<span class="big">(\d+)<\/span> questions/u.exec(page)?.[1]);
    const asked = await s.runtime.store.db
      .selectFrom('questions')
      .select('id')
      .where('kind', 'is', null)
      .execute();
    expect(questions).toBe(asked.length);
    expect(page.slice(page.indexOf('Knowledge gaps'), page.indexOf('<h2>Summaries'))).not.toContain('Quokka');
  });

  it('refuses a request with neither a question nor a document', async () => {
    expect((await post({ summarize: '' })).status).toBe(400);
    expect((await post({ summarize: 'x'.repeat(1001) })).status).toBe(400);
  });
});
