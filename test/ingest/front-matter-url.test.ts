import { describe, expect, it } from 'vitest';
import { parseFrontMatter } from '../../ingest/front-matter.js';

const withUrl = (url: string) => `---\ntitle: Leave\nurl: "${url}"\n---\nBody`;

describe('front matter url', () => {
  it('is stored normalised, with nothing left that Slack or Markdown could read as a label', () => {
    expect(parseFrontMatter('a.md', withUrl('HTTPS://Intranet.Example/hr/leave')).meta.url).toBe(
      'https://intranet.example/hr/leave',
    );
    expect(parseFrontMatter('a.md', withUrl('https://phish.example/login|the SSO page')).meta.url).toBe(
      'https://phish.example/login%7Cthe%20SSO%20page',
    );
    expect(parseFrontMatter('a.md', withUrl('https://a.example/x?q=<b>#<c>')).meta.url).toBe(
      'https://a.example/x?q=%3Cb%3E#%3Cc%3E',
    );
  });

  it.each([
    ['a script URL', 'javascript:alert(1)'],
    ['a relative URL', '/hr/leave'],
    ['a URL with credentials that hides its host', 'https://intranet.example@phish.example/login'],
    ['another scheme', 'file:///etc/passwd'],
  ])('refuses %s, naming the file’s problem', (_case, url) => {
    expect(() => parseFrontMatter('a.md', withUrl(url))).toThrow(/url ".*" is not an http\(s\) URL/);
  });
});
