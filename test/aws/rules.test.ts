import { describe, expect, it } from "vitest";
import { collectFromTemplate, parseTemplate, rules, runRules, type ModelRow } from "../../src/aws/index.js";
import { getEntry } from "../../src/explain/index.js";
import { aws as awsCatalog } from "../../src/explain/catalog/aws.js";
import { blank, findingsOf, ids } from "./helpers.js";

const lambdaFn = (over: Record<string, unknown> = {}) => ({ id: "fn", architectures: ["arm64"], env: [], timeoutSeconds: 30, ...over });

const row = (over: Partial<ModelRow>): ModelRow => ({
  modelId: "m", provider: "P", name: "M", input: ["TEXT"], output: ["TEXT"], streaming: true, inferenceTypes: ["ON_DEMAND"], onDemand: true, profiles: [], ...over,
});

describe("rule declarations", () => {
  it("every finding a rule may emit has a catalog entry", () => {
    const missing = rules.flatMap((r) => r.finds).filter((id) => !getEntry(id));
    expect(missing).toEqual([]);
  });

  it("every finding in the aws catalog is emitted by a rule or by the models cross-check", () => {
    const emitted = new Set([...rules.flatMap((r) => r.finds), "gateway-lists-uncallable-model", "gateway-omits-callable-model"]);
    expect(awsCatalog.map((e) => e.id).filter((id) => !emitted.has(id))).toEqual([]);
  });
});

describe("the aws catalog", () => {
  it.each(awsCatalog.map((e) => [e.id, e] as const))("%s says why, how to fix it, and where to read more", (_id, e) => {
    expect(e.why.length).toBeGreaterThan(40);
    expect(e.fix.general.length).toBeGreaterThan(10);
    expect(e.references.length).toBeGreaterThan(0);
    expect(e.references.every((r) => r.url.startsWith("https://"))).toBe(true);
  });

  it("names only known client ids", () => {
    const known = new Set(["nextchat-web", "nextchat-web-proxy", "nextchat-desktop", "openai-node", "openai-node-browser", "openai-python", "lobechat", "open-webui", "curl"]);
    expect(awsCatalog.flatMap((e) => e.clients).filter((c) => !known.has(c))).toEqual([]);
  });
});

