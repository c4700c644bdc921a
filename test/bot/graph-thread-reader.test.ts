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
        { kind: 'chat', tenantId: 'tenant-b.example', chatId: '19:x@thread.v2' },
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
    const read = await reader().read(
      { kind: 'chat', tenantId: 'tenant-a.example', chatId: '19:chat@thread.v2' },
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
});
