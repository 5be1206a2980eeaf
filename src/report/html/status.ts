/**
 * Statuses are shown as icon + word, never colour alone. Icons are inline SVG (not emoji or
 * symbol glyphs) so they render the same in every browser and font setup, including print.
 */
import type { CheckStatus, Verdict } from "../../harness/types.js";
import { html, trusted, type SafeHtml } from "./escape.js";

type Tone = "good" | "bad" | "warn" | "muted" | "info";
type Shape = "check" | "cross" | "bang" | "dash" | "info";

const paths: Record<Shape, string> = {
  check: '<path d="M4.5 8.2l2.3 2.3 4.7-5" />',
  cross: '<path d="M5.2 5.2l5.6 5.6M10.8 5.2l-5.6 5.6" />',
  bang: '<path d="M8 4.3v4.6M8 11.3v.4" />',
  dash: '<path d="M5 8h6" />',
  info: '<path d="M8 7.2v4.3M8 4.6v.4" />',
};

function icon(shape: Shape): SafeHtml {
  return trusted(
    `<svg class="icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">` +
      `<circle cx="8" cy="8" r="7.2" />${paths[shape]}</svg>`,
  );
}

function badge(tone: Tone, shape: Shape, label: string): SafeHtml {
  return html`<span class="badge tone-${tone}">${icon(shape)}<span class="badge-label">${label}</span></span>`;
}

const checkLook: Record<CheckStatus, [Tone, Shape, string]> = {
  pass: ["good", "check", "pass"],
  fail: ["bad", "cross", "fail"],
  warn: ["warn", "bang", "warn"],
  skip: ["muted", "dash", "skip"],
};

const verdictLook: Record<Verdict, [Tone, Shape, string]> = {
  works: ["good", "check", "works"],
  degraded: ["warn", "bang", "degraded"],
  broken: ["bad", "cross", "broken"],
};

const severityLook: Record<string, [Tone, Shape, string]> = {
  error: ["bad", "cross", "error"],
  warning: ["warn", "bang", "warning"],
  info: ["info", "info", "info"],
};

export function statusBadge(status: CheckStatus): SafeHtml {
  const [tone, shape, label] = checkLook[status] ?? ["muted", "dash", String(status)];
  return badge(tone, shape, label);
}

export function verdictBadge(verdict: Verdict): SafeHtml {
  const [tone, shape, label] = verdictLook[verdict] ?? ["muted", "dash", String(verdict)];
  return badge(tone, shape, label);
}

export function severityBadge(severity: string): SafeHtml {
  const [tone, shape, label] = severityLook[severity] ?? ["muted", "dash", severity];
  return badge(tone, shape, label);
}

/** Failures first, then warnings; within a status the runner's order is kept (sort is stable). */
export const statusOrder: Record<CheckStatus, number> = { fail: 0, warn: 1, pass: 2, skip: 3 };
export const severityOrder: Record<string, number> = { error: 0, warning: 1, info: 2 };
export const verdictOrder: Record<Verdict, number> = { broken: 0, degraded: 1, works: 2 };

/** `1234.5` → `1,235 ms`; seconds past 10 s so long waits read as waits. */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return "–";
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${Math.round(ms).toLocaleString("en-US")} ms`;
}
