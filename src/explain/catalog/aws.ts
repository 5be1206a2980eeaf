import type { CatalogEntry } from "../types.js";

/**
 * Causes that live in the AWS account and the deployment (stack, ALB, Lambda, IAM, SSM, Bedrock access).
 * Emitted by `bagcheck inspect` / `bagcheck models` (src/aws) and, for the model ids, by the model-access suite.
 */
const ref = (title: string, url: string) => ({ title, url });
const albLambdaDoc = ref("AWS: Lambda functions as targets of an Application Load Balancer", "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/lambda-functions.html");
const streamingDoc = ref("AWS Lambda: response streaming", "https://docs.aws.amazon.com/lambda/latest/dg/configuration-response-streaming.html");
const profilesDoc = ref("Amazon Bedrock: prerequisites for inference profiles (IAM)", "https://docs.aws.amazon.com/bedrock/latest/userguide/inference-profiles-prereq.html");
const crossRegionDoc = ref("Amazon Bedrock: cross-Region inference", "https://docs.aws.amazon.com/bedrock/latest/userguide/cross-region-inference.html");
const modelAccessDoc = ref("Amazon Bedrock: access foundation models", "https://docs.aws.amazon.com/bedrock/latest/userguide/model-access.html");
const regionsDoc = ref("Amazon Bedrock: supported models by Region", "https://docs.aws.amazon.com/bedrock/latest/userguide/models-regions.html");
const bag = ref("aws-samples/bedrock-access-gateway", "https://github.com/aws-samples/bedrock-access-gateway");
const ssmDoc = ref("AWS Systems Manager Parameter Store", "https://docs.aws.amazon.com/systems-manager/latest/userguide/systems-manager-parameter-store.html");
const browserClients = ["nextchat-web", "openai-node-browser", "lobechat", "open-webui"];
const streamingClients = ["nextchat-web", "nextchat-web-proxy", "nextchat-desktop", "openai-node", "openai-node-browser", "openai-python", "lobechat", "open-webui"];
const everyClient = [...streamingClients, "curl"];

const INFERENCE_PROFILE_STATEMENT = `{
  "Effect": "Allow",
  "Action": ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"],
  "Resource": [
    "arn:aws:bedrock:*::foundation-model/*",
    "arn:aws:bedrock:*:*:inference-profile/*",
    "arn:aws:bedrock:*:*:application-inference-profile/*"
  ]
}`;

