import type { CatalogEntry } from "../types.js";

/** CORS as a browser applies it to a page calling the gateway directly. Emitted by suites/cors.ts. */
const mdnCors = { title: "MDN: Cross-Origin Resource Sharing (CORS)", url: "https://developer.mozilla.org/en-US/docs/Web/HTTP/CORS" };
const mdnAllowHeaders = { title: "MDN: Access-Control-Allow-Headers (the * wildcard does not cover Authorization)", url: "https://developer.mozilla.org/en-US/docs/Web/HTTP/Headers/Access-Control-Allow-Headers" };
const browserClients = ["nextchat-web", "nextchat-desktop-macos", "nextchat-desktop-windows", "openai-node-browser", "lobechat-client-fetch"];
const failedToFetch = "The browser then blocks the call and the page shows only \"Failed to fetch\" (NextChat) or a network error; the reason is in the browser console alone, and curl keeps working.";

export const httpCors: CatalogEntry[] = [
  {
    id: "cors-preflight-requires-auth",
    severity: "error",
    title: "The browser's preflight gets {status}: the key check runs before CORS",
    why:
      "Before a POST with an `Authorization` header, the browser sends `OPTIONS` **without** the key. The gateway checks the key first and refuses the preflight. " +
      failedToFetch,
    fix: {
      general: "Answer `OPTIONS` preflights before authentication (CORS middleware first), with 204 and the CORS headers.",
      bag: "BAG's Starlette `CORSMiddleware` answers preflights first; if a proxy or API Gateway authorizer sits in front, exempt `OPTIONS` from it.",
    },
    clients: browserClients,
    references: [mdnCors],
  },
  {
    id: "cors-not-enabled",
    severity: "error",
    title: "No CORS: the preflight from {origin} gets {status} without Access-Control-Allow-Origin",
    why: `Pages on another origin (NextChat web with a custom endpoint, openai-node with \`dangerouslyAllowBrowser\`) need the gateway to allow them. ${failedToFetch}`,
    fix: {
      general: "Answer preflights with 204, `Access-Control-Allow-Origin` (the origin or `*`), `Allow-Methods: GET, POST, OPTIONS`, `Allow-Headers` listing what the browser asked for, and put `Access-Control-Allow-Origin` on every response.",
      bag: "Keep BAG's `CORSMiddleware` (env `ALLOWED_ORIGINS`) and make sure nothing in front (API Gateway, CloudFront) strips `OPTIONS` or the headers.",
      client: "Or avoid the browser path: NextChat's server-side proxy (`BASE_URL` with the custom endpoint off) is not subject to CORS.",
    },
    clients: browserClients,
    references: [mdnCors],
  },
  {
    id: "cors-allow-origin-mismatch",
    severity: "error",
    title: "Access-Control-Allow-Origin is {allowed}; the page is {origin}",
    why: `The browser compares Access-Control-Allow-Origin with the page's origin, exactly. ${failedToFetch}`,
    fix: { general: "Allow the origins of the web clients you use (or `*` without credentials), echoing the request's `Origin` when it is on the list." },
    clients: browserClients,
    references: [mdnCors],
  },
  {
    id: "cors-allow-headers-missing-authorization",
    severity: "error",
    title: "The preflight does not allow the `authorization` header (Allow-Headers: {allowHeaders})",
    why: `Every client sends \`Authorization: Bearer <key>\`. The Fetch standard never lets \`*\` in Access-Control-Allow-Headers cover \`Authorization\`: it must be named. ${failedToFetch}`,
    fix: { general: "List `authorization` explicitly in Access-Control-Allow-Headers (or echo the request's Access-Control-Request-Headers)." },
    clients: browserClients,
    references: [mdnAllowHeaders],
  },
  {
    id: "cors-allow-headers-incomplete",
    severity: "error",
    title: "The preflight does not allow: {missing}",
    why: `openai-node in a browser adds \`x-stainless-*\` headers (OS, runtime, retry count, timeout); every client sends \`content-type\`. A preflight that does not allow each requested header fails. Allow-Headers: {allowHeaders}. ${failedToFetch}`,
    fix: { general: "Echo the request's Access-Control-Request-Headers, or list `authorization, content-type, x-stainless-*` each by name; allow method POST." },
    clients: ["openai-node-browser", "nextchat-web"],
    references: [mdnAllowHeaders],
  },
  {
    id: "cors-missing-on-response",
    severity: "error",
    title: "The real response ({status}) carries no Access-Control-Allow-Origin for {origin}",
    why: `A successful preflight is not enough: the browser checks Access-Control-Allow-Origin again on the actual answer and hides it from the page when it is missing. ${failedToFetch}`,
    fix: { general: "Add Access-Control-Allow-Origin (and `Vary: Origin`) to every response, not only to preflights." },
    clients: browserClients,
    references: [mdnCors],
  },
  {
    id: "cors-missing-on-errors",
    severity: "error",
    title: "Error answers carry no CORS headers ({request} → {status})",
    why:
      "Errors produced outside the CORS layer (an auth middleware before it, an unhandled-exception handler around it, a proxy's own error page) lack " +
      `Access-Control-Allow-Origin, so the browser hides them: a wrong key, a model without access or an upstream error all look like a network failure. ${failedToFetch}`,
    fix: {
      general: "Put the CORS layer outermost, so every response — errors and crashes included — carries Access-Control-Allow-Origin.",
      bag: "Starlette's `ServerErrorMiddleware` sits outside `CORSMiddleware`: catch exceptions in a handler so errors are answered inside it.",
    },
    clients: browserClients,
    references: [mdnCors],
  },
  {
    id: "cors-wildcard-with-credentials",
    severity: "warning",
    title: "Access-Control-Allow-Origin `*` together with Allow-Credentials `true`",
    why: "Browsers refuse credentialed requests when Allow-Origin is `*`. Clients that send cookies or use `credentials: \"include\"` fail; the combination also signals a CORS set-up copied without its rules.",
    fix: { general: "Either allow `*` without credentials (API keys travel in a header, not cookies), or echo specific allowed origins with credentials." },
    clients: ["nextchat-web"],
    references: [mdnCors],
  },
];
