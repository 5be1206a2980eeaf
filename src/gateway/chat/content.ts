import { badRequest } from "../errors.js";
import type { ConverseBlock, OpenAIContentPart } from "./types.js";

type ImageBlock = Extract<ConverseBlock, { image: unknown }>;
type ImageFormat = ImageBlock["image"]["format"];

const FORMATS: Record<string, ImageFormat> = { png: "png", jpeg: "jpeg", jpg: "jpeg", gif: "gif", webp: "webp" };

/** `data:image/png;base64,…` → a Converse image block; anything else in a data: URL is a clear 400. */
export function imageFromDataUrl(url: string, param: string): ImageBlock {
  const m = /^data:image\/([a-z+.-]+);base64,/i.exec(url);
  const format = m?.[1] ? FORMATS[m[1].toLowerCase()] : undefined;
  if (!m || !format) throw badRequest("Images must be base64 data: URLs of type png, jpeg, gif or webp.", param, "invalid_image_url");
  return { image: { format, source: { bytes: Buffer.from(url.slice(m[0].length), "base64") } } };
}

export function imageFromBytes(bytes: Uint8Array, contentType: string, param: string): ImageBlock {
  const format = FORMATS[contentType.replace(/^image\//, "").split(";")[0]?.trim().toLowerCase() ?? ""];
  if (!format) throw badRequest(`The image is of type '${contentType}'; Bedrock accepts png, jpeg, gif and webp.`, param, "invalid_image_url");
  return { image: { format, source: { bytes } } };
}

export function isRemoteUrl(url: string): boolean {
  return /^https?:\/\//i.test(url);
}

/**
 * A message's content (string or parts) → Converse blocks. Remote images must already be in `remoteImages`
 * (fetched beforehand by the route, only when allowed); others are refused here.
 */
export function contentToBlocks(content: string | OpenAIContentPart[] | null | undefined, param: string, remoteImages: ReadonlyMap<string, ImageBlock>): ConverseBlock[] {
  if (content === null || content === undefined) return [];
  if (typeof content === "string") return [{ text: content }];
  if (!Array.isArray(content)) throw badRequest("Message content must be a string or an array of content parts.", param);
  const blocks: ConverseBlock[] = [];
  content.forEach((part, i) => {
    const p = `${param}[${i}]`;
    if (typeof part !== "object" || part === null) throw badRequest("Each content part must be an object.", p);
    if (part.type === "text" && typeof part.text === "string") blocks.push({ text: part.text });
    else if (part.type === "image_url") {
      const url = (part as { image_url?: { url?: unknown } }).image_url?.url;
      if (typeof url !== "string") throw badRequest("image_url.url must be a string.", p);
      if (url.startsWith("data:")) blocks.push(imageFromDataUrl(url, p));
      else if (isRemoteUrl(url)) {
        const fetched = remoteImages.get(url);
        if (!fetched) throw badRequest("Remote image URLs are refused by this gateway (it would fetch arbitrary URLs on your behalf). Send the image as a base64 data: URL, or ask the operator to allow-list its origin.", p, "image_url_not_allowed");
        blocks.push(fetched);
      } else throw badRequest("image_url.url must be a data: URL.", p, "invalid_image_url");
    } else throw badRequest(`Content part type '${String(part.type)}' is not supported; use text or image_url.`, p);
  });
  return blocks;
}

/** Plain text of a system/tool message (text parts joined); other parts are refused. */
export function contentToText(content: string | OpenAIContentPart[] | null | undefined, param: string): string {
  if (content === null || content === undefined) return "";
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) throw badRequest("Message content must be a string or an array of content parts.", param);
  return content
    .map((part, i) => {
      if (part?.type !== "text" || typeof part.text !== "string") throw badRequest("Only text parts are allowed here.", `${param}[${i}]`);
      return part.text;
    })
    .join("\n");
}

/** Every remote image URL in the request, so the route can fetch the allowed ones before mapping. */
export function remoteImageUrls(messages: readonly { content?: unknown }[]): string[] {
  const urls: string[] = [];
  for (const m of messages) {
    if (!Array.isArray(m.content)) continue;
    for (const part of m.content as OpenAIContentPart[]) {
      const url = part?.type === "image_url" ? (part as { image_url?: { url?: unknown } }).image_url?.url : undefined;
      if (typeof url === "string" && isRemoteUrl(url)) urls.push(url);
    }
  }
  return urls;
}
