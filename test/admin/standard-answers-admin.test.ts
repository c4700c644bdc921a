import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FollowUpDelivery } from '../../src/answer/ports.js';
import { adminCommand } from '../../src/cli/admin-command.js';
import type { Principal } from '../../src/core/types.js';
import { type AdminServer, USERS, signIn, startAdminServer } from './admin-harness.js';
import { RecordingChannel } from './recording-channel.js';

/** The recording channel, also keeping later messages to askers. */
class FollowUpChannel extends RecordingChannel {
  readonly followUps: FollowUpDelivery[] = [];
  async deliverFollowUp(delivery: FollowUpDelivery): Promise<void> {
    if (this.failuresLeft-- > 0) throw new Error('the platform is down');
    this.followUps.push(delivery);
  }
}

const slack = new FollowUpChannel('slack');
let s: AdminServer;
const tokens: Record<string, string> = {};

async function token(email: string): Promise<string> {
  let out = '';
  await adminCommand(s.runtime, ['token', email], {
    readStdin: async () => '',
    out: (t) => (out += t),
    err: () => {},
  });
  return out.trim();
}

const api = (path: string, init: RequestInit & { as?: string } = {}) =>
  fetch(`${s.url}/admin/api${path}`, {
    ...init,
    headers: {
      ...(init.as ? { authorization: `Bearer ${tokens[init.as]}` } : {}),
      ...(typeof init.body === 'string' ? { 'content-type': 'application/json' } : {}),
    },
  });

/** An unanswered question asked in a Slack DM (nothing in the knowledge base answers it). */
async function unanswered(text: string, email: string): Promise<string> {
  const asker: Principal = { email, groups: ['all'] };
  const result = await s.answers.ask({
    text,
    asker,
    place: {
      platform: 'slack',
      kind: 'dm',
      channelId: 'D1',
      threadId: '1700.1',
      readers: [asker],
      delivery: { channel: 'D1' },
    },
    history: [],
  });
  expect(result.status).toBe('not_found');
  return result.questionId;
}

beforeAll(async () => {
  s = await startAdminServer({ deliveries: (p) => (p === 'slack' ? slack : undefined) });
  for (const email of Object.values(USERS)) tokens[email] = await token(email);
});
afterAll(async () => {
  await s?.close();
});

