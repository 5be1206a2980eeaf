/**
 * AWS SDK clients, each loaded on first use with a dynamic import: `bagcheck run` without AWS flags, and
 * `inspect --template`, never pay for loading the SDK. Only types are imported statically.
 */
import type * as Bedrock from "@aws-sdk/client-bedrock";
import type * as CloudFormation from "@aws-sdk/client-cloudformation";
import type * as Ec2 from "@aws-sdk/client-ec2";
import type * as Elb from "@aws-sdk/client-elastic-load-balancing-v2";
import type * as Iam from "@aws-sdk/client-iam";
import type * as Lambda from "@aws-sdk/client-lambda";
import type * as Ssm from "@aws-sdk/client-ssm";
import type * as ApiGateway from "@aws-sdk/client-api-gateway";
import type * as ApiGatewayV2 from "@aws-sdk/client-apigatewayv2";

export interface AwsOptions {
  region?: string;
  profile?: string;
  /** Bedrock control-plane endpoint (the emulator); dummy credentials are used with it. */
  bedrockEndpoint?: string;
}

interface BaseConfig {
  region?: string;
  profile?: string;
  maxAttempts: number;
}

function baseConfig(o: AwsOptions): BaseConfig {
  // The SDK's standard retry already backs off on throttling; 5 attempts ride out a burst of availability calls.
  return { ...(o.region ? { region: o.region } : {}), ...(o.profile ? { profile: o.profile } : {}), maxAttempts: 5 };
}

interface Loaded<M, C> {
  m: M;
  client: C;
}

export class AwsSdk {
  private readonly cache = new Map<string, Promise<unknown>>();
  private readonly clients: { destroy(): void }[] = [];
  constructor(readonly options: AwsOptions) {}

  private once<T extends { client: { destroy(): void } }>(key: string, load: () => Promise<T>): Promise<T> {
    let p = this.cache.get(key) as Promise<T> | undefined;
    if (!p) {
      p = load().then((l) => {
        this.clients.push(l.client);
        return l;
      });
      this.cache.set(key, p);
    }
    return p;
  }

  cloudFormation(): Promise<Loaded<typeof CloudFormation, CloudFormation.CloudFormationClient>> {
    return this.once("cloudformation", async () => {
      const m = await import("@aws-sdk/client-cloudformation");
      return { m, client: new m.CloudFormationClient(baseConfig(this.options)) };
    });
  }

  elb(): Promise<Loaded<typeof Elb, Elb.ElasticLoadBalancingV2Client>> {
    return this.once("elb", async () => {
      const m = await import("@aws-sdk/client-elastic-load-balancing-v2");
      return { m, client: new m.ElasticLoadBalancingV2Client(baseConfig(this.options)) };
    });
  }

  lambda(): Promise<Loaded<typeof Lambda, Lambda.LambdaClient>> {
    return this.once("lambda", async () => {
      const m = await import("@aws-sdk/client-lambda");
      return { m, client: new m.LambdaClient(baseConfig(this.options)) };
    });
  }

  iam(): Promise<Loaded<typeof Iam, Iam.IAMClient>> {
    return this.once("iam", async () => {
      const m = await import("@aws-sdk/client-iam");
      return { m, client: new m.IAMClient(baseConfig(this.options)) };
    });
  }

  ec2(): Promise<Loaded<typeof Ec2, Ec2.EC2Client>> {
    return this.once("ec2", async () => {
      const m = await import("@aws-sdk/client-ec2");
      return { m, client: new m.EC2Client(baseConfig(this.options)) };
    });
  }

  ssm(): Promise<Loaded<typeof Ssm, Ssm.SSMClient>> {
    return this.once("ssm", async () => {
      const m = await import("@aws-sdk/client-ssm");
      return { m, client: new m.SSMClient(baseConfig(this.options)) };
    });
  }

  apiGateway(): Promise<Loaded<typeof ApiGateway, ApiGateway.APIGatewayClient>> {
    return this.once("apigateway", async () => {
      const m = await import("@aws-sdk/client-api-gateway");
      return { m, client: new m.APIGatewayClient(baseConfig(this.options)) };
    });
  }

  apiGatewayV2(): Promise<Loaded<typeof ApiGatewayV2, ApiGatewayV2.ApiGatewayV2Client>> {
    return this.once("apigatewayv2", async () => {
      const m = await import("@aws-sdk/client-apigatewayv2");
      return { m, client: new m.ApiGatewayV2Client(baseConfig(this.options)) };
    });
  }

  bedrock(): Promise<Loaded<typeof Bedrock, Bedrock.BedrockClient>> {
    return this.once("bedrock", async () => {
      const m = await import("@aws-sdk/client-bedrock");
      const endpoint = this.options.bedrockEndpoint;
      const config = endpoint
        ? { ...baseConfig(this.options), endpoint, credentials: { accessKeyId: "bagcheck", secretAccessKey: "bagcheck" } }
        : baseConfig(this.options);
      return { m, client: new m.BedrockClient(config) };
    });
  }

  /** The region the clients resolved (flag, env, or profile). */
  async region(): Promise<string | undefined> {
    if (this.options.region) return this.options.region;
    const { client } = await this.cloudFormation();
    try {
      return await client.config.region();
    } catch {
      return undefined;
    }
  }

  destroy(): void {
    for (const c of this.clients) c.destroy();
  }
}
