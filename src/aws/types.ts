/**
 * Plain data that crosses the aws module's boundary. Collectors (live SDK, template file, snapshot file)
 * produce a DeploymentSnapshot; rules read only these shapes, so every rule can be tested with a literal
 * and a user can attach a saved snapshot to a bug report. No secret value is ever stored here:
 * environment variables keep their value only when the name is known to be harmless, and the SSM
 * parameter holding the API key is described (exists, type), never read.
 *
 * Ids link entities: in a template they are logical ids (`ProxyALB87756780`), in a live account ARNs or
 * physical ids. A value a template leaves unresolved (a Ref to an unknown, a GetAtt) is kept as `${Name}`.
 */

export interface DeploymentSnapshot {
  schemaVersion: 1;
  source: SnapshotSource;
  /** Region the deployment lives in, when known (a template alone does not say). */
  region?: string;
  /** Facts about the template text itself (transforms, parameters); from a file or from GetTemplate. */
  template?: TemplateFacts;
  loadBalancers: LoadBalancerFacts[];
  listeners: ListenerFacts[];
  targetGroups: TargetGroupFacts[];
  functions: FunctionFacts[];
  subnets: SubnetFacts[];
  securityGroups: SecurityGroupFacts[];
  routes: RouteFacts[];
  roles: RoleFacts[];
  ssm: SsmFacts;
  apis: ApiFacts[];
  /** The models the deployment's DEFAULT_MODEL refers to, as this account sees them (live only). */
  models: ModelRow[];
  /** True when the region's model list was read, so a DEFAULT_MODEL missing from `models` is not offered there. */
  modelCatalogRead?: boolean;
  /** What could not be read and the permission that would allow it. */
  unreadable: Unreadable[];
}

export interface SnapshotSource {
  kind: "stack" | "template" | "resources";
  /** Stack name, template path, or the load balancer / function the user started from. */
  name: string;
  collectedAt: string;
}

export interface TemplateFacts {
  /** `Transform` entries, e.g. `AWS::LanguageExtensions`. */
  transforms: string[];
  parameters: TemplateParameter[];
  /** Where `Fn::FindInMap` uses its `DefaultValue` option (a path such as `Resources.X.Properties…`). */
  findInMapDefaultValues: string[];
}

export interface TemplateParameter {
  name: string;
  type: string;
  default?: string;
  allowedPattern?: string;
  /** The value the stack was deployed with (live only; NoEcho values are never stored). */
  value?: string;
}

export interface LoadBalancerFacts {
  id: string;
  name?: string;
  /** `application`, `network`, `gateway`. */
  type: string;
  scheme?: string;
  subnetIds: string[];
  securityGroupIds: string[];
  /** `idle_timeout.timeout_seconds`; undefined means the AWS default (60). */
  idleTimeoutSeconds?: number;
  dnsName?: string;
}

export interface ListenerFacts {
  id: string;
  loadBalancerId: string;
  port?: number;
  /** `HTTP`, `HTTPS`, `TCP`, … */
  protocol: string;
  certificateCount: number;
  actions: ListenerAction[];
}

export interface ListenerAction {
  /** `forward`, `redirect`, `fixed-response`, … */
  type: string;
  targetGroupIds: string[];
  redirectProtocol?: string;
}

export interface TargetGroupFacts {
  id: string;
  /** `lambda`, `instance`, `ip`, `alb`. */
  targetType: string;
  /** For lambda targets: the function ids. */
  targetIds: string[];
  /** `lambda.multi_value_headers.enabled`; undefined means the default (false). */
  multiValueHeaders?: boolean;
}

export interface FunctionFacts {
  id: string;
  name?: string;
  runtime?: string;
  packageType?: string;
  architectures: string[];
  memoryMb?: number;
  timeoutSeconds?: number;
  roleId?: string;
  /** Every variable's name; the value only for names known to be harmless (DEFAULT_MODEL…). */
  env: EnvVar[];
  /** Function URL invoke mode, when the function has a URL. */
  urlInvokeMode?: string;
  reservedConcurrency?: number;
}

export interface EnvVar {
  name: string;
  value?: string;
}

export interface SubnetFacts {
  id: string;
  cidr?: string;
  availabilityZone?: string;
  vpcId?: string;
  availableIps?: number;
}

