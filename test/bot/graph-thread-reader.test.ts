import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphThreadReader, htmlToText } from '../../src/bot/teams/graph-thread-reader.js';
import { type FakeGraph, startFakeGraph } from '../fakes/fake-graph.js';

describe('htmlToText', () => {
  it('reads a Teams message body as people see it', () => {
    expect(
      htmlToText(
        '<div><p>Hi <at id="0">Kenji Sato</at>,</p><p>the gateway&nbsp;is back &amp; stable.<br>Logs: <a href="https://x.example">here</a></p><ul><li>one</li><li>two</li></ul></div>',
      ),
    ).toBe('Hi Kenji Sato,\nthe gateway is back & stable.\nLogs: here\none\ntwo');
    expect(htmlToText('&#26481;&#x4eac; &lt;b&gt; &unknown; &#0;')).toBe('東京 <b> &unknown;');
    expect(htmlToText('<script>alert(1)</script><style>p{}</style>text')).toBe('text');
  });
});

describe('GraphThreadReader', () => {
  let graph: FakeGraph;
  const limits = { maxMessages: 10, maxScanned: 100, maxMessageChars: 50 };
  beforeAll(async () => {
    graph = await startFakeGraph({ tenantId: 'tenant-a.example', pageSize: 2 });
  });
  afterAll(async () => {
    await graph?.close();
  });
  const reader = (tenantId?: string) =>
    new GraphThreadReader({
      clientId: graph.clientId,
      clientSecret: graph.clientSecret,
      tenantId,
      graphUrl: graph.graphUrl,
      loginUrl: graph.loginUrl,
      logger: () => {},
    });

  it('reads no conversation of another tenant when the bot is single-tenant, and asks Graph nothing', async () => {
    const before = graph.requests.length;
    expect(
      await reader('tenant-a.example').read(
        { kind: 'chat', tenantId: 'tenant-b.example', chatId: '19:x@thread.v2', readers: 'all' },
        limits,
      ),
    ).toEqual({
      status: 'unavailable',
      reason: 'other_tenant',
    });
    expect(graph.requests.length).toBe(before);
  });

  it('cuts long messages, keeps other apps and leaves out its own, newest first in a chat', async () => {
    graph.addChat('19:chat@thread.v2', [
      {
        id: '1',
        createdDateTime: '2026-11-30T10:00:00Z',
        from: { user: { id: 'u1', displayName: 'Ana' } },
        body: { contentType: 'text', content: 'x'.repeat(80) },
      },
      {
        id: '2',
        createdDateTime: '2026-11-30T10:01:00Z',
        from: { application: { id: graph.clientId, displayName: 'PolyDesk' } },
        body: { contentType: 'text', content: 'own answer' },
      },
      {
        id: '3',
        createdDateTime: '2026-11-30T10:02:00Z',
        from: { application: { id: 'ci', displayName: 'CI' } },
        body: { contentType: 'html', content: '<p>build <b>green</b></p>' },
        webUrl: 'https://teams.microsoft.com/l/message/3',
      },
    ]);
    graph.setChatMembers('19:chat@thread.v2', [{ userId: 'u1', displayName: 'Ana' }]);
    const read = await reader().read(
      { kind: 'chat', tenantId: 'tenant-a.example', chatId: '19:chat@thread.v2', readers: 'all' },
      limits,
    );
    expect(read).toEqual({
      status: 'read',
      messages: [
        { author: 'Ana', text: 'x'.repeat(50), at: '2026-11-30T10:00:00Z' },
        {
          author: 'CI',
          text: 'build green',
          at: '2026-11-30T10:02:00Z',
          link: 'https://teams.microsoft.com/l/message/3',
        },
      ],
      seen: 2,
      complete: true,
      olderUnread: false,
    });
  });

  describe('a chat where members see only part of its history', () => {
    const chatId = '19:limited@thread.v2';
    const message = (id: string, minute: number, text: string) => ({
      id,
      createdDateTime: `2026-11-30T10:${String(minute).padStart(2, '0')}:00Z`,
      from: { user: { id: 'u-ana', displayName: 'Ana' } },
      body: { contentType: 'text' as const, content: text },
    });
    beforeAll(() => {
      graph.addChat(chatId, [
        message('1', 0, 'salary bands for next year'),
        message('2', 10, 'the offsite is on Friday'),
        message('3', 20, 'bring a laptop'),
        message('4', 30, 'lunch is at noon'),
      ]);
      graph.setChatMembers(chatId, [
        // Ana sees everything; Ben was added at 10:10 "including the last few minutes" (from 10:05);
        // Chloé was added at 10:25 without history.
        { userId: 'u-ana', displayName: 'Ana' },
        { userId: 'u-ben', displayName: 'Ben', visibleHistoryStartDateTime: '2026-11-30T10:05:00Z' },
        { userId: 'u-chloe', displayName: 'Chloé', visibleHistoryStartDateTime: '2026-11-30T10:25:00Z' },
      ]);
    });
    const textsFor = async (readers: { userId: string } | 'all') => {
      const read = await reader().read(
        { kind: 'chat', tenantId: 'tenant-a.example', chatId, readers },
        limits,
      );
      return read.status === 'read' ? read.messages.map((m) => m.text) : read;
    };

    it('shows a member only what Teams shows them', async () => {
      expect(await textsFor({ userId: 'u-ana' })).toEqual([
        'salary bands for next year',
        'the offsite is on Friday',
        'bring a laptop',
        'lunch is at noon',
      ]);
      expect(await textsFor({ userId: 'u-ben' })).toEqual([
        'the offsite is on Friday',
        'bring a laptop',
        'lunch is at noon',
      ]);
      expect(await textsFor({ userId: 'u-chloe' })).toEqual(['lunch is at noon']);
    });

    it('shows everyone only what the member with the least history sees', async () => {
      expect(await textsFor('all')).toEqual(['lunch is at noon']);
    });

    it('reads no message when the members cannot be read, or the reader is not among them', async () => {
      expect(await textsFor({ userId: 'u-stranger' })).toEqual({
        status: 'unavailable',
        reason: 'members_unavailable',
      });
      graph.addChat('19:no-members@thread.v2', [message('9', 0, 'older news')]);
      const before = graph.requests.length;
      expect(
        await reader().read(
          { kind: 'chat', tenantId: 'tenant-a.example', chatId: '19:no-members@thread.v2', readers: 'all' },
          limits,
        ),
      ).toEqual({ status: 'unavailable', reason: 'members_unavailable' });
      expect(graph.requests.slice(before).some((r) => r.url.includes('/messages'))).toBe(false);
    });
  });
});
