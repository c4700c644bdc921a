/**
 * Data protection: retention deletes old question and answer texts but keeps anonymised counts;
 * data-subject export and erasure; SQLite backup and restore; an audit log that nothing can change.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupCommand, restoreCommand } from '../../src/cli/backup-command.js';
import { userCommand } from '../../src/cli/user-command.js';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/core/log.js';
import type { IncomingQuestion } from '../../src/core/types.js';
import { ANONYMISED, applyRetention } from '../../src/reliability/retention.js';
import { AuditRepository } from '../../src/store/small-repositories.js';
import type { Store } from '../../src/store/store.js';
import { ROOT, runCli } from '../helpers/cli.js';
import { DIALECTS, type TestDatabase, sqliteDatabase } from '../helpers/databases.js';
import { buildPipeline } from '../helpers/pipeline.js';

const DOCS = {
  'vpn.md': '---\ntitle: VPN\n---\n# VPN\nTo connect to the VPN, start the GlobalConnect client.\n',
};

function question(text: string, email: string): IncomingQuestion {
  const asker = { email, groups: ['all'] };
  return {
    text,
    asker,
    place: { platform: 'slack', kind: 'dm', channelId: 'D1', threadId: '1.2', readers: [asker] },
    history: [],
  };
}

const DAY = 86_400_000;

describe.each(DIALECTS)('data protection on $name', ({ create }) => {
  let db: TestDatabase;
  let store: Store;

  beforeEach(async () => {
    db = await create();
    store = await db.open();
  });
  afterEach(async () => {
    await store.close();
    await db.dispose();
  });

  it('retention deletes texts older than N days and keeps anonymised counts', async () => {
    const { answers } = await buildPipeline(store, db.dataDir, DOCS);
    const old = await answers.ask(question('How do I connect to the VPN?', 'old@corp.example'));
    const recent = await answers.ask(question('How do I connect to the VPN client?', 'new@corp.example'));
    await store.feedback.record({
      questionId: old.questionId,
      rating: 'down',
      user: 'old@corp.example',
      platform: 'slack',
      comment: 'my manager Bob said otherwise',
    });
    // The helpdesk loop's copies: a hand-off of the old question with an expert's reply, a wish to be
    // told, and its words kept as a standard answer's other wording.
    const at = new Date(Date.now() - 40 * DAY).toISOString();
    await store.db
      .insertInto('escalations')
      .values({
        id: 'e-old',
        question_id: old.questionId,
        requested_by: 'old@corp.example',
        status: 'resolved',
        route: 'default',
        expert_platform: 'slack',
        expert_channel: 'C-IT',
        expert_thread: '1.1',
        language: 'en',
        created_at: at,
        posted_at: at,
        resolved_at: at,
        resolved_by: 'erin@corp.example',
        standard_id: null,
      })
      .execute();
    await store.db
      .insertInto('escalation_replies')
      .values({
        escalation_id: 'e-old',
        reply_id: '1.2',
        author: 'erin@corp.example',
        text: 'Call me on 4411, I will sort it out.',
        created_at: at,
        relayed_at: at,
        verdict_action: 'allow',
      })
      .execute();
    await store.subscriptions.subscribe(old.questionId, 'old@corp.example');
    const standard = await store.standardAnswers.create({
      question: 'What is the VPN client called?',
      phrasings: ['How do I connect to the VPN?', 'vpn client name'],
      answer: 'GlobalConnect.',
      title: 'The VPN client',
      team: 'IT',
      audience: ['all'],
      languages: [],
      reviewAt: null,
      origin: 'gap',
      originRef: old.questionId,
      createdBy: 'root@corp.example',
    });
    await store.db
      .updateTable('questions')
      .set({ created_at: at })
      .where('id', '=', old.questionId)
      .execute();

    const retention = { db: store.db, claims: store.events, days: 30, logger: silentLogger };
    expect(await applyRetention(retention)).toBe(1);
    expect(await applyRetention(retention)).toBe(0);

    const gone = await store.questions.get(old.questionId);
    expect(gone).toMatchObject({ text: '', asker: ANONYMISED, status: 'answered', language: 'en' });
    expect(gone?.answerText).toBeUndefined();
    expect(gone?.channelId).toBeUndefined();
    const kept = await store.questions.get(recent.questionId);
    expect(kept?.text).toBe('How do I connect to the VPN client?');
    expect(kept?.answerText).toContain('GlobalConnect');
    const feedback = await store.db.selectFrom('feedback').selectAll().execute();
    expect(feedback).toHaveLength(1);
    expect(feedback[0]).toMatchObject({ rating: 'down', comment: null });
    expect(feedback[0]!.user).not.toContain('old@corp.example');
    expect(await store.feedback.summary()).toEqual({ up: 0, down: 1 });
    // The hand-off stays countable (its times), without anyone's name or the expert's words.
    expect(
      await store.db
        .selectFrom('escalations')
        .select(['requested_by', 'resolved_by', 'resolved_at'])
        .execute(),
    ).toEqual([{ requested_by: ANONYMISED, resolved_by: ANONYMISED, resolved_at: at }]);
    expect(await store.db.selectFrom('escalation_replies').select(['author', 'text']).execute()).toEqual([
      { author: ANONYMISED, text: '' },
    ]);
    expect(await store.db.selectFrom('answer_subscriptions').selectAll().execute()).toEqual([]);
    expect((await store.standardAnswers.get(standard.id))?.phrasings).toEqual(['vpn client name']);
  });

  it('exports what one employee asked and rated, then erases it and nothing of anyone else', async () => {
    const { answers } = await buildPipeline(store, db.dataDir, DOCS);
    const mine = await answers.ask(question('How do I connect to the VPN?', 'ana@corp.example'));
    const theirs = await answers.ask(question('VPN client name?', 'bob@corp.example'));
    await store.feedback.record({
      questionId: theirs.questionId,
      rating: 'up',
      user: 'ana@corp.example',
      platform: 'slack',
    });
    await store.feedback.record({
      questionId: mine.questionId,
      rating: 'up',
      user: 'bob@corp.example',
      platform: 'slack',
    });
    const config = loadConfig({ DATA_DIR: db.dataDir, DATABASE_URL: db.databaseUrl });
    const run = async (args: string[]) => {
      let out = '';
      const write = (text: string) => {
        out += text;
      };
      expect(await userCommand(config, silentLogger, args, write)).toBe(0);
      return JSON.parse(out) as Record<string, unknown>;
    };

    const exported = await run(['export', 'Ana@corp.example']);
    expect(exported).toMatchObject({
      email: 'ana@corp.example',
      questions: [{ id: mine.questionId, text: 'How do I connect to the VPN?', status: 'answered' }],
      feedback: [{ questionId: theirs.questionId, rating: 'up' }],
    });
    expect(await run(['delete', 'ana@corp.example'])).toMatchObject({
      email: 'ana@corp.example',
      deleted: { questions: 1, feedback: 1 },
    });
    expect(await run(['export', 'ana@corp.example'])).toMatchObject({ questions: [], feedback: [] });
    expect(await store.questions.get(mine.questionId)).toBeUndefined();
    expect((await store.questions.get(theirs.questionId))?.text).toBe('VPN client name?');
    expect(await store.feedback.summary()).toEqual({ up: 0, down: 0 });
    const audit = await store.audit.list({ limit: 10, offset: 0 });
    expect(audit.map((e) => e.action).sort()).toEqual(['subject.delete', 'subject.export', 'subject.export']);
    expect(JSON.stringify(audit)).not.toContain('ana@');
  });

  it('covers the helpdesk loop: wishes, hand-offs, expert replies and standard answers of the person', async () => {
    const { answers } = await buildPipeline(store, db.dataDir, DOCS);
    const mine = await answers.ask(question('Where is the VPN client for Linux?', 'ana@corp.example'));
    const theirs = await answers.ask(question('VPN client name?', 'bob@corp.example'));
    const now = new Date().toISOString();
    // Ana recorded a wish on Bob's question (before only askers could), asked for and resolved the
    // hand-off of his question, and replied in its thread beside another expert.
    await store.subscriptions.subscribe(theirs.questionId, 'ana@corp.example');
    await store.db
      .insertInto('escalations')
      .values({
        id: 'e1',
        question_id: theirs.questionId,
        requested_by: 'ana@corp.example',
        status: 'resolved',
        route: 'default',
        expert_platform: 'slack',
        expert_channel: 'C-IT',
        expert_thread: '9.1',
        language: 'en',
        created_at: now,
        posted_at: now,
        resolved_at: now,
        resolved_by: 'ana@corp.example',
        standard_id: null,
      })
      .execute();
    const reply = (id: string, author: string, text: string) => ({
      escalation_id: 'e1',
      reply_id: id,
      author,
      text,
      created_at: now,
      relayed_at: now,
      verdict_action: 'allow',
    });
    await store.db
      .insertInto('escalation_replies')
      .values([
        reply('9.2', 'ana@corp.example', 'It is GlobalConnect, my extension is 4411.'),
        reply('9.3', 'erin@corp.example', 'Install it from the software centre.'),
      ])
      .execute();
    // Both replies were held once: their reviews hold the same words as the replies.
    for (const [replyId, text] of [
      ['9.2', 'It is GlobalConnect, my extension is 4411.'],
      ['9.3', 'Install it from the software centre.'],
    ] as const)
      await store.escalations.reviewReply({
        escalationId: 'e1',
        replyId,
        questionId: theirs.questionId,
        text,
        findings: [],
        language: 'en',
      });
    // A standard answer she published, and one whose other wordings hold her question's words.
    const hers = await store.standardAnswers.create({
      question: 'What is the VPN client called?',
      phrasings: ['vpn client name'],
      answer: 'GlobalConnect.',
      title: 'The VPN client',
      team: 'IT',
      audience: ['all'],
      languages: [],
      reviewAt: null,
      origin: 'expert',
      originRef: 'e1',
      createdBy: 'ana@corp.example',
    });
    const withHerWords = await store.standardAnswers.create({
      question: 'How do I install the VPN client on Linux?',
      phrasings: ['where is the VPN client for  linux?', 'linux vpn install'],
      answer: 'From the software centre.',
      title: 'VPN on Linux',
      team: 'IT',
      audience: ['all'],
      languages: [],
      reviewAt: null,
      origin: 'gap',
      originRef: mine.questionId,
      createdBy: 'root@corp.example',
    });

    const config = loadConfig({ DATA_DIR: db.dataDir, DATABASE_URL: db.databaseUrl });
    const run = async (args: string[]) => {
      let out = '';
      expect(
        await userCommand(config, silentLogger, args, (text) => {
          out += text;
        }),
      ).toBe(0);
      return JSON.parse(out) as Record<string, unknown>;
    };
    expect(await run(['export', 'ana@corp.example'])).toMatchObject({
      subscriptions: [{ questionId: theirs.questionId }],
      escalations: [{ id: 'e1', questionId: theirs.questionId, requestedByThem: true, resolvedByThem: true }],
      escalationReplies: [{ escalationId: 'e1', text: 'It is GlobalConnect, my extension is 4411.' }],
      standardAnswers: [{ id: hers.id, title: 'The VPN client' }],
      standardAnswerWordings: [
        { standardId: withHerWords.id, wording: 'where is the VPN client for  linux?' },
      ],
    });

    const version = await store.standardAnswers.version();
    expect(await run(['delete', 'ana@corp.example'])).toEqual({
      email: 'ana@corp.example',
      deleted: {
        questions: 1,
        feedback: 0,
        subscriptions: 1,
        escalationsAnonymised: 2,
        escalationReplies: 1,
        standardAnswersAnonymised: 1,
        standardAnswerWordings: 1,
      },
    });
    expect(await store.subscriptions.waiting([theirs.questionId])).toEqual([]);
    expect(
      await store.db.selectFrom('escalations').select(['requested_by', 'resolved_by']).execute(),
    ).toEqual([{ requested_by: 'anonymised', resolved_by: 'anonymised' }]);
    const replies = await store.db.selectFrom('escalation_replies').select(['author', 'text']).execute();
    expect(replies).toEqual([{ author: 'erin@corp.example', text: 'Install it from the software centre.' }]);
    const reviews = await store.db.selectFrom('reviews').select(['reply_key', 'original_text']).execute();
    expect(reviews).toEqual([{ reply_key: 'e1 9.3', original_text: 'Install it from the software centre.' }]);
    // Her standard answer stays, the company's now, under no name; her words leave the other one.
    expect(await store.standardAnswers.get(hers.id)).toMatchObject({
      createdBy: 'anonymised',
      answer: 'GlobalConnect.',
      phrasings: ['vpn client name'],
    });
    expect((await store.standardAnswers.get(withHerWords.id))?.phrasings).toEqual(['linux vpn install']);
    expect(await store.standardAnswers.version()).not.toBe(version);
    const after = JSON.stringify(await run(['export', 'ana@corp.example']));
    expect(after).not.toContain('4411');
    expect(after).not.toContain('linux');
  });

  it('keeps the audit log append-only: the database refuses to change or delete an entry', async () => {
    await store.audit.append({ actor: 'admin@corp.example', action: 'review.approve', target: 'r1' });
    await expect(store.db.updateTable('audit_log').set({ actor: 'someone-else' }).execute()).rejects.toThrow(
      /append-only/,
    );
    await expect(store.db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
    if (db.name === 'postgres')
      await expect(sql`truncate audit_log`.execute(store.db)).rejects.toThrow(/append-only/);
    expect(await store.audit.list({ limit: 10, offset: 0 })).toEqual([
      expect.objectContaining({ actor: 'admin@corp.example', action: 'review.approve', target: 'r1' }),
    ]);
  });
});

describe('the audit log in the code', () => {
  it('has no path that updates or deletes entries', () => {
    expect(Object.getOwnPropertyNames(AuditRepository.prototype).sort()).toEqual([
      'append',
      'constructor',
      'list',
    ]);
    const offending: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir)) {
        const file = path.join(dir, entry);
        if (statSync(file).isDirectory()) walk(file);
        else if (/\.ts$/.test(entry)) {
          const text = readFileSync(file, 'utf8');
          if (
            /(updateTable|deleteFrom)\(\s*['"]audit_log['"]|(update|delete\s+from|truncate)\s+audit_log/i.test(
              text,
            )
          )
            offending.push(path.relative(ROOT, file));
        }
      }
    };
    for (const dir of ['src', 'ingest']) walk(path.join(ROOT, dir));
    expect(offending).toEqual([]);
  });
});

describe('SQLite backup and restore', () => {
  let db: TestDatabase;
  beforeEach(() => {
    db = sqliteDatabase();
  });
  afterEach(async () => {
    await db.dispose();
  });

  it('backs up while the store is open and restores it, dropping the index snapshots', async () => {
    const store = await db.open();
    const { answers } = await buildPipeline(store, db.dataDir, DOCS);
    const before = await answers.ask(question('How do I connect to the VPN?', 'ana@corp.example'));
    const file = path.join(db.dataDir, 'backup.sqlite');
    // Through the real CLI, with the store still open (as with `serve` running).
    const cli = await runCli(['backup', file], { env: { DATA_DIR: db.dataDir } });
    expect(cli.code).toBe(0);
    expect(cli.stderr).toMatch(/backed up .* bytes/);
    const after = await answers.ask(question('After the backup', 'ana@corp.example'));
    await store.close();
    expect(readdirSync(db.dataDir).some((f) => f.endsWith('.snap'))).toBe(true);

    const config = loadConfig({ DATA_DIR: db.dataDir });
    expect(await restoreCommand(config, silentLogger, [file])).toBe(0);
    expect(readdirSync(db.dataDir).some((f) => f.endsWith('.snap'))).toBe(false);
    const restored = await db.open();
    try {
      expect((await restored.questions.get(before.questionId))?.text).toBe('How do I connect to the VPN?');
      expect(await restored.questions.get(after.questionId)).toBeUndefined();
    } finally {
      await restored.close();
    }
    await expect(
      restoreCommand(config, silentLogger, [path.join(db.dataDir, 'missing.sqlite')]),
    ).rejects.toThrow(/cannot restore/);
    await expect(
      backupCommand(
        loadConfig({ DATA_DIR: db.dataDir, DATABASE_URL: 'postgres://x@127.0.0.1/db' }),
        silentLogger,
        [file],
      ),
    ).rejects.toThrow(/pg_dump/);
  });
});
