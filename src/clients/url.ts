import type { ClientProfile } from "./types.js";

/**
 * Join what a person typed with a client path, exactly as the client does (clients.md: NextChat `path()`,
 * openai-node `buildURL`, openai-python `_prepare_url`): one trailing `/` stripped, a scheme prefixed when
 * missing, then base + "/" + insert + path.
 * `path` is a key of `profile.paths` (`chat`) or a literal path (`dashboard/billing/usage`).
 */
export function joinClientUrl(profile: ClientProfile, entered: string, path: string): string {
  let base = entered.trim();
  if (profile.url.stripTrailingSlash && base.endsWith("/")) base = base.slice(0, -1);
  if (profile.url.defaultScheme && !/^https?:\/\//i.test(base)) base = `${profile.url.defaultScheme}://${base}`;
  const keyed = (profile.paths as Record<string, string | undefined>)[path];
  const rel = (keyed ?? path).replace(/^\/+/, "");
  return `${base}/${profile.url.insert}${rel}`;
}

/** What to type into this client so that its chat call lands on `${workingBase}/chat/completions`; undefined when no value can. */
export function enterUrlFor(profile: ClientProfile, workingBase: string): string | undefined {
  const base = workingBase.replace(/\/+$/, "");
  const insert = profile.url.insert.replace(/\/+$/, "");
  if (!insert) return base;
  return base.endsWith(`/${insert}`) ? base.slice(0, -insert.length - 1) : undefined;
}

/** Loopback hosts count as potentially trustworthy: browsers do not block http:// to them from https pages. */
export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.replace(/^\[|\]$/g, "").toLowerCase();
  return h === "localhost" || h.endsWith(".localhost") || h === "::1" || /^127\.\d+\.\d+\.\d+$/.test(h);
}

/** A page origin that is a secure context: https, the Tauri macOS scheme, or http on loopback. */
export function isSecureOrigin(origin: string): boolean {
  try {
    const u = new URL(origin);
    if (u.protocol === "https:" || u.protocol === "tauri:") return true;
    return u.protocol === "http:" && isLoopbackHost(u.hostname);
  } catch {
    return false;
  }
}

/** The request would be blocked as mixed content: a secure page calling http:// on a host that is not loopback. */
export function isMixedContent(pageOrigin: string, requestUrl: string): boolean {
  if (!isSecureOrigin(pageOrigin)) return false;
  try {
    const u = new URL(requestUrl);
    return u.protocol === "http:" && !isLoopbackHost(u.hostname);
  } catch {
    return false;
  }
}

/**
 * The entered URL may be a label (`http://<alb>.elb.amazonaws.com/api/v1`) for a socket on 127.0.0.1:
 * rewrite a URL named after `from`'s origin to `to`'s origin. URLs on other origins pass unchanged.
 */
export function relabel(url: string, from: string, to: string): string {
  const f = new URL(from);
  const t = new URL(to);
  const u = new URL(url);
  if (u.origin !== f.origin) return url;
  return `${t.origin}${u.pathname}${u.search}`;
}

/** The working base named as the person knows it: the entered URL's origin, the base's path. */
export function workingBaseFor(enteredUrl: string, baseUrl: string): string {
  const base = new URL(baseUrl);
  const path = base.pathname.replace(/\/+$/, "");
  if (!/^https?:\/\//i.test(enteredUrl)) return `${base.origin}${path}`;
  return `${new URL(enteredUrl).origin}${path}`;
}
