import { describe, expect, it } from "vitest";
import { detectBufferedStream } from "../../suites/index.js";

const at = (...times: number[]) => times.map((atMs) => ({ atMs, data: "{}" }));

describe("detectBufferedStream", () => {
  it("calls a stream buffered when every event arrives in one burst after a long wait", () => {
    expect(detectBufferedStream(at(900, 900.4, 901, 901.2, 902)).buffered).toBe(true);
  });

  it("does not call a stream buffered when its events spread over the generation", () => {
    expect(detectBufferedStream(at(40, 80, 120, 160, 200)).buffered).toBe(false);
  });

  it("does not call a fast stream buffered just because it was quick", () => {
    expect(detectBufferedStream(at(3, 3.2, 3.4, 3.6)).buffered).toBe(false);
  });

  it("keeps a slow first token with a spread-out answer a real stream (the shape, not the clock, decides)", () => {
    expect(detectBufferedStream(at(2000, 2400, 2800, 3200)).buffered).toBe(false);
  });

  it("does not judge a stream with fewer than three events", () => {
    expect(detectBufferedStream(at(1000, 1000.5)).buffered).toBe(false);
  });

  it("reports the facts its verdict rests on", () => {
    expect(detectBufferedStream(at(500, 501, 505))).toEqual({ events: 3, firstMs: 500, spreadMs: 5, buffered: true });
  });
});
