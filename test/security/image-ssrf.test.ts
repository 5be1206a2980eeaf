import { type IncomingMessage, type ServerResponse, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { classifyAddress } from "../../src/gateway/chat/image-url-guard.js";
import { envelopeProblem } from "./support/envelope.js";
import { sendRaw } from "./support/raw-http.js";
import { type RunningEmulator, gatewayConfig, imageModel, newKey, startEmulator, startGateway } from "./support/stack.js";

/** Remote image URLs: refused by default; when allow-listed, never a way into private or metadata addresses. */

const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64");

interface ImageServer {
  origin: string;
  port: number;
  hits: number;
  /** Bytes written for the last /huge.png request before the client went away. */
  hugeBytesSent: number;
  close(): Promise<void>;
}

async function imageServer(handler?: (req: IncomingMessage, res: ServerResponse, self: ImageServer) => void): Promise<ImageServer> {
  const self: ImageServer = { origin: "", port: 0, hits: 0, hugeBytesSent: 0, close: async () => undefined };
  const server = createServer((req, res) => {
    self.hits += 1;
    if (handler) return handler(req, res, self);
    if (req.url === "/huge.png") {
      // 20 MB, chunked: only a reader that counts while streaming can stop early.
      res.writeHead(200, { "content-type": "image/png" });
      const chunk = Buffer.alloc(64 * 1024, 1);
      const pump = () => {
        while (self.hugeBytesSent < 20 * 1024 * 1024 && !res.destroyed) {
          self.hugeBytesSent += chunk.length;
          if (!res.write(chunk)) return void res.once("drain", pump);
        }
        if (!res.destroyed) res.end();
      };
      res.on("error", () => undefined);
      return pump();
    }
    res.writeHead(200, { "content-type": "image/png", "content-length": String(PNG.length) }).end(PNG);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  self.port = (server.address() as AddressInfo).port;
  self.origin = `http://127.0.0.1:${self.port}`;
  self.close = () =>
    new Promise<void>((r) => {
      server.closeAllConnections();
      server.close(() => r());
    });
  return self;
}

let emu: RunningEmulator;
let key: string;
let model: string;
const open: { close(): Promise<void> }[] = [];
beforeAll(async () => {
  emu = await startEmulator({ chunkDelayMs: 0 });
  key = newKey();
  model = imageModel(emu);
});
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});
afterAll(async () => {
  await emu?.close();
});

async function askWithImage(imageUrlAllowList: string[] | undefined, url: string) {
  const gw = await startGateway({ ...gatewayConfig(emu, key, imageUrlAllowList ? { imageUrlAllowList } : {}), port: 0 });
  open.push(gw);
  const body = JSON.stringify({ model, max_tokens: 16, messages: [{ role: "user", content: [{ type: "text", text: "What is this?" }, { type: "image_url", image_url: { url } }] }] });
  const a = await sendRaw(`${gw.url}/chat/completions`, { method: "POST", headers: { authorization: `Bearer ${key}`, "content-type": "application/json" }, body: new TextEncoder().encode(body) });
  const code = a.status >= 400 ? (JSON.parse(a.text) as { error: { code: string } }).error.code : undefined;
  return { ...a, code };
}

describe("remote image URLs", () => {
  it("refuses them by default, without fetching", async () => {
    const img = await imageServer();
    open.push(img);
    const a = await askWithImage(undefined, `${img.origin}/cat.png`);
    expect(a.status).toBe(400);
    expect(a.code).toBe("image_url_not_allowed");
    expect(envelopeProblem(a)).toBeUndefined();
    expect(img.hits).toBe(0);
  });

  it("fetches an image whose URL is on the allow-list (a literal IP the operator named)", async () => {
    const img = await imageServer();
    open.push(img);
    const a = await askWithImage([`${img.origin}/`], `${img.origin}/cat.png`);
    expect(a.status, a.text).toBe(200);
    expect(img.hits).toBe(1);
  });

  it.each([
    ["http://169.254.169.254/", "http://169.254.169.254/latest/meta-data/iam/security-credentials/"],
    ["http://[::ffff:169.254.169.254]/", "http://[::ffff:169.254.169.254]/latest/meta-data/"],
    ["http://[::ffff:a9fe:a9fe]/", "http://[::ffff:a9fe:a9fe]/latest/meta-data/"],
    ["http://[fd00:ec2::254]/", "http://[fd00:ec2::254]/latest/meta-data/"],
    ["http://[fe80::1]/", "http://[fe80::1]/x.png"],
    ["http://0.0.0.0/", "http://0.0.0.0/x.png"],
    ["http://169.254.170.2/", "http://169.254.170.2/v2/credentials/x"],
  ])("never fetches a metadata or link-local address, even allow-listed: %s", async (entry, url) => {
    const a = await askWithImage([entry], url);
    expect(a.status).toBe(400);
    expect(a.code).toBe("image_url_not_allowed");
  });

  it("refuses a host name that resolves to a private address (DNS rebinding), without fetching", async () => {
    const img = await imageServer();
    open.push(img);
    const a = await askWithImage([`http://localhost:${img.port}/`], `http://localhost:${img.port}/cat.png`);
    expect(a.status).toBe(400);
    expect(a.code).toBe("image_url_not_allowed");
    expect(img.hits).toBe(0);
  });

  it.each([
    ["userinfo pointing elsewhere", (o: string) => `${o.replace("http://", "http://user@")}/images/cat.png`],
    ["the allowed origin as userinfo of the metadata host", (o: string) => `${o}@169.254.169.254/images/cat.png`],
    ["a path that escapes the allowed prefix", (o: string) => `${o}/images/../secret.png`],
    ["a sibling path sharing the prefix's letters", (o: string) => `${o}/imagesX/cat.png`],
  ])("compares parsed URLs with the allow-list, not strings: %s", async (_name, make) => {
    const img = await imageServer();
    open.push(img);
    const a = await askWithImage([`${img.origin}/images/`], make(img.origin));
    expect(a.status).toBe(400);
    expect(img.hits).toBe(0);
  });

  it("stops reading an allowed image past Bedrock's size cap", async () => {
    const img = await imageServer();
    open.push(img);
    const a = await askWithImage([`${img.origin}/`], `${img.origin}/huge.png`);
    expect(a.status).toBe(400);
    expect(a.code).toBe("image_too_large");
    expect(img.hugeBytesSent).toBeLessThan(20 * 1024 * 1024);
  });

  it("does not follow a redirect from an allowed host", async () => {
    const elsewhere = await imageServer();
    const img = await imageServer((_req, res) => res.writeHead(302, { location: `${elsewhere.origin}/cat.png` }).end());
    open.push(img, elsewhere);
    const a = await askWithImage([`${img.origin}/`], `${img.origin}/cat.png`);
    expect(a.status).toBe(400);
    expect(elsewhere.hits).toBe(0);
  });
});

describe("address classes the image guard uses", () => {
  it.each([
    ["169.254.169.254", "forbidden"],
    ["0.0.0.0", "forbidden"],
    ["224.0.0.1", "forbidden"],
    ["fe80::1", "forbidden"],
    ["fd00:ec2::254", "forbidden"],
    ["::ffff:169.254.169.254", "forbidden"],
    ["64:ff9b::a9fe:a9fe", "forbidden"],
    ["2002:a9fe:a9fe::1", "forbidden"],
    ["::", "forbidden"],
    ["127.0.0.1", "private"],
    ["127.255.0.9", "private"],
    ["10.1.2.3", "private"],
    ["172.16.0.1", "private"],
    ["172.31.255.255", "private"],
    ["192.168.1.1", "private"],
    ["100.64.0.1", "private"],
    ["::1", "private"],
    ["fc00::1", "private"],
    ["fd12:3456::1", "private"],
    ["::ffff:10.0.0.1", "private"],
    ["::ffff:7f00:1", "private"],
    ["8.8.8.8", "public"],
    ["172.32.0.1", "public"],
    ["2606:4700::1111", "public"],
  ])("%s is %s", (ip, expected) => {
    expect(classifyAddress(ip)).toBe(expected);
  });
});
