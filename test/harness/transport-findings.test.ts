import { describe, expect, it } from "vitest";
import { explainFinding, getEntry } from "../../src/explain/index.js";
import { ANOMALY_FINDING, classifyError, findingForExchange, TRANSPORT_FINDING, transportFindings, type Exchange } from "../../src/harness/index.js";

const harnessIds = [
  ...Object.values(TRANSPORT_FINDING),
  ...Object.values(ANOMALY_FINDING),
  "redirect-to-other-host",
  "check-timed-out",
  "check-crashed",
  "base-url-missing-v1",
  "base-url-extra-v1",
  "base-url-not-found",
];

const exchange = (extra: Partial<Exchange>): Exchange => ({ method: "GET", url: "http://127.0.0.1:9/v1/models", requestHeaders: {}, timings: { totalMs: 1 }, ...extra });

describe("transport findings", () => {
  it.each([...new Set(harnessIds)])("%s has a catalog entry", (id) => {
    expect(getEntry(id)).toBeDefined();
  });

  it("fills every placeholder of a transport finding from the exchange", () => {
    for (const kind of Object.keys(TRANSPORT_FINDING) as (keyof typeof TRANSPORT_FINDING)[]) {
      const f = findingForExchange(exchange({ status: 301, responseHeaders: { location: "/v1/x" }, responseBytes: 10, error: { kind, message: "boom" } }));
      const text = JSON.stringify(explainFinding(f ?? { id: "missing" }));
      expect(text, kind).not.toMatch(/\{(url|host|detail|bytes|status|location|method)\}/);
    }
  });

  it("adds an HTML-page finding only when the check named no cause itself", () => {
    const html = [exchange({ status: 502, anomalies: ["html-body"], responseHeaders: { "content-type": "text/html" } })];
    expect(transportFindings(html, []).map((f) => f.id)).toEqual(["response-html-not-json"]);
    expect(transportFindings(html, [{ id: "error-envelope-not-openai" }])).toEqual([]);
  });

  it("does not repeat a finding the check already emitted", () => {
    const timeouts = [exchange({ error: { kind: "headers-timeout", message: "x" } }), exchange({ error: { kind: "headers-timeout", message: "y" } })];
    expect(transportFindings(timeouts, []).map((f) => f.id)).toEqual(["target-headers-timeout"]);
  });
});

describe("classifyError", () => {
  it.each([
    [{ code: "UND_ERR_CONNECT_TIMEOUT" }, "connect-timeout"],
    [{ code: "ENOTFOUND" }, "dns"],
    [{ code: "ECONNRESET" }, "reset"],
    [{ code: "DEPTH_ZERO_SELF_SIGNED_CERT" }, "tls"],
    [{ code: "UND_ERR_HEADERS_OVERFLOW" }, "too-large"],
    [{ message: "fetch failed", cause: { errors: [{ code: "ECONNREFUSED" }] } }, "connect-refused"],
    [{ name: "Weird" }, "other"],
  ])("names %j as %s", (err, kind) => {
    expect(classifyError(Object.assign(new Error("x"), err)).kind).toBe(kind);
  });
});