describe('standard answers: the JSON API', () => {
  it('answers 401 without credentials and 403 to a reviewer; publishers and admins create, list, edit and retire', async () => {
    expect((await api('/standard-answers')).status).toBe(401);
    expect((await api('/standard-answers', { as: USERS.reviewer })).status).toBe(403);
    const refused = await api('/standard-answers', {
      as: USERS.reviewer,
      method: 'POST',
      body: JSON.stringify({ question: 'q?', answer: 'a', audience: ['all'] }),
    });
    expect(refused.status).toBe(403);

    const created = await api('/standard-answers', {
      as: USERS.publisher,
      method: 'POST',
      body: JSON.stringify({
        question: 'How do I reset my VPN password?',
        answer: 'Open https://id.corp.example and choose "Forgot password".',
        audience: ['all'],
        language: 'en',
      }),
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    expect(id).toMatch(/[0-9a-f-]{36}/);

    const listed = (await (await api('/standard-answers', { as: USERS.admin })).json()) as {
      standardAnswers: { id: string; team: string; languages: string[]; uses: number; origin: string }[];
    };
    expect(listed.standardAnswers.find((a) => a.id === id)).toMatchObject({
      team: 'Helpdesk',
      languages: ['en'],
      uses: 0,
      origin: 'admin',
    });

    const patched = await api(`/standard-answers/${id}`, {
      as: USERS.admin,
      method: 'PATCH',
      body: JSON.stringify({ team: 'IT', reviewAt: '2027-01-31' }),
    });
    expect(patched.status).toBe(200);
    expect(((await patched.json()) as { standardAnswer: unknown }).standardAnswer).toMatchObject({
      team: 'IT',
      reviewAt: '2027-01-31',
    });

    const bad = await api('/standard-answers', {
      as: USERS.publisher,
      method: 'POST',
      body: JSON.stringify({ question: 'q?', answer: '', audience: ['all'] }),
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toMatch(/"answer"/);

    expect((await api(`/standard-answers/${id}`, { as: USERS.reviewer, method: 'DELETE' })).status).toBe(403);
    expect((await api(`/standard-answers/${id}`, { as: USERS.publisher, method: 'DELETE' })).status).toBe(
      204,
    );
    expect((await api(`/standard-answers/${id}`, { as: USERS.publisher, method: 'DELETE' })).status).toBe(
      404,
    );
    const after = (await (await api('/standard-answers', { as: USERS.admin })).json()) as {
      standardAnswers: { id: string }[];
    };
    expect(after.standardAnswers.map((a) => a.id)).not.toContain(id);
    const audit = (await s.runtime.store.audit.list({ limit: 100, offset: 0 })).filter(
      (e) => e.target === id,
    );
    expect(audit.map((e) => [e.action, e.actor]).sort()).toEqual([
      ['standard_answer.create', USERS.publisher],
      ['standard_answer.edit', USERS.admin],
      ['standard_answer.retire', USERS.publisher],
    ]);
  });

  it('refuses a session request without the CSRF token', async () => {
    const { cookie } = await signIn(s.url, USERS.publisher);
    const res = await fetch(`${s.url}/admin/api/standard-answers`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ question: 'q?', answer: 'a', audience: ['all'] }),
    });
    expect(res.status).toBe(403);
  });
});

describe('standard answers: the admin page', () => {
  const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

  it('creates, lists with uses and an overdue review date, edits and retires; CSRF like the other forms', async () => {
    const { cookie, csrf } = await signIn(s.url, USERS.publisher);
    const post = (path: string, fields: Record<string, string>) =>
      fetch(`${s.url}${path}`, {
        method: 'POST',
        redirect: 'manual',
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body: form(fields),
      });
    const fields = {
      question: 'Where do I find the parking rules?',
      answer: 'In the facilities handbook, section 4.',
      title: 'Parking rules',
      team: 'Facilities',
      audience: 'all',
      languages: '',
      reviewAt: '2020-01-01',
      phrasings: '駐車場のルールはどこ？\nparking policy',
    };
    expect((await post('/admin/standard-answers', fields)).status).toBe(403);
    const created = await post('/admin/standard-answers', { ...fields, _csrf: csrf });
    expect(created.status).toBe(303);
    expect(created.headers.get('location')).toBe('/admin/standard-answers?notice=standard_created');

    const page = await fetch(`${s.url}/admin/standard-answers`, { headers: { cookie } }).then((r) =>
      r.text(),
    );
    expect(page).toContain('Parking rules');
    expect(page).toMatch(/<tr class="overdue">[\s\S]*Parking rules[\s\S]*overdue/);
    expect(page).toContain('href="/admin/standard-answers"');
    const id = /href="\/admin\/standard-answers\/([0-9a-f-]{36})"/.exec(page)![1]!;

    const invalid = await post(`/admin/standard-answers/${id}`, { ...fields, audience: '', _csrf: csrf });
    expect(invalid.status).toBe(400);
    expect(await invalid.text()).toContain('at least one group');
    const saved = await post(`/admin/standard-answers/${id}`, {
      ...fields,
      reviewAt: '2099-01-01',
      _csrf: csrf,
    });
    expect(saved.headers.get('location')).toBe('/admin/standard-answers?notice=standard_saved');
    const edited = await s.runtime.store.standardAnswers.get(id);
    expect(edited).toMatchObject({
      reviewAt: '2099-01-01',
      phrasings: ['駐車場のルールはどこ？', 'parking policy'],
    });

    const retired = await post(`/admin/standard-answers/${id}/retire`, { _csrf: csrf });
    expect(retired.headers.get('location')).toBe('/admin/standard-answers?notice=standard_retired');
    expect((await s.runtime.store.standardAnswers.get(id))?.retiredAt).not.toBeNull();
  });

  it('is not offered to a reviewer', async () => {
    const { cookie } = await signIn(s.url, USERS.reviewer);
    expect((await fetch(`${s.url}/admin/standard-answers`, { headers: { cookie } })).status).toBe(403);
  });

  it('answers a knowledge gap: the form prefilled with its questions, the waiting askers told once', async () => {
    const first = await unanswered('How do I book a parking space for visitors?', 'ken@corp.example');
    const second = await unanswered('how can I book a visitor parking space', 'mia@corp.example');
    const notWaiting = await unanswered('book a parking space for a visitor?', 'ola@corp.example');
    await s.runtime.store.subscriptions.subscribe(first, 'ken@corp.example');
    await s.runtime.store.subscriptions.subscribe(second, 'mia@corp.example');

    const { cookie, csrf } = await signIn(s.url, USERS.admin);
    const insight = await fetch(`${s.url}/admin/insight`, { headers: { cookie } }).then((r) => r.text());
    const link = /href="(\/admin\/standard-answers\/new\?gap=[^"#]+)#new">Answer this</.exec(insight)?.[1];
    expect(link).toBeDefined();
    const prefilled = await fetch(`${s.url}${link!.replace(/&amp;/g, '&')}`, { headers: { cookie } }).then(
      (r) => r.text(),
    );
    expect(prefilled).toContain('Answer this knowledge gap');
    const gap = /name="gap" value="([^"]+)"/.exec(prefilled)![1]!;
    const question = /<textarea name="question"[^>]*>([^<]*)<\/textarea>/.exec(prefilled)![1]!;
    const phrasings = /<textarea name="phrasings"[^>]*>([^<]*)<\/textarea>/.exec(prefilled)![1]!;
    expect([question, ...phrasings.split('\n')].sort()).toEqual(
      [
        'How do I book a parking space for visitors?',
        'how can I book a visitor parking space',
        'book a parking space for a visitor?',
      ].sort(),
    );

    expect(prefilled).toContain('in a channel only when its audience is <code>all</code>');
    const answerFields = {
      gap,
      question,
      phrasings,
      answer: 'Book it at https://parking.corp.example, up to a week ahead.',
      title: 'Visitor parking',
      team: 'Facilities',
      audience: 'all',
      languages: '',
      reviewAt: '',
    };

    // Knowledge gaps are insight: a publisher can neither open one nor answer it (and tell its askers).
    const publisher = await signIn(s.url, USERS.publisher);
    const opened = await fetch(`${s.url}/admin/standard-answers/new?gap=${encodeURIComponent(gap)}`, {
      headers: { cookie: publisher.cookie },
    });
    expect(opened.status).toBe(403);
    expect(await opened.text()).not.toContain('visitor');
    const answered = await fetch(`${s.url}/admin/standard-answers`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: publisher.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: form({ _csrf: publisher.csrf, ...answerFields }),
    });
    expect(answered.status).toBe(403);
    expect(slack.followUps).toEqual([]);
    expect((await s.runtime.store.standardAnswers.list()).some((a) => a.title === 'Visitor parking')).toBe(
      false,
    );

    const created = await fetch(`${s.url}/admin/standard-answers`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: form({ _csrf: csrf, ...answerFields }),
    });
    expect(created.headers.get('location')).toBe(
      '/admin/standard-answers?notice=standard_created&told=2&waiting=2',
    );
    const report = await fetch(`${s.url}${created.headers.get('location')}`, { headers: { cookie } }).then(
      (r) => r.text(),
    );
    expect(report).toContain('Told 2 of the 2 askers who asked to be told.');
    expect(slack.followUps.map((f) => [f.questionId, f.asker]).sort()).toEqual(
      [
        [first, 'ken@corp.example'],
        [second, 'mia@corp.example'],
      ].sort(),
    );
    const told = slack.followUps.find((f) => f.questionId === first)!;
    expect(told).toMatchObject({
      channelId: 'D1',
      threadId: '1700.1',
      delivery: { channel: 'D1' },
      language: 'en',
    });
    expect(told.text).toContain('Your question now has an answer:');
    expect(told.text).toContain('> How do I book a parking space for visitors?');
    expect(told.text).toContain('Book it at https://parking.corp.example');
    expect(told.text).toMatch(/Answered by Facilities on \w+ \d+, \d{4}/);
    expect(slack.followUps.some((f) => f.questionId === notWaiting)).toBe(false);

    const standard = (await s.runtime.store.standardAnswers.list()).find(
      (a) => a.title === 'Visitor parking',
    )!;
    expect(standard).toMatchObject({ origin: 'gap' });
    // Told once: a second notification finds nobody waiting.
    const again = await s.runtime.store.subscriptions.waiting([first, second]);
    expect(again).toEqual([]);
  });

  it("shows the employees' wordings and the gap's question of a gap answer only to roles that may read insight", async () => {
    const standard = (await s.runtime.store.standardAnswers.list()).find(
      (a) => a.title === 'Visitor parking',
    )!;
    expect(standard.phrasings.length).toBe(2);
    const read = async (as: string) =>
      ((await (await api(`/standard-answers/${standard.id}`, { as })).json()) as { standardAnswer: object })
        .standardAnswer;
    expect(await read(USERS.admin)).toMatchObject({
      phrasings: standard.phrasings,
      originRef: standard.originRef,
    });
    const published = await read(USERS.publisher);
    expect(published).toMatchObject({ origin: 'gap', title: 'Visitor parking' });
    expect(published).not.toHaveProperty('phrasings');
    expect(published).not.toHaveProperty('originRef');
    const listed = (await (await api('/standard-answers', { as: USERS.publisher })).json()) as {
      standardAnswers: Record<string, unknown>[];
    };
    const row = listed.standardAnswers.find((a) => a['id'] === standard.id)!;
    expect(row).not.toHaveProperty('phrasings');
    expect(row).not.toHaveProperty('originRef');
    for (const wording of standard.phrasings) expect(JSON.stringify(listed)).not.toContain(wording);

    // A publisher cannot replace wordings they cannot see; an edit of the rest keeps them.
    const replaced = await api(`/standard-answers/${standard.id}`, {
      as: USERS.publisher,
      method: 'PATCH',
      body: JSON.stringify({ phrasings: ['parking'] }),
    });
    expect(replaced.status).toBe(400);
    const { cookie, csrf } = await signIn(s.url, USERS.publisher);
    const editPage = await fetch(`${s.url}/admin/standard-answers/${standard.id}`, {
      headers: { cookie },
    }).then((r) => r.text());
    expect(editPage).not.toContain('name="phrasings"');
    for (const wording of standard.phrasings) expect(editPage).not.toContain(wording);
    expect(editPage).toContain('Other wordings: 2');
    const saved = await fetch(`${s.url}/admin/standard-answers/${standard.id}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: form({
        _csrf: csrf,
        question: standard.question,
        answer: 'Book it at https://parking.corp.example, up to two weeks ahead.',
        title: 'Visitor parking',
        team: 'Facilities',
        audience: 'all',
        languages: '',
        reviewAt: '',
      }),
    });
    expect(saved.status).toBe(303);
    expect(await s.runtime.store.standardAnswers.get(standard.id)).toMatchObject({
      answer: 'Book it at https://parking.corp.example, up to two weeks ahead.',
      phrasings: standard.phrasings,
    });
    // The admin's edit page shows them.
    const admin = await signIn(s.url, USERS.admin);
    const adminPage = await fetch(`${s.url}/admin/standard-answers/${standard.id}`, {
      headers: { cookie: admin.cookie },
    }).then((r) => r.text());
    expect(adminPage).toContain('name="phrasings"');
    for (const wording of standard.phrasings) expect(adminPage).toContain(wording);
  });
});
