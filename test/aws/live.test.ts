import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { GetRolePolicyCommand } from "@aws-sdk/client-iam";
import { GetFunctionConcurrencyCommand, GetFunctionConfigurationCommand, GetFunctionUrlConfigCommand } from "@aws-sdk/client-lambda";
import { GetParameterCommand, GetParametersCommand } from "@aws-sdk/client-ssm";
import { inspectDeployment, InspectError } from "../../src/aws/index.js";
import { main } from "../../src/cli/main.js";
import * as seed from "../../fixtures/aws/seed-deployment.js";
import { ids } from "./helpers.js";
import { awsError, installSeedAccount } from "./mock-aws.js";

const SEED_LIVE = [
  "alb-lambda-body-cap", "alb-lambda-no-streaming", "alb-subnet-too-small", "cdk-no-egress-placeholder", "iam-missing-inference-profile",
  "igw-free-text-parameter", "lambda-timeout-vs-idle-timeout", "listener-http-only", "multi-value-headers-disabled", "ssm-param-name-mismatch",
  "template-findinmap-defaultvalue-without-transform",
].sort();

let account: ReturnType<typeof installSeedAccount>;
let dir: string;
beforeEach(() => {
  account = installSeedAccount();
  dir = mkdtempSync(join(tmpdir(), "bagcheck-aws-"));
});
afterEach(() => {
  account.restore();
  rmSync(dir, { recursive: true, force: true });
});

const inspectSeed = (extra: Record<string, string> = {}) => inspectDeployment({ stack: seed.STACK, region: seed.REGION, ...extra });

describe("inspect --stack (live, mocked SDK)", () => {
  it("reports every fault of the seed's deployment", async () => {
    const r = await inspectSeed();
    expect(ids(r.findings).sort()).toEqual(SEED_LIVE);
    expect(r.notes).toEqual([]);
  });

  it("finds the real SSM parameter in the account: BedrockProxyAPIKey, not BedrockProxyAPIKe", async () => {
    const r = await inspectSeed();
    expect(r.findings.find((f) => f.id === "ssm-param-name-mismatch")?.args).toMatchObject({
      configured: "BedrockProxyAPIKe", expected: "BedrockProxyAPIKey", source: "a parameter in this account",
    });
  });

  it("reads the subnets' free addresses from EC2", async () => {
    const r = await inspectSeed();
    expect(r.findings.find((f) => f.id === "alb-subnet-too-small")?.args?.subnets).toContain("subnet-0aaa1111 (10.10.2.0/28, 8 free)");
  });

  it("never calls GetParameter or GetParameters (the key's value is never read)", async () => {
    await inspectSeed({ ssmParam: "BedrockProxyAPIKey" });
    expect(account.ssm.commandCalls(GetParameterCommand)).toHaveLength(0);
    expect(account.ssm.commandCalls(GetParametersCommand)).toHaveLength(0);
  });

  it("keeps secret-looking environment values out of the snapshot", async () => {
    const r = await inspectSeed();
    const env = r.snapshot.functions[0]?.env ?? [];
    expect(env).toContainEqual({ name: "LANGFUSE_SECRET_KEY" });
    expect(JSON.stringify(r.snapshot)).not.toContain("sk-lf-do-not-leak");
  });

  it("without iam:GetRolePolicy still reports every other finding, plus a note naming the permission", async () => {
    account.iam.on(GetRolePolicyCommand).rejects(awsError("AccessDenied", "User: arn:aws:iam::123456789012:user/dev is not authorized to perform: iam:GetRolePolicy"));
    const r = await inspectSeed();
    expect(ids(r.findings).sort()).toEqual(SEED_LIVE.filter((id) => id !== "iam-missing-inference-profile"));
    expect(r.notes).toHaveLength(1);
    expect(r.notes[0]).toMatch(/^could not read inline policy BedrockProxyApiHandlerServiceRoleDefaultPolicy86681202 of role .*; permission iam:GetRolePolicy would allow it/);
  });

  it("reports model-needs-inference-profile and model-access-not-granted for a profile-only DEFAULT_MODEL not granted", async () => {
    account.lambda.on(GetFunctionConfigurationCommand).resolves({
      ...seed.getFunctionConfiguration,
      Environment: { Variables: { API_KEY_PARAM_NAME: "BedrockProxyAPIKey", DEFAULT_MODEL: "anthropic.claude-3-5-sonnet-20240620-v1:0" } },
    });
    const r = await inspectSeed();
    const model = r.findings.filter((f) => f.id.startsWith("model-"));
    expect(model.map((f) => f.id).sort()).toEqual(["model-access-not-granted", "model-needs-inference-profile"]);
    expect(model.find((f) => f.id === "model-needs-inference-profile")?.args?.profile).toBe("apac.anthropic.claude-3-5-sonnet-20240620-v1:0");
  });

  it("fails with an InspectError when the stack cannot be described", async () => {
    account.cfn.rejects(awsError("ValidationError", "Stack with id Nope does not exist"));
    await expect(inspectDeployment({ stack: "Nope", region: seed.REGION })).rejects.toThrow(InspectError);
  });

  it("can start from a function: its role, key parameter and model, without any ALB finding", async () => {
    const r = await inspectDeployment({ function: seed.FUNCTION_NAME, region: seed.REGION });
    expect(ids(r.findings).sort()).toEqual(["iam-missing-inference-profile", "ssm-param-name-mismatch"]);
  });

  it("can start from a load balancer instead of a stack", async () => {
    const r = await inspectDeployment({ loadBalancer: seed.LB_ARN, region: seed.REGION });
    expect(ids(r.findings)).toEqual(expect.arrayContaining(["listener-http-only", "alb-lambda-no-streaming", "ssm-param-name-mismatch"]));
    expect(r.snapshot.source.kind).toBe("resources");
  });
});

