/**
 * A client profile is data read from the client's own source: how it turns the URL a person typed into
 * request URLs, what it sends, what it needs back, and what the person sees when it fails.
 */
export type Impact = "broken" | "degraded";

export interface ClientProfile {
  /**
   * Stable id: `nextchat-web`, `nextchat-web-proxy`, `nextchat-desktop-macos`, `nextchat-desktop-windows`,
   * `nextchat-desktop`, `openai-node`, `openai-node-browser`, `openai-python`, `lobechat`, `lobechat-client-fetch`,
   * `open-webui`, `curl`.
   */
  id: string;
  name: string;
  /** The client version these facts were read at, e.g. `v2.13.0`. */
  version: string;
  /** Who sends the HTTP request: a browser page (CORS, mixed content), a server, or a native app. */
  caller: "browser" | "server" | "native";
  /** How the typed base URL becomes a request URL (data, so a report can show the rule). */
  url: {
    /** Appended between base and path, e.g. NextChat appends `v1/` to whatever was typed. */
    insert: string;
    stripTrailingSlash: boolean;
    /** Scheme prefixed when the typed value has none. */
    defaultScheme?: "https" | "http";
    /** What the person should type, as a shape: `{origin}{prefix}` where prefix is the gateway's route prefix. */
    hint: string;
  };
  /** Paths the client calls, relative to base + insert. */
  paths: { chat: string; models?: string; embeddings?: string };
  /** Default request body fields the client adds to every chat call (model, temperature, stream …). */
  chatBody: Record<string, unknown>;
  headers: Record<string, string>;
  /** Origin the page runs on, for browser callers. */
  origin?: string;
  /** Web builds run wherever the person deployed them: the run's `--origin` replaces `origin`. */
  originFromRun?: boolean;
  /**
   * The page is a secure context (https, `tauri://`), so the browser blocks `http://` requests to any host that
   * is not loopback — before sending them, with no preflight (clients.md §5).
   */
  secureContext?: boolean;
  stream: {
    /** Does it stream by default. */
    default: boolean;
    requiresEventStreamContentType: boolean;
    requiresDone: boolean;
    /** Aborts when the first byte takes longer than this (NextChat: 60 s). */
    firstByteTimeoutMs?: number;
  };
  /** How it turns an HTTP error response into text for the person (see sees.ts). */
  errorStyle: "nextchat" | "openai-node" | "openai-python" | "open-webui" | "raw";
  /** Does it call /models to discover models (and fail without it). */
  needsModelList: boolean;
  /** Retries it makes on 408/409/429/5xx and connection errors (openai SDKs: 2). */
  retries: number;
  /**
   * Checks it depends on, and what their failure does to it. `check` is a check id or a prefix ending in `.*`
   * (`cors.*`). A failing or warning check counts with its findings; `findings` narrows which of them count.
   */
  dependsOn: { check: string; impact: Impact; findings?: string[] }[];
  /** Findings that never matter to this client, wherever they come from (curl does not care about CORS). */
  ignores?: string[];
  /** Finding id → the text the person would see in this client. */
  sees: Record<string, string>;
  /** Version-specific behaviour worth knowing (e.g. openai-node error messages by major version). */
  notes?: string[];
  /** Where each fact was read: repo, file, version. */
  sources: { repo: string; file: string; version: string }[];
}

/** Input to judgeClients: plain data, so a test can pass a literal (the harness's CheckResult fits it). */
export interface JudgedResult {
  id: string;
  status: string;
  findings: { id: string; args?: Record<string, string | number | boolean> }[];
}

export interface JudgeContext {
  /** What the person typed into the client (may be a label such as `http://<alb>…/api/v1`). */
  enteredUrl: string;
  /** The base that answers OpenAI paths, in the same naming as enteredUrl. */
  baseUrl: string;
  /** Origin of the page a web build runs on. */
  origin: string;
  /** Judge only these profiles (default: all). */
  clientIds?: string[];
  /**
   * False when nobody typed enteredUrl (the embedded default): the URL-shape rules (doubled /v1, wrong path)
   * are not applied and each client is judged as if given its `enterUrl`. Default true.
   */
  urlTyped?: boolean;
}
