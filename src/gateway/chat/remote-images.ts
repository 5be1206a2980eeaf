import { GatewayError, badRequest } from "../errors.js";
import { imageFromBytes, isAllowedRemote } from "./content.js";
import type { ConverseBlock } from "./types.js";

type ImageBlock = Extract<ConverseBlock, { image: unknown }>;

// Bedrock's own per-image cap; anything bigger would be refused after the download anyway.
const MAX_IMAGE_BYTES = 3_750_000;
const FETCH_TIMEOUT_MS = 10_000;

/**
 * Downloads the remote images whose URL is allow-listed (the rest are refused later, by the mapping).
 * Redirects are not followed: an allowed prefix must not become a way to reach any other host.
 */
export async function fetchRemoteImages(urls: readonly string[], allowList: readonly string[], signal: AbortSignal): Promise<Map<string, ImageBlock>> {
  const images = new Map<string, ImageBlock>();
  const allowed = [...new Set(urls)].filter((u) => isAllowedRemote(u, allowList));
  await Promise.all(
    allowed.map(async (url) => {
      const res = await fetch(url, { redirect: "manual", signal: AbortSignal.any([signal, AbortSignal.timeout(FETCH_TIMEOUT_MS)]) }).catch(() => {
        throw new GatewayError(400, `The image at ${url} could not be downloaded.`, "invalid_request_error", "image_download_failed", "messages");
      });
      if (!res.ok) throw badRequest(`The image at ${url} answered HTTP ${res.status}.`, "messages", "image_download_failed");
      const length = Number(res.headers.get("content-length") ?? "0");
      if (length > MAX_IMAGE_BYTES) throw badRequest(`The image at ${url} is larger than Bedrock's ${MAX_IMAGE_BYTES}-byte limit.`, "messages", "image_too_large");
      const bytes = new Uint8Array(await res.arrayBuffer());
      if (bytes.length > MAX_IMAGE_BYTES) throw badRequest(`The image at ${url} is larger than Bedrock's ${MAX_IMAGE_BYTES}-byte limit.`, "messages", "image_too_large");
      images.set(url, imageFromBytes(bytes, res.headers.get("content-type") ?? "", "messages"));
    }),
  );
  return images;
}
