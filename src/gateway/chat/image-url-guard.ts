import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import http from "node:http";
import https from "node:https";
import { isIP } from "node:net";
import { type GatewayError, badRequest } from "../errors.js";

/**
 * SSRF guard for allow-listed remote images. `forbidden` addresses are never fetched (link-local, which holds
 * cloud metadata at 169.254.169.254 and fd00:ec2::254, unspecified, multicast, reserved). `private` ones
 * (loopback, RFC 1918, CGNAT, unique-local) only when the allow-list names that very IP literal: a host
 * *name* resolving to one is refused, which is what DNS rebinding relies on. The checked address is the
 * one connected to (no second lookup).
 */
export type AddressClass = "public" | "private" | "forbidden";

function classifyV4(ip: string): AddressClass {
  const [a = 0, b = 0, c = 0] = ip.split(".").map(Number);
  if (a === 0 || a >= 224 || (a === 169 && b === 254) || (a === 192 && b === 0 && c === 0)) return "forbidden";
  if (a === 127 || a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127) || (a === 198 && (b === 18 || b === 19))) return "private";
  return "public";
}

/** Eight 16-bit groups of an IPv6 address (embedded dotted IPv4 tail included). */
function groupsV6(ip: string): number[] {
  let s = ip.toLowerCase().replace(/%.*$/, "");
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(s)?.[1];
  if (v4) {
    const [a = 0, b = 0, c = 0, d = 0] = v4.split(".").map(Number);
    s = s.slice(0, -v4.length) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = "", tail] = s.split("::");
  const h = head ? head.split(":") : [];
  const t = tail !== undefined && tail !== "" ? tail.split(":") : [];
  const fill = tail !== undefined ? Array<string>(8 - h.length - t.length).fill("0") : [];
  return [...h, ...fill, ...t].map((g) => parseInt(g, 16) || 0);
}

function embeddedV4(g: number[], at: number): string {
  const hi = g[at] ?? 0;
  const lo = g[at + 1] ?? 0;
  return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
}

export function classifyAddress(ip: string): AddressClass {
  const family = isIP(ip.replace(/^\[|\]$/g, ""));
  if (family === 4) return classifyV4(ip);
  if (family !== 6) return "forbidden";
  const g = groupsV6(ip.replace(/^\[|\]$/g, ""));
  const zeroUpTo = (n: number) => g.slice(0, n).every((x) => x === 0);
  if (zeroUpTo(8)) return "forbidden"; // ::
  if (zeroUpTo(7) && g[7] === 1) return "private"; // ::1
  if (zeroUpTo(5) && g[5] === 0xffff) return classifyV4(embeddedV4(g, 6)); // ::ffff:a.b.c.d
  if (zeroUpTo(6)) return classifyV4(embeddedV4(g, 6)); // ::a.b.c.d (IPv4-compatible)
  if (g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0)) return classifyV4(embeddedV4(g, 6)); // NAT64
  if (g[0] === 0x2002) return classifyV4(embeddedV4(g, 1)); // 6to4
  const first = g[0] ?? 0;
  if ((first & 0xffc0) === 0xfe80 || (first & 0xff00) === 0xff00) return "forbidden"; // link-local, multicast
  if (first === 0xfd00 && g[1] === 0x0ec2) return "forbidden"; // AWS metadata (fd00:ec2::254) and its range
  if ((first & 0xfe00) === 0xfc00) return "private"; // unique-local fc00::/7
  return "public";
}

/**
 * Does the URL fall under an allow-list entry? Compared as parsed URLs (scheme, host, port, path prefix),
 * never as strings: `https://cdn.example.com@169.254.169.254/` and `https://cdn.example.com.evil.net/` must
 * not pass for `https://cdn.example.com`.
 */
export function isAllowedImageUrl(url: string, allowList: readonly string[]): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.username || u.password || (u.protocol !== "http:" && u.protocol !== "https:")) return false;
  return allowList.some((entry) => {
    try {
      const p = new URL(entry);
      return p.protocol === u.protocol && p.host === u.host && u.pathname.startsWith(p.pathname);
    } catch {
      return false;
    }
  });
}

function refused(url: string, why: string): GatewayError {
  return badRequest(`The image at ${url} was not fetched: ${why}.`, "messages", "image_url_not_allowed");
}

/** Downloads one allow-listed image: pinned, checked address; no redirects; at most maxBytes read. */
export function downloadImage(url: string, signal: AbortSignal, maxBytes: number): Promise<{ bytes: Uint8Array; contentType: string }> {
  const u = new URL(url);
  const host = u.hostname.replace(/^\[|\]$/g, "");
  if (isIP(host)) {
    // A literal can only be here because the allow-list names it; metadata and link-local stay off limits.
    if (classifyAddress(host) === "forbidden") return Promise.reject(refused(url, "its address is link-local, metadata or reserved"));
  }
  const lookup = (hostname: string, options: object, callback: (err: Error | null, address: string | LookupAddress[], family?: number) => void) => {
    dnsLookup(hostname, { all: true }, (err, addresses) => {
      if (err) return callback(err, []);
      const bad = addresses.find((a) => classifyAddress(a.address) !== "public");
      if (bad) return callback(Object.assign(new Error(`resolves to ${classifyAddress(bad.address)} address ${bad.address}`), { code: "EBLOCKEDADDRESS" }), []);
      const all = (options as { all?: boolean }).all;
      if (all) return callback(null, addresses);
      const first = addresses[0] as LookupAddress;
      callback(null, first.address, first.family);
    });
  };
  const mod = u.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const req = mod.get(url, { lookup, signal, headers: { accept: "image/*" } }, (res) => {
      const status = res.statusCode ?? 0;
      if (status < 200 || status >= 300) {
        res.destroy();
        reject(badRequest(`The image at ${url} answered HTTP ${status}${status >= 300 && status < 400 ? " (redirects are not followed)" : ""}.`, "messages", "image_download_failed"));
        return;
      }
      if (Number(res.headers["content-length"] ?? 0) > maxBytes) {
        res.destroy();
        reject(badRequest(`The image at ${url} is larger than Bedrock's ${maxBytes}-byte limit.`, "messages", "image_too_large"));
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      res.on("data", (c: Buffer) => {
        size += c.length;
        if (size > maxBytes) {
          res.destroy();
          reject(badRequest(`The image at ${url} is larger than Bedrock's ${maxBytes}-byte limit.`, "messages", "image_too_large"));
          return;
        }
        chunks.push(c);
      });
      res.on("end", () => resolve({ bytes: new Uint8Array(Buffer.concat(chunks, size)), contentType: String(res.headers["content-type"] ?? "") }));
      res.on("error", () => reject(badRequest(`The image at ${url} could not be downloaded.`, "messages", "image_download_failed")));
    });
    req.on("error", (err: Error & { code?: string }) => {
      reject(err.code === "EBLOCKEDADDRESS" ? refused(url, `its host ${err.message}`) : badRequest(`The image at ${url} could not be downloaded.`, "messages", "image_download_failed"));
    });
  });
}