describe("rules on literal snapshots", () => {
  it("reports alb-single-az when every subnet is in the same zone", () => {
    const s = blank({
      loadBalancers: [{ id: "lb", type: "application", subnetIds: ["a", "b"], securityGroupIds: [] }],
      subnets: [{ id: "a", cidr: "10.0.0.0/24", availabilityZone: "z1" }, { id: "b", cidr: "10.0.1.0/24", availabilityZone: "z1" }],
    });
    expect(ids(runRules(s))).toEqual(["alb-single-az"]);
  });

  it("reports alb-subnet-too-small when a /24 has fewer than eight free addresses", () => {
    const s = blank({
      loadBalancers: [{ id: "lb", type: "application", subnetIds: ["a"], securityGroupIds: [] }],
      subnets: [{ id: "a", cidr: "10.0.0.0/24", availableIps: 3 }],
    });
    expect(ids(runRules(s))).toEqual(["alb-subnet-too-small"]);
  });

  it("does not report listener-http-only when port 80 only redirects to HTTPS", () => {
    const s = blank({
      loadBalancers: [{ id: "lb", type: "application", subnetIds: [], securityGroupIds: [] }],
      listeners: [{ id: "l", loadBalancerId: "lb", port: 80, protocol: "HTTP", certificateCount: 0, actions: [{ type: "redirect", targetGroupIds: [], redirectProtocol: "HTTPS" }] }],
    });
    expect(ids(runRules(s))).not.toContain("listener-http-only");
  });

  it("does not report lambda-timeout-vs-idle-timeout when the idle timeout covers the function", () => {
    const s = blank({
      loadBalancers: [{ id: "lb", type: "application", subnetIds: [], securityGroupIds: [], idleTimeoutSeconds: 400 }],
      listeners: [{ id: "l", loadBalancerId: "lb", protocol: "HTTPS", certificateCount: 1, actions: [{ type: "forward", targetGroupIds: ["tg"] }] }],
      targetGroups: [{ id: "tg", targetType: "lambda", targetIds: ["fn"], multiValueHeaders: true }],
      functions: [lambdaFn({ timeoutSeconds: 300 })],
    });
    expect(ids(runRules(s)).sort()).toEqual(["alb-lambda-body-cap", "alb-lambda-no-streaming"]);
  });

  it("reports function-url-buffered for a BUFFERED Function URL", () => {
    expect(ids(runRules(blank({ functions: [lambdaFn({ urlInvokeMode: "BUFFERED" })] })))).toEqual(["function-url-buffered"]);
  });

  it("reports lambda-reserved-concurrency-zero", () => {
    expect(ids(runRules(blank({ functions: [lambdaFn({ reservedConcurrency: 0 })] })))).toEqual(["lambda-reserved-concurrency-zero"]);
  });

  it("reports apigw-buffered-integration and the 29 s cut for a buffered REST integration", () => {
    const s = blank({
      functions: [lambdaFn({ timeoutSeconds: 300 })],
      apis: [{ id: "api", kind: "rest", integrations: [{ route: "ANY /{proxy+}", type: "AWS_PROXY", functionId: "fn", transferMode: "BUFFERED" }] }],
    });
    const f = runRules(s);
    expect(ids(f)).toEqual(["apigw-buffered-integration", "lambda-timeout-vs-idle-timeout"]);
    expect(f[1]?.args).toMatchObject({ frontSeconds: 29, lambdaSeconds: 300 });
  });

  it("reports ssm-param-missing when the account was searched and has no such parameter", () => {
    const s = blank({ functions: [lambdaFn({ env: [{ name: "API_KEY_PARAM_NAME", value: "MyKey" }] })], ssm: { parameters: [], searched: ["MyKey"] } });
    expect(ids(runRules(s))).toEqual(["ssm-param-missing"]);
  });

  it("reports ssm-param-not-secure-string for a plain String parameter", () => {
    const s = blank({
      functions: [lambdaFn({ env: [{ name: "API_KEY_PARAM_NAME", value: "MyKey" }] })],
      ssm: { parameters: [{ name: "MyKey", type: "String", seenIn: "account" }], searched: ["MyKey"] },
    });
    expect(ids(runRules(s))).toEqual(["ssm-param-not-secure-string"]);
  });

  it("reports iam-ssm-param-not-allowed when the role may read another parameter", () => {
    const s = blank({
      functions: [lambdaFn({ roleId: "role", env: [{ name: "API_KEY_PARAM_NAME", value: "Real" }] })],
      roles: [{ id: "role", policies: [{ name: "p", document: { Statement: [{ Effect: "Allow", Action: "ssm:GetParameter", Resource: "arn:aws:ssm:*:*:parameter/Other" }] } }] }],
    });
    expect(ids(runRules(s))).toEqual(["iam-ssm-param-not-allowed"]);
  });

  it("does not report iam-missing-inference-profile when bedrock:* is allowed on *", () => {
    const s = blank({
      functions: [lambdaFn({ roleId: "role" })],
      roles: [{ id: "role", policies: [{ name: "p", document: { Statement: [{ Effect: "Allow", Action: "bedrock:*", Resource: "*" }] } }] }],
    });
    expect(runRules(s)).toEqual([]);
  });

  it("stays silent on IAM when the role's policies could not be read", () => {
    const s = blank({ functions: [lambdaFn({ roleId: "role" })], roles: [{ id: "role" }] });
    expect(runRules(s)).toEqual([]);
  });

  it("reports model-access-not-granted for a DEFAULT_MODEL the account may not use", () => {
    const s = blank({
      region: "ap-northeast-1",
      functions: [lambdaFn({ env: [{ name: "DEFAULT_MODEL", value: "m" }] })],
      models: [row({ access: { authorization: "AUTHORIZED", entitlement: "NOT_AVAILABLE" }, callWith: "m", callable: false })],
      modelCatalogRead: true,
    });
    expect(runRules(s)).toEqual([{ id: "model-access-not-granted", args: { function: "fn", model: "m", region: "ap-northeast-1" } }]);
  });

  it("reports model-needs-inference-profile with the profile id to use", () => {
    const s = blank({
      region: "ap-northeast-1",
      functions: [lambdaFn({ env: [{ name: "DEFAULT_MODEL", value: "m" }] })],
      models: [row({ onDemand: false, inferenceTypes: ["INFERENCE_PROFILE"], profiles: ["apac.m"], callWith: "apac.m" })],
      modelCatalogRead: true,
    });
    expect(runRules(s)[0]).toMatchObject({ id: "model-needs-inference-profile", args: { profile: "apac.m" } });
  });

  it("reports model-not-in-region when the region's list was read and lacks DEFAULT_MODEL", () => {
    const s = blank({ functions: [lambdaFn({ env: [{ name: "DEFAULT_MODEL", value: "gone" }] })], models: [], modelCatalogRead: true });
    expect(ids(runRules(s))).toEqual(["model-not-in-region"]);
  });

  it("says nothing about models when the region's list was not read (a template)", () => {
    expect(ids(findingsOf("seed-2024.json"))).not.toContain("model-not-in-region");
  });
});