export interface SecurityGroupRule {
  protocol: string;
  cidr?: string;
  fromPort?: number;
  toPort?: number;
  description?: string;
}

export interface SecurityGroupFacts {
  id: string;
  egress: SecurityGroupRule[];
  ingress: SecurityGroupRule[];
}

export interface RouteFacts {
  id: string;
  destination?: string;
  gatewayId?: string;
  /** Template parameter the gateway id comes from, when it does. */
  gatewayParameter?: string;
}

export interface PolicyStatement {
  Effect?: string;
  Action?: string | string[];
  NotAction?: string | string[];
  Resource?: string | string[];
  NotResource?: string | string[];
  [key: string]: unknown;
}

export interface PolicyDocument {
  Version?: string;
  Statement: PolicyStatement[];
}

export interface RoleFacts {
  id: string;
  name?: string;
  /** Inline and attached policy documents; undefined when they could not be read. */
  policies?: NamedPolicy[];
}

export interface NamedPolicy {
  name: string;
  document: PolicyDocument;
}

export interface SsmFacts {
  /** The name the user says the key parameter has (`--ssm-param`). */
  expectedName?: string;
  /** Parameters found (live: DescribeParameters) or created by the template. */
  parameters: SsmParameterFacts[];
  /** Name prefixes searched for in the account; absent when the account was not read (a template alone). */
  searched?: string[];
}

export interface SsmParameterFacts {
  name: string;
  /** `SecureString`, `String`, `StringList`; undefined when unknown. */
  type?: string;
  /** Where it was seen: `account` (DescribeParameters) or `template` (an AWS::SSM::Parameter resource). */
  seenIn: "account" | "template";
}

export interface ApiFacts {
  id: string;
  kind: "rest" | "http";
  integrations: ApiIntegration[];
}

export interface ApiIntegration {
  /** `ANY /{proxy+}` */
  route: string;
  /** `AWS_PROXY`, `HTTP_PROXY`, … */
  type?: string;
  functionId?: string;
  /** `BUFFERED` (default) or `STREAM`. */
  transferMode?: string;
  timeoutMs?: number;
}

export interface Unreadable {
  /** What could not be read, e.g. `inline policies of role BedrockProxyRole`. */
  what: string;
  /** The IAM action that would allow it, e.g. `iam:GetRolePolicy`. */
  permission: string;
  /** Error name and message as the API gave them. */
  error: string;
}

/** One foundation model as this account sees it in one region. */
export interface ModelRow {
  modelId: string;
  modelArn?: string;
  provider: string;
  name: string;
  input: string[];
  output: string[];
  streaming: boolean;
  inferenceTypes: string[];
  /** Callable by its own id (ON_DEMAND); otherwise only through an inference profile. */
  onDemand: boolean;
  /** Ids of the inference profiles containing it. */
  profiles: string[];
  lifecycle?: string;
  /** Undefined when availability could not be read. */
  access?: ModelAccess;
  /** The id a gateway should be called with in this region; undefined when nothing can call it. */
  callWith?: string;
  /** Access authorized and an id to call it with exists; undefined when access is unknown. */
  callable?: boolean;
}

export interface ModelAccess {
  authorization?: string;
  agreement?: string;
  entitlement?: string;
  regionAvailability?: string;
}

export interface InferenceProfileRow {
  id: string;
  name?: string;
  type?: string;
  status?: string;
  /** Model ids the profile routes to. */
  models: string[];
}

export interface ModelTable {
  region: string;
  collectedAt: string;
  models: ModelRow[];
  profiles: InferenceProfileRow[];
  unreadable: Unreadable[];
  gateway?: GatewayCrossCheck;
}

export interface GatewayCrossCheck {
  url: string;
  /** Ids the gateway's /models returned. */
  listed: string[];
  listedNotCallable: { id: string; reason: string }[];
  callableNotListed: string[];
  /** OpenAI names the gateway lists and maps to a Bedrock model itself (BAG: `gpt-*` → DEFAULT_MODEL). */
  mapped?: string[];
  /** Set when /models could not be read. */
  error?: string;
}

/** Options that shape what the rules expect (not facts about the deployment). */
export interface RuleOptions {
  /** The SSM parameter name the API key really has (`--ssm-param`). */
  ssmParam?: string;
}