describe("inspect --function with a Function URL (mocked SDK)", () => {
  const FROM_FUNCTION = ["iam-missing-inference-profile", "ssm-param-name-mismatch"];
  const url = (mode: "BUFFERED" | "RESPONSE_STREAM") => ({
    FunctionUrl: "https://abcdefghijklmnopqrstuvwxyz0123.lambda-url.ap-northeast-1.on.aws/",
    FunctionArn: `arn:aws:lambda:${seed.REGION}:123456789012:function:${seed.FUNCTION_NAME}`,
    AuthType: "NONE" as const,
    InvokeMode: mode,
    CreationTime: "2024-07-02T00:00:00.000Z",
    LastModifiedTime: "2024-07-02T00:00:00.000Z",
  });

  it("reports function-url-buffered for a URL in BUFFERED mode (the default), which cannot stream", async () => {
    account.lambda.on(GetFunctionUrlConfigCommand).resolves(url("BUFFERED"));
    const r = await inspectDeployment({ function: seed.FUNCTION_NAME, region: seed.REGION });
    expect(ids(r.findings).sort()).toEqual([...FROM_FUNCTION, "function-url-buffered"].sort());
    expect(r.snapshot.functions[0]?.urlInvokeMode).toBe("BUFFERED");
  });

  it("says nothing about a URL in RESPONSE_STREAM mode", async () => {
    account.lambda.on(GetFunctionUrlConfigCommand).resolves(url("RESPONSE_STREAM"));
    const r = await inspectDeployment({ function: seed.FUNCTION_NAME, region: seed.REGION });
    expect(ids(r.findings).sort()).toEqual(FROM_FUNCTION);
  });

  it("reports lambda-reserved-concurrency-zero for a function throttled to nothing", async () => {
    account.lambda.on(GetFunctionConcurrencyCommand).resolves({ ReservedConcurrentExecutions: 0 });
    const r = await inspectDeployment({ function: seed.FUNCTION_NAME, region: seed.REGION });
    expect(ids(r.findings)).toContain("lambda-reserved-concurrency-zero");
  });

  it("without lambda:GetFunctionUrlConfig still reports the rest, plus a note naming the permission", async () => {
    account.lambda.on(GetFunctionUrlConfigCommand).rejects(awsError("AccessDeniedException", "User: arn:aws:iam::123456789012:user/dev is not authorized to perform: lambda:GetFunctionUrlConfig"));
    const r = await inspectDeployment({ function: seed.FUNCTION_NAME, region: seed.REGION });
    expect(ids(r.findings).sort()).toEqual(FROM_FUNCTION);
    expect(r.notes).toHaveLength(1);
    expect(r.notes[0]).toMatch(/Function URL of .*; permission lambda:GetFunctionUrlConfig would allow it/);
  });
});

