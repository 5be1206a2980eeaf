import { describe, expect, it } from "vitest";
import { configFromEnv } from "../../src/gateway/lambda-config.js";
import { toRequest } from "../../src/gateway/lambda.js";

describe("Lambda configuration and events", () => {
  it("reads BAG's variable names and the region Lambda sets", () => {
    const c = configFromEnv({ AWS_REGION: "ap-northeast-1", API_KEY_PARAM_NAME: "BedrockProxyAPIKey", API_ROUTE_PREFIX: "/api/v1", CORS_ORIGINS: "https://a.example, https://b.example", MODEL_ALIASES: '{"gpt-4o-mini":"anthropic.claude-3-haiku-20240307-v1:0"}' });
    expect(c).toMatchObject({ region: "ap-northeast-1", apiKeyParam: "BedrockProxyAPIKey", prefixes: ["/api/v1"], corsOrigins: ["https://a.example", "https://b.example"], modelAliases: { "gpt-4o-mini": "anthropic.claude-3-haiku-20240307-v1:0" } });
  });

  it("turns an API Gateway REST (v1) event with multi-value headers and a query into a Request", async () => {
    const req = toRequest({ httpMethod: "POST", path: "/v1/embeddings", headers: { host: "api.example.com" }, multiValueHeaders: { "x-api-key": ["k1"] }, queryStringParameters: { a: "1" }, body: '{"x":1}', isBase64Encoded: false }, new AbortController().signal);
    expect(req.method).toBe("POST");
    expect(req.url).toBe("https://api.example.com/v1/embeddings?a=1");
    expect(req.headers.get("x-api-key")).toBe("k1");
    expect(await req.json()).toEqual({ x: 1 });
  });
});
