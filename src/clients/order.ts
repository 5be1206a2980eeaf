/**
 * The order in which a person meets causes: the first one decides what they see (a blocked request hides
 * every cause behind it). Ids not listed sort between the transport/URL stage and the stream stage.
 */
const stages: string[] = [
  "mixed-content-http-gateway",
  "desktop-needs-https",
  "base-url-https-prefixed",
  "base-url-double-v1",
  "base-url-wrong-path",
  // …everything else (auth, envelopes, model access) here…
  "stream-error-cors-less-500",
  "first-byte-timeout-buffered",
  "sse-buffered-by-front",
  "default-model-silently-replaced",
];

const middle = stages.indexOf("base-url-wrong-path") + 0.5;

export function causeOrder(findingId: string): number {
  const i = stages.indexOf(findingId);
  return i === -1 ? middle : i;
}
