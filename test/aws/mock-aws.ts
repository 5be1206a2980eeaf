/**
 * Installs aws-sdk-client-mock stubs that answer like the seed's account (fixtures/aws/seed-deployment.ts).
 * GetParameter/GetParameters are wired to fail loudly: inspect must never read the key's value.
 */
import { mockClient } from "aws-sdk-client-mock";
import { CloudFormationClient, DescribeStacksCommand, GetTemplateCommand, ListStackResourcesCommand } from "@aws-sdk/client-cloudformation";
import { DescribeSecurityGroupsCommand, DescribeSubnetsCommand, EC2Client } from "@aws-sdk/client-ec2";
import {
  DescribeListenersCommand, DescribeLoadBalancerAttributesCommand, DescribeRulesCommand, DescribeLoadBalancersCommand, DescribeTargetGroupAttributesCommand,
  DescribeTargetGroupsCommand, DescribeTargetHealthCommand, ElasticLoadBalancingV2Client,
} from "@aws-sdk/client-elastic-load-balancing-v2";
import {
  GetPolicyCommand, GetPolicyVersionCommand, GetRolePolicyCommand, IAMClient, ListAttachedRolePoliciesCommand, ListRolePoliciesCommand,
} from "@aws-sdk/client-iam";
import { GetFunctionConcurrencyCommand, GetFunctionConfigurationCommand, GetFunctionUrlConfigCommand, LambdaClient } from "@aws-sdk/client-lambda";
import { DescribeParametersCommand, GetParameterCommand, GetParametersCommand, SSMClient } from "@aws-sdk/client-ssm";
import * as seed from "../../fixtures/aws/seed-deployment.js";
import { awsError, installSeedBedrock } from "./mock-bedrock.js";

export { awsError };

export function installSeedAccount() {
  const cfn = mockClient(CloudFormationClient);
  cfn.on(DescribeStacksCommand).resolves(seed.describeStacks);
  cfn.on(ListStackResourcesCommand).callsFake((input: { NextToken?: string }) =>
    input.NextToken === "page-2" ? seed.listStackResourcesPages[1] : seed.listStackResourcesPages[0],
  );
  cfn.on(GetTemplateCommand).resolves(seed.getTemplate);

  const elb = mockClient(ElasticLoadBalancingV2Client);
  elb.on(DescribeLoadBalancersCommand).resolves(seed.describeLoadBalancers);
  elb.on(DescribeLoadBalancerAttributesCommand).resolves(seed.describeLoadBalancerAttributes);
  elb.on(DescribeListenersCommand).resolves(seed.describeListeners);
  elb.on(DescribeTargetGroupsCommand).resolves(seed.describeTargetGroups);
  elb.on(DescribeRulesCommand).resolves(seed.describeRules);
  elb.on(DescribeTargetGroupAttributesCommand).resolves(seed.describeTargetGroupAttributes);
  elb.on(DescribeTargetHealthCommand).resolves(seed.describeTargetHealth);

  const lambda = mockClient(LambdaClient);
  lambda.on(GetFunctionConfigurationCommand).resolves(seed.getFunctionConfiguration);
  lambda.on(GetFunctionUrlConfigCommand).rejects(awsError("ResourceNotFoundException", "The resource you requested does not exist."));
  lambda.on(GetFunctionConcurrencyCommand).resolves(seed.getFunctionConcurrency);

  const iam = mockClient(IAMClient);
  iam.on(ListRolePoliciesCommand).resolves(seed.listRolePolicies);
  iam.on(GetRolePolicyCommand).resolves(seed.getRolePolicy);
  iam.on(ListAttachedRolePoliciesCommand).resolves(seed.listAttachedRolePolicies);
  iam.on(GetPolicyCommand).resolves(seed.getPolicy);
  iam.on(GetPolicyVersionCommand).resolves(seed.getPolicyVersion);

  const ec2 = mockClient(EC2Client);
  ec2.on(DescribeSubnetsCommand).resolves(seed.describeSubnets);
  ec2.on(DescribeSecurityGroupsCommand).resolves(seed.describeSecurityGroups);

  const ssm = mockClient(SSMClient);
  ssm.on(DescribeParametersCommand).resolves(seed.describeParameters);
  ssm.on(GetParameterCommand).rejects(new Error("bagcheck must never call GetParameter"));
  ssm.on(GetParametersCommand).rejects(new Error("bagcheck must never call GetParameters"));

  const bedrock = installSeedBedrock();

  const all = [cfn, elb, lambda, iam, ec2, ssm, bedrock];
  return { cfn, elb, lambda, iam, ec2, ssm, bedrock, restore: () => all.forEach((m) => m.restore()) };
}
