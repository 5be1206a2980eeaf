import { execFile, spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningEmulator, startEmulator } from "../../src/emulator/index.js";

// BAG is Python + boto3: when boto3 is installed, prove it talks to the emulator unchanged (endpoint env vars only).
const hasBoto3 = spawnSync("python3", ["-c", "import boto3"], { stdio: "ignore" }).status === 0;

const SCRIPT = `
import boto3, json
from botocore.config import Config
rt = boto3.client("bedrock-runtime", config=Config(retries={"max_attempts": 1}))
cp = boto3.client("bedrock")
out = {}
r = rt.converse(modelId="anthropic.claude-v2:1", messages=[{"role": "user", "content": [{"text": "hi from boto3"}]}])
out["text"] = r["output"]["message"]["content"][0]["text"]
s = rt.converse_stream(modelId="anthropic.claude-v2:1", messages=[{"role": "user", "content": [{"text": "stream"}]}])
out["events"] = [list(e.keys())[0] for e in s["stream"]]
e = rt.invoke_model(modelId="cohere.embed-multilingual-v3", body=json.dumps({"texts": ["a"], "input_type": "search_query"}))
out["dims"] = len(json.loads(e["body"].read())["embeddings"][0])
try:
    rt.converse(modelId="anthropic.claude-3-haiku-20240307-v1:0", messages=[{"role": "user", "content": [{"text": "x"}]}])
except Exception as ex:
    out["error"] = [ex.response["Error"]["Code"], ex.response["Error"]["Message"]]
out["models"] = len(cp.list_foundation_models(byOutputModality="TEXT")["modelSummaries"])
print(json.dumps(out))
`;

describe.skipIf(!hasBoto3)("boto3 (BAG's SDK) against the emulator", () => {
  let emu: RunningEmulator;
  beforeAll(async () => {
    emu = await startEmulator({ catalog: "ap-northeast-1-2024-07", chunkDelayMs: 0 });
  });
  afterAll(() => emu.close());

  it("converses, streams, embeds, lists models and gets AccessDenied with only the endpoint variables set", async () => {
    const env = {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      AWS_ENDPOINT_URL_BEDROCK_RUNTIME: emu.url,
      AWS_ENDPOINT_URL_BEDROCK: emu.url,
      AWS_DEFAULT_REGION: emu.region,
      AWS_ACCESS_KEY_ID: "AKIDEMULATOR",
      AWS_SECRET_ACCESS_KEY: "emulator-secret",
      AWS_EC2_METADATA_DISABLED: "true",
    };
    // Asynchronous: the emulator answers from this very event loop.
    const run = await new Promise<{ stdout: string; stderr: string }>((resolve) => {
      execFile("python3", ["-c", SCRIPT], { env, encoding: "utf8", timeout: 20_000 }, (_err, stdout, stderr) => resolve({ stdout, stderr }));
    });
    expect(run.stderr).toBe("");
    const out = JSON.parse(run.stdout) as { text: string; events: string[]; dims: number; error: string[]; models: number };
    expect(out.text).toBe("Hello from the Bedrock emulator (Claude). You said: hi from boto3");
    expect(out.events[0]).toBe("messageStart");
    expect(out.events.at(-1)).toBe("metadata");
    expect(out.dims).toBe(1024);
    expect(out.error).toEqual(["AccessDeniedException", "You don't have access to the model with the specified model ID."]);
    expect(out.models).toBe(emu.catalog.models.filter((m) => m.outputModalities.includes("TEXT")).length);
  });
});
