import { badRequest } from "../errors.js";
import { imageFromBytes } from "./content.js";
import { downloadImage, isAllowedImageUrl } from "./image-url-guard.js";
import type { ConverseBlock } from "./types.js";

type ImageBlock = Extract<ConverseBlock, { image: unknown }>;

// Bedrock's own per-image cap; anything bigger would be refused after the download anyway.
const MAX_IMAGE_BYTES = 3_750_000;
const FETCH_TIMEOUT_MS = 10_000;

/**
 * Downloads the remote images whose URL is allow-listed (the rest are refused by the mapping). The guard
 * compares parsed URLs, pins the resolved address, refuses metadata/link-local targets and redirects.
 */
export async function fetchRemoteImages(urls: readonly string[], allowList: readonly string[], signal: AbortSignal): Promise<Map<string, ImageBlock>> {
  const images = new Map<string, ImageBlock>();
  if (allowList.length === 0) return images;
  const allowed = [...new Set(urls)].filter((u) => isAllowedImageUrl(u, allowList));
  const timeout = AbortSignal.any([signal, AbortSignal.timeout(FETCH_TIMEOUT_MS)]);
  await Promise.all(
    allowed.map(async (url) => {
      const { bytes, contentType } = await downloadImage(url, timeout, MAX_IMAGE_BYTES).catch((err: unknown) => {
        throw err instanceof Error && err.name === "GatewayError" ? err : badRequest(`The image at ${url} could not be downloaded.`, "messages", "image_download_failed");
      });
      images.set(url, imageFromBytes(bytes, contentType, "messages"));
    }),
  );
  return images;
}
