import type { SecurityGroupFacts, SecurityGroupRule, SubnetFacts } from "../types.js";
import type { ReadLog } from "../read.js";
import type { AwsSdk } from "./sdk.js";

export async function collectSubnets(sdk: AwsSdk, log: ReadLog, ids: string[], zones: Map<string, string>): Promise<SubnetFacts[]> {
  if (ids.length === 0) return [];
  const { m, client } = await sdk.ec2();
  const res = await log.read(`subnets ${ids.join(", ")}`, "ec2:DescribeSubnets", () => client.send(new m.DescribeSubnetsCommand({ SubnetIds: ids })));
  // Without EC2 access the load balancer still told us each subnet's zone: keep that much.
  if (!res) return ids.map((id) => ({ id, ...(zones.get(id) ? { availabilityZone: zones.get(id) ?? "" } : {}) }));
  return (res.Subnets ?? []).map((s) => ({
    id: s.SubnetId ?? "",
    ...(s.CidrBlock ? { cidr: s.CidrBlock } : {}),
    ...(s.AvailabilityZone ? { availabilityZone: s.AvailabilityZone } : {}),
    ...(s.VpcId ? { vpcId: s.VpcId } : {}),
    ...(s.AvailableIpAddressCount !== undefined ? { availableIps: s.AvailableIpAddressCount } : {}),
  }));
}

interface IpPermissionLike {
  IpProtocol?: string | undefined;
  FromPort?: number | undefined;
  ToPort?: number | undefined;
  IpRanges?: { CidrIp?: string | undefined; Description?: string | undefined }[] | undefined;
}

function rules(perms: IpPermissionLike[] | undefined): SecurityGroupRule[] {
  return (perms ?? []).flatMap((p) =>
    (p.IpRanges?.length ? p.IpRanges : [{}]).map((r: { CidrIp?: string | undefined; Description?: string | undefined }) => ({
      protocol: p.IpProtocol ?? "-1",
      ...(r.CidrIp ? { cidr: r.CidrIp } : {}),
      ...(p.FromPort !== undefined ? { fromPort: p.FromPort } : {}),
      ...(p.ToPort !== undefined ? { toPort: p.ToPort } : {}),
      ...(r.Description ? { description: r.Description } : {}),
    })),
  );
}

export async function collectSecurityGroups(sdk: AwsSdk, log: ReadLog, ids: string[]): Promise<SecurityGroupFacts[]> {
  if (ids.length === 0) return [];
  const { m, client } = await sdk.ec2();
  const res = await log.read(`security groups ${ids.join(", ")}`, "ec2:DescribeSecurityGroups", () =>
    client.send(new m.DescribeSecurityGroupsCommand({ GroupIds: ids })),
  );
  return (res?.SecurityGroups ?? []).map((g) => ({ id: g.GroupId ?? "", egress: rules(g.IpPermissionsEgress), ingress: rules(g.IpPermissions) }));
}
