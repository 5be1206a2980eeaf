/**
 * A client profile is data read from the client's own source: how it turns the URL a person typed into
 * request URLs, what it sends, what it needs back, and what the person sees when it fails.
 */
export interface ClientProfile {
  /** Stable id: `nextchat-web`, `nextchat-web-proxy`, `nextchat-desktop`, `openai-node`, `openai-node-browser`, `openai-python`, `lobechat`, `open-webui`, `curl`. */
  id: string;
  name: string;
  /** Who sends the HTTP request: a browser page (CORS, mixed content), a server, or a native app. */
  caller: "browser" | "server" | "native";
  /** How the typed base URL becomes a request URL (data, so a report can show the rule). */
  url: {
    /** Appended between base and path, e.g. NextChat appends `v1/` to whatever was typed. */
    insert: string;
    stripTrailingSlash: boolean;
    /** Scheme prefixed when the typed value has none. */
    defaultScheme?: "https" | "http";
  };
  /** Paths the client calls, relative to base + insert. */
  paths: { chat: string; models?: string; embeddings?: string };
  /** Default request body fields the client adds to every chat call. */
  chatBody: Record<string, unknown>;
  headers: Record<string, string>;
  /** Origin the page runs on, for browser callers. */
  origin?: string;
  stream: {
    /** Does it stream by default. */
    default: boolean;
    requiresEventStreamContentType: boolean;
    requiresDone: boolean;
    /** Aborts when the first byte takes longer than this (NextChat: 60 s). */
    firstByteTimeoutMs?: number;
  };
  /** Does it call /models to discover models (and fail without it). */
  needsModelList: boolean;
  /** Checks it depends on, and what their failure does to it. */
  dependsOn: { check: string; impact: "broken" | "degraded" }[];
  /** Finding id → the text the person would see in this client. */
  sees: Record<string, string>;
  /** Where each fact was read: repo, file, version. */
  sources: { repo: string; file: string; version: string }[];
}
