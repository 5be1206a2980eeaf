/**
 * Opens real reports in headless Chromium (Debian's `chromium`, driven by playwright-core) to prove the
 * page renders, runs nothing it should not, fetches nothing, and to leave screenshots in reports/.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Report } from "../../src/harness/types.js";
import { renderHtmlReport } from "../../src/report/html.js";
import { healthyReport } from "../fixtures-report/healthy.js";
import { hostileReport } from "../fixtures-report/hostile.js";
import { seed2024Report } from "../fixtures-report/seed-2024.js";

const chromiumPath = "/usr/bin/chromium";
const hasChromium = existsSync(chromiumPath);
if (!hasChromium) {
  console.warn(`html-browser.test: ${chromiumPath} not found, so the browser test is skipped (apt-get install -y chromium; .ci/run installs it).`);
}

const outDir = resolve("reports/screenshots");
const reports: Record<string, Report> = { "seed-2024": seed2024Report, healthy: healthyReport, hostile: hostileReport };

describe.skipIf(!hasChromium)("the HTML report in headless Chromium", () => {
  let context: BrowserContext;
  let userDataDir: string;
  const consoleErrors: string[] = [];
  const foreignRequests: string[] = [];

  beforeAll(async () => {
    mkdirSync(outDir, { recursive: true });
    for (const [name, report] of Object.entries(reports)) {
      writeFileSync(join(outDir, `${name}.html`), renderHtmlReport(report, { color: false, verbose: false }));
    }
    userDataDir = mkdtempSync(join(tmpdir(), "bagcheck-chromium-"));
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: chromiumPath,
      headless: true,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
      viewport: { width: 1280, height: 900 },
    });
    // Anything but file:// is recorded and never leaves the machine.
    await context.route(/^(?!file:)/, (route) => {
      foreignRequests.push(route.request().url());
      return route.abort();
    });
    context.on("console", (m) => {
      if (m.type() === "error") consoleErrors.push(m.text());
    });
    context.on("weberror", (e) => consoleErrors.push(String(e.error())));
  });

  afterAll(async () => {
    await context?.close();
    if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
  });

  async function open(name: string, colorScheme: "light" | "dark" = "light"): Promise<Page> {
    const page = await context.newPage();
    await page.emulateMedia({ colorScheme });
    await page.goto(pathToFileURL(join(outDir, `${name}.html`)).href);
    return page;
  }

  let seed: Page;
  // One page serves the read-only tests: Chromium is slow to open pages on a busy CI box.
  beforeAll(async () => {
    seed = await open("seed-2024");
  });

  it("renders the client verdict table with a row per client, broken first", async () => {
    const table = seed.getByRole("table", { name: /How each chat client fares/ });
    expect(await table.isVisible()).toBe(true);
    const rows = table.locator("tbody > tr");
    expect(await rows.count()).toBe(seed2024Report.clients.length);
    expect(await rows.first().innerText()).toContain("broken");
  });

  it("draws a stream timeline with a tick per event, wide enough to read", async () => {
    const svg = seed.locator(".streams svg.timeline").first();
    const box = await svg.boundingBox();
    expect(box?.width).toBeGreaterThan(300);
    expect(await svg.locator(".tl-tick").count()).toBe(21);
  });

  it("writes screenshots into reports/: the whole report, a real stream, and dark mode", async () => {
    await seed.screenshot({ path: join(outDir, "report.png"), fullPage: true });
    const healthy = await open("healthy");
    await healthy.locator(".streams").screenshot({ path: join(outDir, "report-healthy.png") });
    await healthy.close();
    const dark = await open("seed-2024", "dark");
    await dark.screenshot({ path: join(outDir, "report-dark.png") });
    await dark.close();
    for (const file of ["report.png", "report-healthy.png", "report-dark.png"]) {
      expect(statSync(join(outDir, file)).size).toBeGreaterThan(10_000);
    }
  });

  it("shows every check's evidence when printed, though it is collapsed on screen", async () => {
    const body = seed.locator("details.check .check-body").first();
    expect(await body.isVisible()).toBe(false);
    await seed.emulateMedia({ media: "print" });
    expect(await body.isVisible()).toBe(true);
    await seed.emulateMedia({ media: "screen" });
  });

  it("opens a folded finding when a verdict links to it", async () => {
    const finding = seed.locator("#finding-error-envelope-not-openai");
    expect(await finding.getAttribute("open")).toBeNull();
    await seed.locator(`a[href="#finding-error-envelope-not-openai"]`).first().click();
    expect(await finding.getAttribute("open")).not.toBeNull();
  });

  it("opens every check with Expand all (its inline script is allowed to run)", async () => {
    await seed.getByRole("button", { name: "Expand all" }).click();
    expect(await seed.locator("details.check:not([open])").count()).toBe(0);
    const full = seed.locator(`[id="check-chat-stream.incremental"] svg.timeline`);
    expect((await full.boundingBox())?.width).toBeGreaterThan(600);
  });

  it("runs no script and builds no element from a hostile gateway's bytes", async () => {
    const page = await open("hostile");
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator(".pwned").count()).toBe(0);
    expect(await page.locator("iframe, marquee, img").count()).toBe(0);
    await page.close();
  });

  it("switches to a dark palette when the system prefers dark", async () => {
    const brightness = async (scheme: "light" | "dark") => {
      await seed.emulateMedia({ colorScheme: scheme });
      const rgb = await seed.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
      return (rgb.match(/\d+/g) ?? []).slice(0, 3).map(Number).reduce((a, b) => a + b, 0) / 3;
    };
    expect(await brightness("light")).toBeGreaterThan(200);
    expect(await brightness("dark")).toBeLessThan(60);
  });

  // Runs last: it checks everything the pages above did.
  it("logs no console error and requests nothing but file://", () => {
    expect(consoleErrors).toEqual([]);
    expect(foreignRequests).toEqual([]);
  });
});