export const aws: CatalogEntry[] = [
  {
    id: "template-findinmap-defaultvalue-without-transform",
    severity: "error",
    title: "`Fn::FindInMap` uses `DefaultValue` but the template has no `AWS::LanguageExtensions` transform",
    why:
      "The `DefaultValue` option of `Fn::FindInMap` (at `{path}`) is part of the `AWS::LanguageExtensions` transform. " +
      "Without `\"Transform\": \"AWS::LanguageExtensions\"` at the top of the template, CloudFormation rejects the template " +
      "(`Fn::FindInMap` takes exactly three arguments), so the stack is never created or updated.",
    fix: {
      general: "Put the transform back, or replace the four-argument `Fn::FindInMap` with a plain three-argument one (or a parameter).",
      bag:
        "Restore the line BAG ships with: `\"Transform\": \"AWS::LanguageExtensions\",` at the top level of the template. " +
        "If the transform caused an error for you, it was most likely missing `CAPABILITY_AUTO_EXPAND` (tick the acknowledgement in the console), not the transform itself. " +
        "Alternatively set `DEFAULT_MODEL` to a literal model id such as `anthropic.claude-v2:1` and drop the mapping.",
    },
    clients: everyClient,
    references: [
      ref("AWS CloudFormation: Fn::FindInMap enhancements (DefaultValue)", "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference-findinmap-enhancements.html"),
      ref("AWS CloudFormation: AWS::LanguageExtensions transform", "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/transform-aws-languageextensions.html"),
    ],
  },
  {
    id: "ssm-param-name-mismatch",
    severity: "error",
    title: "The gateway reads the API key from SSM parameter `{configured}`, but the parameter is `{expected}`",
    why:
      "The Lambda function `{function}` gets the parameter name in `API_KEY_PARAM_NAME` (template parameter `ApiKeyParam`) and reads the key from it at start-up. " +
      "`{configured}` is not `{expected}` ({source}): BAG calls `ssm.get_parameter` when the function starts, the parameter is not found, the function fails to start, " +
      "and the ALB answers every request with an HTML `502 Bad Gateway` — while nothing in the stack itself looks broken.",
    fix: {
      general: "Make the name the function reads and the name of the SecureString parameter identical (`{expected}`).",
      bag:
        "Redeploy with `ApiKeyParam` = `{expected}` (CloudFormation console → Update stack → Parameters), or change the template default: " +
        "`\"ApiKeyParam\": { \"Type\": \"String\", \"Default\": \"{expected}\" }`. The IAM statement built from `ApiKeyParam` then matches too.",
    },
    clients: everyClient,
    references: [ssmDoc, bag],
  },
  {
    id: "ssm-param-missing",
    severity: "error",
    title: "SSM parameter `{configured}` does not exist in this account and region",
    why:
      "The Lambda function `{function}` reads its API key from the SSM parameter named in `API_KEY_PARAM_NAME`. " +
      "DescribeParameters finds no parameter with that name here, so the read fails when the function starts and every request fails (behind an ALB: an HTML `502 Bad Gateway`).",
    fix: {
      general: "Create a SecureString parameter named `{configured}` in the gateway's region, or point the gateway at the parameter that exists.",
      bag: "`aws ssm put-parameter --name {configured} --type SecureString --value <key>` in the stack's region, or update the stack's `ApiKeyParam`.",
    },
    clients: everyClient,
    references: [ssmDoc, bag],
  },
  {
    id: "api-key-default",
    severity: "error",
    title: "{function} has no API key configured: it accepts BAG's built-in default key",
    why:
      "`API_KEY_PARAM_NAME` is blank (the template's `ApiKeyParam` was left empty) and neither `API_KEY_SECRET_ARN` nor `OPENAI_API_KEY` is set, " +
      "so BAG falls back to `DEFAULT_API_KEYS` from its own source code. That key is public: anyone who finds the endpoint can spend your Bedrock budget.",
    fix: {
      general: "Give the gateway a secret key of its own.",
      bag: "Create a SecureString parameter (e.g. `BedrockProxyAPIKey`) and redeploy with `ApiKeyParam` set to its name (newer BAG: `ApiKeySecretArn`).",
    },
    clients: [],
    references: [bag, ssmDoc],
  },
  {
    id: "ssm-param-not-secure-string",
    severity: "warning",
    title: "The API key parameter `{configured}` is a `{type}`, not a SecureString",
    why: "A plain `String` parameter is stored unencrypted and shown in the console and in `GetParameter` output to anyone who may read parameters.",
    fix: {
      general: "Recreate the parameter as `SecureString` (KMS key `aws/ssm` is enough).",
      bag: "`aws ssm put-parameter --name {configured} --type SecureString --value <key> --overwrite` (the type of an existing parameter changes only by deleting and recreating it).",
    },
    clients: [],
    references: [ssmDoc],
  },
  {
    id: "alb-subnet-too-small",
    severity: "warning",
    title: "Load balancer {loadBalancer} sits in subnets smaller than /27: {subnets}",
    why:
      "An Application Load Balancer places nodes in every subnet it is given and needs at least eight free addresses in each, more as it scales. " +
      "AWS asks for at least a `/27` per subnet; a `/28` has 11 usable addresses, so creation can fail with \"not enough free IP addresses\" or the ALB cannot scale under load.",
    fix: {
      general: "Give the load balancer subnets of `/27` or larger, in at least two Availability Zones.",
      bag: "In the template's `AWS::EC2::Subnet` resources use `\"CidrBlock\": \"10.10.2.0/27\"` (or larger), or pass existing public subnets of that size.",
    },
    clients: [],
    references: [ref("ELB: subnets for your Application Load Balancer", "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/application-load-balancers.html#subnets-load-balancer")],
  },
  {
    id: "alb-single-az",
    severity: "error",
    title: "Load balancer {loadBalancer} has subnets in one Availability Zone only ({zones})",
    why: "An Application Load Balancer needs subnets in at least two Availability Zones; CloudFormation fails to create it otherwise.",
    fix: { general: "Give it one subnet in each of two (or more) Availability Zones." },
    clients: [],
    references: [ref("ELB: subnets for your Application Load Balancer", "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/application-load-balancers.html#subnets-load-balancer")],
  },
  {
    id: "iam-missing-inference-profile",
    severity: "error",
    title: "The gateway's IAM role may invoke foundation models but not inference profiles",
    why:
      "Calling a model through an inference profile (`apac.…`, `us.…`, `eu.…`, `global.…`) is authorized against the profile's ARN " +
      "(`arn:aws:bedrock:<region>:<account>:inference-profile/<id>`) as well as the models it routes to. " +
      "A policy that allows `bedrock:InvokeModel*` only on `arn:aws:bedrock:*::foundation-model/*` makes every profile call fail with AccessDenied — " +
      "and newer models (Claude 3.5+ in Tokyo) can be called only through a profile.",
    fix: {
      general: "Allow `bedrock:InvokeModel` and `bedrock:InvokeModelWithResponseStream` on `inference-profile/*` (and `application-inference-profile/*`) too.",
      bag: `Replace the Bedrock statement of the role's policy (\`ProxyApiHandlerServiceRoleDefaultPolicy…\`) with:\n${INFERENCE_PROFILE_STATEMENT}`,
    },
    clients: everyClient,
    references: [profilesDoc, crossRegionDoc],
  },
  {
    id: "iam-ssm-param-not-allowed",
    severity: "error",
    title: "Role {role} may not read SSM parameter `{parameter}`",
    why: "The role allows `ssm:GetParameter` only on {resources}, which does not cover the parameter the function reads; the read is denied and every call fails.",
    fix: {
      general: "Allow `ssm:GetParameter` on `arn:aws:ssm:<region>:<account>:parameter/{parameter}`.",
      bag: "Build the statement's resource from the same `ApiKeyParam` the function uses (BAG's template does: `…:parameter/` + `Ref ApiKeyParam`).",
    },
    clients: everyClient,
    references: [ssmDoc],
  },
  {
    id: "listener-http-only",
    severity: "error",
    title: "Load balancer {loadBalancer} serves the API over plain HTTP only (port {port})",
    why:
      "With only an HTTP listener the API key crosses the internet in clear text in every `Authorization` header. " +
      "Browser clients served over https (NextChat web, LobeChat, Open WebUI, openai-node in a page) may not call an `http://` URL at all: " +
      "the browser blocks it as mixed content before it leaves (see `mixed-content-http-gateway`), and desktop tools that require https refuse it.",
    fix: {
      general: "Add an HTTPS listener with a certificate and redirect HTTP to it, or put an https front (API Gateway, CloudFront) before the gateway.",
      bag:
        "Add to the template (with an ACM certificate for your domain, and a DNS name pointing at the ALB):\n" +
        "`\"HttpsListener\": { \"Type\": \"AWS::ElasticLoadBalancingV2::Listener\", \"Properties\": { \"LoadBalancerArn\": { \"Ref\": \"ProxyALB…\" }, \"Port\": 443, \"Protocol\": \"HTTPS\", " +
        "\"Certificates\": [{ \"CertificateArn\": \"arn:aws:acm:…\" }], \"DefaultActions\": [{ \"Type\": \"forward\", \"TargetGroupArn\": { \"Ref\": \"ProxyALBListenerTargetsGroup…\" } }] } }`, " +
        "change the port-80 listener's action to `{ \"Type\": \"redirect\", \"RedirectConfig\": { \"Protocol\": \"HTTPS\", \"Port\": \"443\", \"StatusCode\": \"HTTP_301\" } }` and open 443 in the security group.",
    },
    clients: [...browserClients, "nextchat-desktop"],
    references: [ref("ELB: create an HTTPS listener", "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/create-https-listener.html")],
  },
  {
    id: "alb-lambda-no-streaming",
    severity: "warning",
    title: "ALB → Lambda cannot stream: {loadBalancer} buffers every answer of {function}",
    why:
      "An ALB invokes a Lambda target synchronously and waits for the whole response before sending anything. " +
      "A `stream: true` answer therefore arrives in one burst at the end, however well the gateway streams: chat clients show nothing for seconds, " +
      "and clients with a first-byte timeout (NextChat: 60 s) give up on long answers.",
    fix: {
      general: "Use a front that supports Lambda response streaming (API Gateway REST with `responseTransferMode: STREAM`, or a Function URL with `InvokeMode: RESPONSE_STREAM`), or run the gateway on a container behind the ALB.",
      bag:
        "Deploy BAG's current API Gateway + Lambda streaming template, or BAG's Fargate template (`BedrockProxyFargate`), which streams through the ALB. " +
        "CDK: `new apigw.LambdaRestApi(this, 'Api', { handler, integrationOptions: { responseTransferMode: apigw.ResponseTransferMode.STREAM } })`.",
    },
    clients: streamingClients,
    references: [albLambdaDoc, streamingDoc],
  },
  {
    id: "alb-lambda-body-cap",
    severity: "warning",
    title: "ALB → Lambda caps requests and responses at 1 MB ({loadBalancer} → {function})",
    why:
      "The request body an ALB passes to Lambda and the response it accepts back are limited to 1 MB each. " +
      "Long conversations, images sent as base64 and large embedding batches exceed it; the ALB then answers with its own HTML error page (413 or 502), which no OpenAI client can parse.",
    fix: {
      general: "Keep requests small (trim history, resize images) or move the gateway behind a front without the 1 MB cap (containers behind the ALB, API Gateway with streaming).",
      bag: "Use BAG's Fargate template for large payloads; the Lambda variant cannot lift this limit.",
    },
    clients: streamingClients,
    references: [albLambdaDoc],
  },
  {
    id: "multi-value-headers-disabled",
    severity: "info",
    title: "Target group {targetGroup} has multi-value headers off",
    why:
      "With `lambda.multi_value_headers.enabled` false, the ALB passes only the last value of a repeated header or query parameter to Lambda, " +
      "and drops all but one of repeated response headers (e.g. several `Set-Cookie` or `Vary`). OpenAI clients rarely repeat headers, so this seldom breaks them.",
    fix: {
      general: "Enable multi-value headers if the gateway relies on repeated headers or query parameters.",
      bag: "Add to the target group: `\"TargetGroupAttributes\": [{ \"Key\": \"lambda.multi_value_headers.enabled\", \"Value\": \"true\" }]` (Mangum handles both shapes).",
    },
    clients: [],
    references: [ref("ELB: multi-value headers for Lambda targets", "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/lambda-functions.html#multi-value-headers")],
  },
  {
    id: "lambda-timeout-vs-idle-timeout",
    severity: "warning",
    title: "{function} may run {lambdaSeconds} s, but the {front} is {frontSeconds} s",
    why:
      "The front closes the connection after {frontSeconds} s without a response byte, while the function keeps generating for up to {lambdaSeconds} s. " +
      "A long generation behind a buffering front is cut with an HTML 504 (ALB) or a 504 `Endpoint request timed out` (API Gateway), and the tokens are still billed.",
    fix: {
      general: "Raise the front's timeout to at least the function's, or lower the function's timeout and `max_tokens` so answers finish in time; streaming fronts avoid it.",
      bag: "ALB: add `{ \"Key\": \"idle_timeout.timeout_seconds\", \"Value\": \"{lambdaSeconds}\" }` to the load balancer's `LoadBalancerAttributes`. API Gateway REST: set the integration's `TimeoutInMillis` (over 29 s needs a quota increase, or streaming).",
    },
    clients: streamingClients,
    references: [
      ref("ELB: connection idle timeout", "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/edit-load-balancer-attributes.html#connection-idle-timeout"),
      ref("Amazon API Gateway quotas", "https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html"),
    ],
  },
  {
    id: "apigw-buffered-integration",
    severity: "warning",
    title: "{kind} {api} buffers the whole answer of {function} ({route})",
    why:
      "A Lambda proxy integration without response streaming returns only when the function has finished, so a streamed chat answer arrives in one burst; " +
      "REST APIs also cut it at the 29 s integration timeout by default, and cap the payload at 10 MB. HTTP APIs cannot stream at all.",
    fix: {
      general: "Use a REST API integration with `responseTransferMode: STREAM` and a Lambda that streams (`awslambda.streamifyResponse` or the Lambda Web Adapter with `AWS_LWA_INVOKE_MODE=response_stream`).",
      bag: "CloudFormation: `\"Integration\": { \"Type\": \"AWS_PROXY\", \"IntegrationHttpMethod\": \"POST\", \"ResponseTransferMode\": \"STREAM\", \"Uri\": …/response-streaming-invocations }`.",
    },
    clients: streamingClients,
    references: [streamingDoc, ref("Amazon API Gateway quotas", "https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html")],
  },
  {
    id: "function-url-buffered",
    severity: "warning",
    title: "The Function URL of {function} is in BUFFERED mode",
    why: "A Function URL with `InvokeMode: BUFFERED` returns the response only when the function has finished (and at most 6 MB), so streamed chat answers arrive in one burst.",
    fix: {
      general: "Set the Function URL's invoke mode to `RESPONSE_STREAM` and make the handler stream.",
      bag: "`\"InvokeMode\": \"RESPONSE_STREAM\"` on the `AWS::Lambda::Url`; with the Lambda Web Adapter also set `AWS_LWA_INVOKE_MODE=response_stream`.",
    },
    clients: streamingClients,
    references: [ref("AWS Lambda: Function URL invoke modes", "https://docs.aws.amazon.com/lambda/latest/dg/urls-configuration.html"), streamingDoc],
  },
  {
    id: "lambda-reserved-concurrency-zero",
    severity: "error",
    title: "{function} has reserved concurrency 0: it can never run",
    why: "Reserved concurrency 0 throttles every invocation; the front answers 502/503 (ALB) or 429 for every call.",
    fix: { general: "Remove the reserved concurrency setting, or set it above zero." },
    clients: everyClient,
    references: [ref("AWS Lambda: reserved concurrency", "https://docs.aws.amazon.com/lambda/latest/dg/configuration-concurrency.html")],
  },
  {
    id: "cdk-no-egress-placeholder",
    severity: "info",
    title: "Security group {securityGroup} has the CDK \"no egress\" placeholder rule (255.255.255.255/32, icmp 252-86)",
    why:
      "CDK writes this impossible rule when `allowAllOutbound: false`: a security group without egress rules would get the default allow-all, " +
      "so CDK adds one that matches nothing. For an ALB in front of Lambda it is harmless — the ALB invokes Lambda through the AWS API, not through this security group's egress.",
    fix: {
      general: "Nothing to fix; keep it unless the ALB must reach targets in the VPC (instance or IP targets), then add an egress rule to those.",
    },
    clients: [],
    references: [ref("AWS CDK: ec2.SecurityGroup (allowAllOutbound)", "https://docs.aws.amazon.com/cdk/api/v2/docs/aws-cdk-lib.aws_ec2.SecurityGroup.html")],
  },
  {
    id: "igw-free-text-parameter",
    severity: "warning",
    title: "The internet gateway id comes from free-text parameter `{parameter}` (`{value}`)",
    why:
      "A `String` parameter accepts any text, so a wrong or foreign `igw-…` id is noticed only when the route is created, deep into the stack, " +
      "and the rollback deletes everything created so far. A wrong gateway also leaves the ALB subnets without a route to the internet.",
    fix: {
      general: "Don't create routes in a shared VPC: take existing public subnets as a `List<AWS::EC2::Subnet::Id>` parameter. If you must, constrain the value.",
      bag: "Replace the subnet/route resources with `\"PublicSubnetIds\": { \"Type\": \"List<AWS::EC2::Subnet::Id>\" }` and `\"Subnets\": { \"Ref\": \"PublicSubnetIds\" }` on the ALB; at least add `\"AllowedPattern\": \"^igw-[0-9a-f]{8,17}$\"` to `{parameter}`.",
    },
    clients: [],
    references: [ref("AWS CloudFormation: AWS-specific parameter types", "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/parameters-section-structure.html")],
  },
  {
    id: "model-access-not-granted",
    severity: "error",
    title: "Model access is not granted for `{model}` in {region}",
    why:
      "Bedrock model access is per account, per region and per model. Until it is granted (and, for Marketplace models, the agreement accepted), " +
      "every call answers AccessDenied \"You don't have access to the model with the specified model ID.\" — which most gateways turn into a 500.",
    fix: {
      general: "Request access to `{model}` in the Bedrock console of {region} (Model access → Modify model access), or use a model that is granted (`bagcheck models` lists them).",
      bag: "Set `DEFAULT_MODEL` (and the model your client sends) to a model marked `authorized` by `bagcheck models --region {region}`.",
    },
    clients: everyClient,
    references: [modelAccessDoc],
  },
  {
    id: "model-needs-inference-profile",
    severity: "error",
    title: "`{model}` cannot be called on demand in {region}: it needs an inference profile",
    why:
      "Newer models are offered in many regions only through cross-region inference profiles. Invoking them by model id fails with " +
      "\"Invocation of model ID … with on-demand throughput isn’t supported. Retry your request with the ID or ARN of an inference profile that contains this model.\"",
    fix: {
      general: "Call the model by the id of an inference profile that contains it (`bagcheck models` shows the id to use in this region), and allow that profile in IAM.",
      bag: "Use the profile id as the model name (BAG ≥ late 2024 lists profiles when `ENABLE_CROSS_REGION_INFERENCE=true`) and add `inference-profile/*` to the role (see `iam-missing-inference-profile`).",
    },
    clients: everyClient,
    references: [crossRegionDoc, profilesDoc],
  },
  {
    id: "model-not-in-region",
    severity: "error",
    title: "`{model}` is not offered in {region}",
    why: "ListFoundationModels in {region} does not list `{model}` and no inference profile here contains it; calls answer \"The provided model identifier is invalid.\"",
    fix: {
      general: "Pick a model offered in this region (`bagcheck models --region {region}`), or deploy the gateway in a region that offers it.",
      bag: "Change `DEFAULT_MODEL` (BAG takes it from the `ProxyRegionTable` mapping or the `DefaultModelId` parameter).",
    },
    clients: everyClient,
    references: [regionsDoc],
  },
  {
    id: "gateway-lists-uncallable-model",
    severity: "warning",
    title: "The gateway lists `{model}`, but this account cannot call it in {region} ({reason})",
    why: "Clients that offer the gateway's `/models` list let people pick `{model}`; every chat with it then fails with an error most clients show as \"unknown\".",
    fix: {
      general: "Grant access to it, call it through its inference profile, or hide it from the gateway's model list.",
      bag: "BAG lists every model of the region; ask people to use the ids `bagcheck models` marks callable.",
    },
    clients: ["nextchat-web", "nextchat-desktop", "lobechat", "open-webui"],
    references: [modelAccessDoc],
  },
  {
    id: "gateway-omits-callable-model",
    severity: "info",
    title: "`{model}` is callable in {region} but the gateway does not list it",
    why: "Clients that build their model picker from `/models` will not offer it, although a request naming it would work.",
    fix: { general: "Type the model id by hand in the client, or make the gateway list it (inference profiles are often missing)." },
    clients: ["nextchat-web", "lobechat", "open-webui"],
    references: [crossRegionDoc],
  },
];
