/**
 * Browsers and people treat loopback specially: Chromium does not block `http://127.0.0.1` as mixed content,
 * and nothing sent there crosses a network. Everything else reached over http is a real exposure.
 */
export function isLoopbackUrl(url: URL): boolean {
  const host = url.hostname.replace(/^\[|\]$/g, "").toLowerCase();
  return host === "localhost" || host.endsWith(".localhost") || host === "::1" || /^127\.\d+\.\d+\.\d+$/.test(host);
}
