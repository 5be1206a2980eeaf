import { describe, expect, it } from "vitest";
import { describeHttpError, getProfile } from "../../src/clients/index.js";

const detail404 = { status: 404, contentType: "application/json", body: '{"detail":"Not Found"}' };

describe("what a client shows for an HTTP error", () => {
  it("openai-node drops a FastAPI {detail} body: '400 status code (no body)'", () => {
    expect(describeHttpError(getProfile("openai-node")!, { status: 400, contentType: "application/json", body: '{"detail":"Unsupported model x"}' })).toBe(
      "BadRequestError: 400 status code (no body)",
    );
  });

  it("openai-node shows error.message from an OpenAI envelope", () => {
    const body = JSON.stringify({ error: { message: "model not found", type: "invalid_request_error" } });
    expect(describeHttpError(getProfile("openai-node")!, { status: 404, body })).toBe("NotFoundError: 404 model not found");
  });

  it("openai-node shows a text/plain body as is", () => {
    expect(describeHttpError(getProfile("openai-node")!, { status: 500, contentType: "text/plain", body: "Internal Server Error" })).toBe(
      "InternalServerError: 500 Internal Server Error",
    );
  });

  it("NextChat pretty-prints a JSON error body as the reply", () => {
    expect(describeHttpError(getProfile("nextchat-web")!, detail404)).toBe('```json\n{\n    "detail": "Not Found"\n}\n```');
  });

  it("NextChat shows a text/plain body raw", () => {
    expect(describeHttpError(getProfile("nextchat-web")!, { status: 500, contentType: "text/plain; charset=utf-8", body: "Internal Server Error" })).toBe(
      "Internal Server Error",
    );
  });

  it("openai-python keeps the whole body", () => {
    expect(describeHttpError(getProfile("openai-python")!, detail404)).toBe('Error code: 404 - {"detail":"Not Found"}');
  });

  it("Open WebUI hides a body without an error key", () => {
    expect(describeHttpError(getProfile("open-webui")!, detail404)).toBe("Open WebUI: Server Connection Error");
  });
});
