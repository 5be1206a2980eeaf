import { describe, expect, it } from "vitest";
import { enterUrlFor, getProfile, isMixedContent, joinClientUrl, relabel, workingBaseFor } from "../../src/clients/index.js";

const alb = "http://bedrockproxy-123.ap-northeast-1.elb.amazonaws.com";
const nextchat = getProfile("nextchat-web")!;
const node = getProfile("openai-node")!;

describe("joinClientUrl", () => {
  it("appends v1/chat/completions for NextChat, doubling /v1 on BAG's stack output", () => {
    expect(joinClientUrl(nextchat, `${alb}/api/v1`, "chat")).toBe(`${alb}/api/v1/v1/chat/completions`);
  });

  it("strips one trailing slash before joining, as NextChat's path() does", () => {
    expect(joinClientUrl(nextchat, `${alb}/api/`, "chat")).toBe(`${alb}/api/v1/chat/completions`);
  });

  it("prefixes https:// when NextChat's endpoint is typed without a scheme", () => {
    expect(joinClientUrl(nextchat, "alb.example/api", "chat")).toBe("https://alb.example/api/v1/chat/completions");
  });

  it("uses openai-node's baseURL verbatim plus /chat/completions", () => {
    expect(joinClientUrl(node, `${alb}/api/v1/`, "chat")).toBe(`${alb}/api/v1/chat/completions`);
  });

  it("joins a literal path when it is not one of the profile's keys", () => {
    expect(joinClientUrl(nextchat, `${alb}/api`, "dashboard/billing/subscription")).toBe(`${alb}/api/v1/dashboard/billing/subscription`);
  });
});

describe("enterUrlFor", () => {
  it("tells NextChat users to drop the /v1", () => {
    expect(enterUrlFor(nextchat, `${alb}/api/v1`)).toBe(`${alb}/api`);
  });

  it("has no value for NextChat when the gateway's base does not end in /v1", () => {
    expect(enterUrlFor(nextchat, `${alb}/openai`)).toBeUndefined();
  });

  it("gives SDKs the base itself", () => {
    expect(enterUrlFor(node, `${alb}/api/v1`)).toBe(`${alb}/api/v1`);
  });
});

describe("mixed content", () => {
  it("blocks an https page calling an http host name", () => {
    expect(isMixedContent("https://app.nextchat.dev", `${alb}/api/v1/v1/chat/completions`)).toBe(true);
  });

  it("lets an https page call http on loopback, as Chromium does", () => {
    expect(isMixedContent("https://app.nextchat.dev", "http://127.0.0.1:8080/api/v1/chat/completions")).toBe(false);
    expect(isMixedContent("https://app.nextchat.dev", "http://localhost:8080/api/v1/chat/completions")).toBe(false);
  });

  it("lets an http page call an http gateway", () => {
    expect(isMixedContent("http://chat.intranet", `${alb}/api/v1/chat/completions`)).toBe(false);
  });

  it("treats the Tauri macOS page (tauri://localhost) as secure", () => {
    expect(isMixedContent("tauri://localhost", `${alb}/api/v1/chat/completions`)).toBe(true);
  });
});

describe("labels and sockets", () => {
  it("rewrites a URL named after the ALB host to the socket that answers for it", () => {
    expect(relabel(`${alb}/api/v1/v1/chat/completions`, `${alb}/api/v1`, "http://127.0.0.1:4567/api/v1")).toBe(
      "http://127.0.0.1:4567/api/v1/v1/chat/completions",
    );
  });

  it("names the working base with the entered origin and the base's path", () => {
    expect(workingBaseFor(`${alb}/api/v1`, "http://127.0.0.1:4567/api/v1/")).toBe(`${alb}/api/v1`);
  });
});
