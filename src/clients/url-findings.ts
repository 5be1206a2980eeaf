import type { Finding } from "../explain/index.js";
import type { ClientProfile } from "./types.js";
import { enterUrlFor, isMixedContent, joinClientUrl, workingBaseFor } from "./url.js";

/** Where a web build's page runs: the run's origin for web builds, the app's own origin for desktop webviews. */
export function pageOrigin(profile: ClientProfile, ctx: { origin: string }): string {
  return (profile.originFromRun ? ctx.origin : undefined) ?? profile.origin ?? ctx.origin;
}

/**
 * What follows from the URL the person typed, before any byte is sent: the chat URL this client builds from
 * it, compared with the one that works (`baseUrl`, named after the entered URL's host).
 */
export function urlFindings(profile: ClientProfile, enteredUrl: string, baseUrl: string): Finding[] {
  const workingBase = workingBaseFor(enteredUrl, baseUrl);
  const called = joinClientUrl(profile, enteredUrl, "chat");
  const expected = `${workingBase}/${profile.paths.chat}`;
  if (called === expected) return [];
  const suggested = enterUrlFor(profile, workingBase) ?? "(no value works: the gateway must also serve /v1)";
  const hadScheme = /^https?:\/\//i.test(enteredUrl.trim());
  if (!hadScheme && new URL(called).protocol !== new URL(expected).protocol) {
    return [{ id: "base-url-https-prefixed", args: { entered: enteredUrl, called, suggested } }];
  }
  if (/\/v1\/v1\//.test(called)) return [{ id: "base-url-double-v1", args: { entered: enteredUrl, called, suggested } }];
  return [{ id: "base-url-wrong-path", args: { entered: enteredUrl, called, expected, suggested } }];
}

/** A browser caller on a secure page calling http:// on a host that is not loopback never sends the request. */
export function pageFindings(profile: ClientProfile, origin: string, calledUrl: string): Finding[] {
  if (profile.caller !== "browser" || profile.secureContext === false) return [];
  const page = pageOrigin(profile, { origin });
  if (!isMixedContent(page, calledUrl)) return [];
  const id = page.startsWith("tauri:") ? "desktop-needs-https" : "mixed-content-http-gateway";
  return [{ id, args: { origin: page, url: calledUrl } }];
}
