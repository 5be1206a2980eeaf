import { afterEach, describe, expect, it } from "vitest";
import { createHttpClient, normalizeBaseUrl, probeBaseUrl } from "../../src/harness/index.js";
import { json, startServer, type TestServer } from "./servers.js";

describe("normalizeBaseUrl", () => {
  it.each([
    ["http://alb/api/v1", "http://alb/api/v1"],
    ["http://alb/api/v1/", "http://alb/api/v1"],
    ["http://alb/api", "http://alb/api"],
    ["http://alb/api/v1/chat/completions", "http://alb/api/v1"],
    ["http://alb/v1/chat/completions", "http://alb/v1"],
    ["http://alb/v1/models", "http://alb/v1"],
    ["http://alb/v1/embeddings/", "http://alb/v1"],
    ["  https://gw.example.com:8443/v1?x=1  ", "https://gw.example.com:8443/v1"],
    ["alb.example.com/api/v1", "http://alb.example.com/api/v1"],
    ["http://user:pw@alb/api/v1", "http://alb/api/v1"],
    ["http://alb//api//v1//", "http://alb/api/v1"],
  ])("%s → %s", (entered, base) => {
    expect(normalizeBaseUrl(entered).baseUrl).toBe(base);
  });

  it("says which endpoint path it cut off", () => {
    expect(normalizeBaseUrl("http://alb/api/v1/chat/completions").strippedEndpoint).toBe("/chat/completions");
  });

  it("never keeps credentials typed into the URL", () => {
    expect(normalizeBaseUrl("http://user:pw@alb/api/v1").entered).toBe("http://alb/api/v1");
  });

  it.each(["ftp://alb/v1", "http://", "::::"])("rejects %s", (entered) => {
    expect(() => normalizeBaseUrl(entered)).toThrow();
  });
});

describe("probeBaseUrl", () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
  });

  /** A gateway that serves only under /api/v1, like BAG. */
  async function bagLike() {
    server = await startServer((req, res) => {
      if (req.url === "/api/v1/models") json(res, 200, { object: "list", data: [{ id: "amazon.nova-micro-v1:0", object: "model" }] });
      else json(res, 404, { detail: "Not Found" });
    });
    return server.url;
  }

  async function probe(entered: string) {
    const normalized = normalizeBaseUrl(entered);
    const client = createHttpClient({ target: { baseUrl: normalized.baseUrl }, key: "k-123456", timeoutMs: 2_000 });
    try {
      return await probeBaseUrl(client, normalized);
    } finally {
      await client.close();
    }
  }

  it("keeps a base that answers, with no finding", async () => {
    const url = await bagLike();
    const p = await probe(`${url}/api/v1/`);
    expect(p.baseUrl).toBe(`${url}/api/v1`);
    expect(p.findings).toEqual([]);
  });

  it("reports base-url-missing-v1 when the base 404s and base + /v1 answers", async () => {
    const url = await bagLike();
    const p = await probe(`${url}/api`);
    expect(p.baseUrl).toBe(`${url}/api/v1`);
    expect(p.findings.map((f) => f.id)).toEqual(["base-url-missing-v1"]);
    expect(p.findings[0]?.args).toMatchObject({ given: `${url}/api`, working: `${url}/api/v1`, status: 404 });
  });

  it("reports base-url-extra-v1 when the base 404s and base − /v1 answers", async () => {
    const url = await bagLike();
    const p = await probe(`${url}/api/v1/v1/chat/completions`);
    expect(p.baseUrl).toBe(`${url}/api/v1`);
    expect(p.findings.map((f) => f.id)).toEqual(["base-url-extra-v1"]);
  });

  it("reports base-url-not-found when neither the base nor a neighbour answers", async () => {
    const url = await bagLike();
    const p = await probe(`${url}/nothing`);
    expect(p.findings.map((f) => f.id)).toEqual(["base-url-not-found"]);
  });

  it("counts a 401 as answering: the path is right, only the key is not", async () => {
    server = await startServer((_req, res) => json(res, 401, { error: { message: "bad key" } }));
    const p = await probe(`${server.url}/v1`);
    expect(p.baseUrl).toBe(`${server.url}/v1`);
    expect(p.findings).toEqual([]);
  });

  it("returns the /models list of the chosen base for model selection", async () => {
    const url = await bagLike();
    const p = await probe(`${url}/api`);
    expect(p.modelsJson).toMatchObject({ data: [{ id: "amazon.nova-micro-v1:0" }] });
  });
});

describe("probeBaseUrl and redirects", () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
  });

  it("reports redirect-to-other-host, not a missing base, when the base redirects elsewhere", async () => {
    server = await startServer((_req, res) => {
      res.writeHead(301, { location: "http://localhost:1/v1/models" });
      res.end();
    });
    const normalized = normalizeBaseUrl(`${server.url}/v1`);
    const client = createHttpClient({ target: { baseUrl: normalized.baseUrl }, key: "k-123456", timeoutMs: 2_000 });
    const p = await probeBaseUrl(client, normalized);
    await client.close();
    expect(p.findings.map((f) => f.id)).toEqual(["redirect-to-other-host"]);
  });
});