describe("inspect --profile (mocked SDK, real shared config files)", () => {
  it("reads the account with the named profile's credentials and region", async () => {
    writeFileSync(join(dir, "config"), "[profile bagcheck-test]\nregion = ap-northeast-1\n\n[default]\nregion = us-west-2\n");
    writeFileSync(join(dir, "credentials"), "[bagcheck-test]\naws_access_key_id = AKIAPROFILETEST00001\naws_secret_access_key = profile-secret\n\n[default]\naws_access_key_id = AKIADEFAULTDEFAULT01\naws_secret_access_key = default-secret\n");
    vi.stubEnv("AWS_CONFIG_FILE", join(dir, "config"));
    vi.stubEnv("AWS_SHARED_CREDENTIALS_FILE", join(dir, "credentials"));
    for (const name of ["AWS_PROFILE", "AWS_REGION", "AWS_DEFAULT_REGION", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"]) vi.stubEnv(name, undefined);
    const seen: { region?: string; keyId?: string } = {};
    account.lambda.on(GetFunctionConfigurationCommand).callsFake(async (_input, getClient) => {
      const { config } = getClient();
      seen.region = await config.region();
      seen.keyId = (await config.credentials()).accessKeyId;
      return seed.getFunctionConfiguration;
    });
    try {
      const r = await inspectDeployment({ function: seed.FUNCTION_NAME, profile: "bagcheck-test" });
      expect(seen).toEqual({ region: "ap-northeast-1", keyId: "AKIAPROFILETEST00001" });
      expect(ids(r.findings)).toContain("ssm-param-name-mismatch");
    } finally {
      vi.unstubAllEnvs();
    }
  });
});

describe("snapshots", () => {
  it("save → load gives the same findings", async () => {
    const file = join(dir, "snap.json");
    const live = await inspectSeed({ saveSnapshot: file });
    account.restore();
    const replay = await inspectDeployment({ snapshot: file });
    expect(replay.findings).toEqual(live.findings);
  });

  it("a saved snapshot is plain JSON with no secret values", async () => {
    const file = join(dir, "snap.json");
    await inspectSeed({ saveSnapshot: file });
    const text = readFileSync(file, "utf8");
    expect(JSON.parse(text).schemaVersion).toBe(1);
    expect(text).not.toContain("sk-lf-do-not-leak");
  });

  it("a snapshot replays with --ssm-param applied on top", async () => {
    const file = join(dir, "snap.json");
    await inspectSeed({ saveSnapshot: file });
    const replay = await inspectDeployment({ snapshot: file, ssmParam: "BedrockProxyAPIKe" });
    expect(ids(replay.findings)).not.toContain("ssm-param-name-mismatch");
  });
});

describe("inspect --stack with API Gateway (mocked SDK)", () => {
  it("reports apigw-buffered-integration and the 29 s cut for a buffered REST proxy", async () => {
    const { mockClient } = await import("aws-sdk-client-mock");
    const { APIGatewayClient, GetResourcesCommand } = await import("@aws-sdk/client-api-gateway");
    const { ListStackResourcesCommand } = await import("@aws-sdk/client-cloudformation");
    const api = await import("../../fixtures/aws/api-gateway.js");
    const apigw = mockClient(APIGatewayClient);
    apigw.on(GetResourcesCommand).resolves(api.getResources);
    account.cfn.on(ListStackResourcesCommand).resolves({
      StackResourceSummaries: [
        { LogicalResourceId: "ProxyApi", ResourceType: "AWS::ApiGateway::RestApi", PhysicalResourceId: api.REST_API_ID, ResourceStatus: "CREATE_COMPLETE", LastUpdatedTimestamp: new Date(0) },
        { LogicalResourceId: "Fn", ResourceType: "AWS::Lambda::Function", PhysicalResourceId: seed.FUNCTION_NAME, ResourceStatus: "CREATE_COMPLETE", LastUpdatedTimestamp: new Date(0) },
      ],
    });
    try {
      const r = await inspectSeed();
      const f = r.findings.filter((x) => x.id === "apigw-buffered-integration" || (x.id === "lambda-timeout-vs-idle-timeout" && x.args?.front !== "ALB idle timeout"));
      expect(f.map((x) => x.id)).toEqual(["apigw-buffered-integration", "lambda-timeout-vs-idle-timeout"]);
      expect(f[0]?.args).toMatchObject({ api: api.REST_API_ID, route: "ANY /{proxy+}", function: seed.FUNCTION_NAME });
    } finally {
      apigw.restore();
    }
  });
});

describe("inspect --stack with an HTTP API (mocked SDK)", () => {
  async function withHttpApi(setup: (v2: Awaited<ReturnType<typeof mockV2>>) => void = () => undefined) {
    const v2 = await mockV2();
    setup(v2);
    const { ListStackResourcesCommand } = await import("@aws-sdk/client-cloudformation");
    const api = await import("../../fixtures/aws/api-gateway.js");
    account.cfn.on(ListStackResourcesCommand).resolves({
      StackResourceSummaries: [
        { LogicalResourceId: "HttpApi", ResourceType: "AWS::ApiGatewayV2::Api", PhysicalResourceId: api.HTTP_API_ID, ResourceStatus: "CREATE_COMPLETE", LastUpdatedTimestamp: new Date(0) },
        { LogicalResourceId: "Fn", ResourceType: "AWS::Lambda::Function", PhysicalResourceId: seed.FUNCTION_NAME, ResourceStatus: "CREATE_COMPLETE", LastUpdatedTimestamp: new Date(0) },
      ],
    });
    try {
      return { r: await inspectSeed(), api };
    } finally {
      v2.mock.restore();
    }
  }
  async function mockV2() {
    const { mockClient } = await import("aws-sdk-client-mock");
    const m = await import("@aws-sdk/client-apigatewayv2");
    const api = await import("../../fixtures/aws/api-gateway.js");
    const mock = mockClient(m.ApiGatewayV2Client);
    mock.on(m.GetApiCommand).resolves(api.getApi);
    mock.on(m.GetIntegrationsCommand).resolves(api.getIntegrations);
    mock.on(m.GetRoutesCommand).resolves(api.getRoutes);
    return { mock, m };
  }
  const apiFindings = (findings: { id: string; args?: Record<string, unknown> }[]) =>
    findings.filter((x) => x.id === "apigw-buffered-integration" || (x.id === "lambda-timeout-vs-idle-timeout" && x.args?.front !== "ALB idle timeout"));

  it("reports apigw-buffered-integration for each route to the function, and the 30 s cut", async () => {
    const { r, api } = await withHttpApi();
    const f = apiFindings(r.findings);
    expect(f.filter((x) => x.id === "apigw-buffered-integration").map((x) => x.args?.route)).toEqual(["ANY /api/v1/{proxy+}", "$default"]);
    expect(f[0]?.args).toMatchObject({ api: api.HTTP_API_ID, kind: "HTTP API", function: seed.FUNCTION_NAME });
    expect(f.find((x) => x.id === "lambda-timeout-vs-idle-timeout")?.args).toMatchObject({ frontSeconds: 30 });
  });

  it("skips a WebSocket API: it is not an HTTP front", async () => {
    const { r } = await withHttpApi(({ mock, m }) => mock.on(m.GetApiCommand).resolves({ ApiId: "ws", ProtocolType: "WEBSOCKET" }));
    expect(apiFindings(r.findings)).toEqual([]);
  });

  it("without permission to read the routes, still reports the integration, plus a note", async () => {
    const { r } = await withHttpApi(({ mock, m }) => mock.on(m.GetRoutesCommand).rejects(awsError("AccessDeniedException", "not authorized to perform: apigateway:GET")));
    expect(apiFindings(r.findings).filter((x) => x.id === "apigw-buffered-integration").map((x) => x.args?.route)).toEqual(["integration int0001"]);
    expect(r.notes.some((n) => /routes of HTTP API .*apigateway:GET/.test(n))).toBe(true);
  });
});

describe("bagcheck inspect --stack (CLI, mocked SDK)", () => {
  it("exits 1 on the seed stack, saves a snapshot, and the snapshot replays to the same exit code", async () => {
    let out = "";
    vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
      out += String(chunk);
      return true;
    });
    try {
      const file = join(dir, "s.json");
      expect(await main(["inspect", "--stack", seed.STACK, "--region", seed.REGION, "--save-snapshot", file])).toBe(1);
      expect(out).toContain(`bagcheck inspect: stack ${seed.STACK} (${seed.REGION})`);
      account.restore();
      expect(await main(["inspect", "--snapshot", file])).toBe(1);
    } finally {
      vi.restoreAllMocks();
    }
  });
});