describe("the API key source", () => {
  it("reports api-key-default when API_KEY_PARAM_NAME is blank and no other key source is set", () => {
    const s = blank({ functions: [lambdaFn({ env: [{ name: "API_KEY_PARAM_NAME", value: "" }] })] });
    expect(ids(runRules(s))).toEqual(["api-key-default"]);
  });

  it("does not report api-key-default when the key comes from Secrets Manager", () => {
    const s = blank({ functions: [lambdaFn({ env: [{ name: "API_KEY_PARAM_NAME", value: "" }, { name: "API_KEY_SECRET_ARN", value: "arn:aws:secretsmanager:x" }] })] });
    expect(runRules(s)).toEqual([]);
  });

  it("reports api-key-default on the upstream template left with its blank ApiKeyParam default", () => {
    expect(ids(findingsOf("upstream-2024.json"))).toContain("api-key-default");
  });
});

describe("listener rules", () => {
  it("follows a ListenerRule in a template to a lambda target group", () => {
    const template = {
      Resources: {
        Lb: { Type: "AWS::ElasticLoadBalancingV2::LoadBalancer", Properties: { Subnets: [] } },
        L: { Type: "AWS::ElasticLoadBalancingV2::Listener", Properties: { LoadBalancerArn: { Ref: "Lb" }, Port: 443, Protocol: "HTTPS", Certificates: [{ CertificateArn: "c" }], DefaultActions: [{ Type: "fixed-response" }] } },
        R: { Type: "AWS::ElasticLoadBalancingV2::ListenerRule", Properties: { ListenerArn: { Ref: "L" }, Priority: 1, Actions: [{ Type: "forward", TargetGroupArn: { Ref: "Tg" } }] } },
        Tg: { Type: "AWS::ElasticLoadBalancingV2::TargetGroup", Properties: { TargetType: "lambda", Targets: [{ Id: { "Fn::GetAtt": ["Fn", "Arn"] } }], TargetGroupAttributes: [{ Key: "lambda.multi_value_headers.enabled", Value: "true" }] } },
        Fn: { Type: "AWS::Lambda::Function", Properties: { Timeout: 30 } },
      },
    };
    const s = collectFromTemplate(parseTemplate(JSON.stringify(template)), { name: "t" });
    expect(ids(runRules(s)).sort()).toEqual(["alb-lambda-body-cap", "alb-lambda-no-streaming"]);
  });
});
