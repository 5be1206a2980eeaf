import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseTemplate, TemplateParseError } from "../../src/aws/index.js";
import { findingsOf, ids, snapshotOf, templatePath } from "./helpers.js";

describe("parseTemplate", () => {
  it("expands CloudFormation short tags in YAML to their long form", () => {
    const doc = parseTemplate(
      "Resources:\n  A:\n    Type: X\n    Properties:\n      B: !GetAtt Fn.Arn\n      C: !Join ['', [!Ref P, !Sub '${AWS::Region}']]\n      D: !FindInMap [M, !Ref AWS::Region, k, {DefaultValue: d}]\n",
    );
    expect((doc.Resources as Record<string, { Properties: unknown }>).A?.Properties).toEqual({
      B: { "Fn::GetAtt": ["Fn", "Arn"] },
      C: { "Fn::Join": ["", [{ Ref: "P" }, { "Fn::Sub": "${AWS::Region}" }]] },
      D: { "Fn::FindInMap": ["M", { Ref: "AWS::Region" }, "k", { DefaultValue: "d" }] },
    });
  });

  it("rejects a document without Resources", () => {
    expect(() => parseTemplate('{"Description": "no resources"}')).toThrow(TemplateParseError);
  });

  it("rejects malformed JSON with a parse error, not a crash", () => {
    expect(() => parseTemplate('{"Resources": ')).toThrow(/not valid JSON/);
  });
});

describe("the seed's hand-edited template (blog section 2.1)", () => {
  const findings = findingsOf("seed-2024.json");
  const find = (id: string) => findings.find((f) => f.id === id);

  const blogPath = "/work/shared/seeds/000_712380503e7d99e2.txt";
  // The blog post lives outside the repository; where it is present, the fixture must match it exactly.
  it.skipIf(!existsSync(blogPath))("is the blog's template, byte for byte", () => {
    const blog = readFileSync(blogPath, "utf8");
    const fixture = readFileSync(templatePath("seed-2024.json"), "utf8");
    expect(blog).toContain(fixture.trimEnd());
  });

  it("reports template-findinmap-defaultvalue-without-transform for DEFAULT_MODEL", () => {
    expect(find("template-findinmap-defaultvalue-without-transform")?.args).toMatchObject({
      path: "Resources.BedrockProxyApiHandlerEC15A492.Properties.Environment.Variables.DEFAULT_MODEL",
    });
  });

  it("reports ssm-param-name-mismatch: BedrockProxyAPIKe is one letter short of BedrockProxyAPIKey", () => {
    expect(find("ssm-param-name-mismatch")?.args).toMatchObject({ configured: "BedrockProxyAPIKe", expected: "BedrockProxyAPIKey" });
  });

  it("reports alb-subnet-too-small for both /28 subnets", () => {
    expect(String(find("alb-subnet-too-small")?.args?.subnets)).toMatch(/10\.10\.2\.0\/28.*10\.10\.3\.0\/28/);
  });

  it("reports iam-missing-inference-profile: InvokeModel only on foundation-model/*", () => {
    expect(find("iam-missing-inference-profile")?.args).toMatchObject({ resources: "arn:aws:bedrock:*::foundation-model/*" });
  });

  it("reports listener-http-only for the port 80 listener", () => {
    expect(find("listener-http-only")?.args).toMatchObject({ port: 80 });
  });

  it("reports alb-lambda-no-streaming and alb-lambda-body-cap for the lambda target group", () => {
    expect(ids(findings)).toEqual(expect.arrayContaining(["alb-lambda-no-streaming", "alb-lambda-body-cap"]));
  });

  it("reports lambda-timeout-vs-idle-timeout: 300 s function behind a 60 s ALB", () => {
    expect(find("lambda-timeout-vs-idle-timeout")?.args).toMatchObject({ frontSeconds: 60, lambdaSeconds: 300 });
  });

  it("reports igw-free-text-parameter for ExistingVpcIgwID", () => {
    expect(find("igw-free-text-parameter")?.args).toMatchObject({ parameter: "ExistingVpcIgwID", value: "igw-0edd3612557ae42b4" });
  });

  it("explains the CDK no-egress placeholder as info only", () => {
    expect(find("cdk-no-egress-placeholder")?.args).toMatchObject({ securityGroup: "BedrockProxyALBSecurityGroup0D6CA3DA" });
  });

  it("reports nothing else", () => {
    expect(ids(findings).sort()).toEqual(
      [
        "alb-lambda-body-cap", "alb-lambda-no-streaming", "alb-subnet-too-small", "cdk-no-egress-placeholder", "iam-missing-inference-profile",
        "igw-free-text-parameter", "lambda-timeout-vs-idle-timeout", "listener-http-only", "multi-value-headers-disabled", "ssm-param-name-mismatch",
        "template-findinmap-defaultvalue-without-transform",
      ].sort(),
    );
  });

  it("checks the key parameter against --ssm-param when given", () => {
    const f = findingsOf("seed-2024.json", { ssmParam: "team/bedrock-key" }).find((x) => x.id === "ssm-param-name-mismatch");
    expect(f?.args).toMatchObject({ configured: "BedrockProxyAPIKe", expected: "team/bedrock-key", source: "--ssm-param" });
  });

  it("accepts the key parameter when --ssm-param names it exactly", () => {
    expect(ids(findingsOf("seed-2024.json", { ssmParam: "BedrockProxyAPIKe" }))).not.toContain("ssm-param-name-mismatch");
  });

  it("resolves FindInMap to the region's model when the region is known", () => {
    const fn = snapshotOf("seed-2024.json", "ap-northeast-1").functions[0];
    expect(fn?.env.find((e) => e.name === "DEFAULT_MODEL")?.value).toBe("anthropic.claude-v2:1");
  });
});

describe("the unmodified upstream BAG template shape (July 2024)", () => {
  it("passes the transform rule: it declares AWS::LanguageExtensions", () => {
    const s = snapshotOf("upstream-2024.json");
    expect(s.template?.findInMapDefaultValues.length).toBeGreaterThan(0);
    expect(ids(findingsOf("upstream-2024.json"))).not.toContain("template-findinmap-defaultvalue-without-transform");
  });

  it("has no subnet or free-text IGW findings (it creates its own VPC)", () => {
    expect(ids(findingsOf("upstream-2024.json"))).not.toEqual(expect.arrayContaining(["alb-subnet-too-small"]));
    expect(ids(findingsOf("upstream-2024.json"))).not.toContain("igw-free-text-parameter");
  });
});

describe("the corrected template (YAML, API Gateway with response streaming)", () => {
  it("has no findings at all", () => {
    expect(findingsOf("corrected-2024.yaml")).toEqual([]);
  });

  it("is read through its short tags: the streaming integration points at the function", () => {
    const s = snapshotOf("corrected-2024.yaml");
    expect(s.apis[0]?.integrations[0]).toMatchObject({ functionId: "ProxyApiHandler", transferMode: "STREAM", type: "AWS_PROXY" });
  });
});
