/**
 * A link target PolyDesk may store and show: an absolute http(s) URL without credentials, in its
 * normalised form (`new URL().href`), with `|` percent-encoded as well — Slack reads `<url|label>`,
 * so a `|` left in a URL would let the rest of it pose as the link's label. `<`, `>`, spaces and
 * quotes are already percent-encoded by the normalisation. Undefined for anything else.
 */
export function normalizeHttpUrl(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  // `https://intranet.example@phish.example/` reads as the intranet but opens the other host.
  if (url.username || url.password) return undefined;
  return url.href.replace(/\|/g, '%7C');
}

/**
 * Whether a URL's host is this machine (`127.0.0.1`, `localhost`, `[::1]`, as `URL.hostname` writes
 * them): the only hosts plain http is allowed to, for a test server, since nothing else of the
 * request (credentials, documents) crosses a network there.
 */
export function isLoopbackHost(hostname: string): boolean {
  return hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]';
}
