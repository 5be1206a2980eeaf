import type { Finding } from "../../explain/index.js";
import type { Rule } from "./rule.js";
import { label } from "./rule.js";

/** ELB documentation: each ALB subnet needs at least a /27 and eight free addresses to scale. */
const MIN_ALB_PREFIX = 27;

function prefixLength(cidr: string | undefined): number | undefined {
  const m = cidr?.match(/\/(\d{1,3})$/);
  return m ? Number(m[1]) : undefined;
}

export const albSubnetRule: Rule = {
  name: "alb-subnets",
  description: "ALB subnets must be at least /27 and span two Availability Zones.",
  finds: ["alb-subnet-too-small", "alb-single-az"],
  check(s) {
    const out: Finding[] = [];
    for (const lb of s.loadBalancers.filter((l) => l.type === "application")) {
      const subnets = lb.subnetIds.map((id) => s.subnets.find((sn) => sn.id === id));
      const small = subnets.filter(
        (sn) => sn !== undefined && ((prefixLength(sn.cidr) ?? 0) > MIN_ALB_PREFIX || (sn.availableIps !== undefined && sn.availableIps < 8)),
      );
      if (small.length) {
        out.push({
          id: "alb-subnet-too-small",
          args: {
            loadBalancer: label(lb),
            subnets: small.map((sn) => `${sn?.id} (${sn?.cidr ?? "?"}${sn?.availableIps !== undefined ? `, ${sn.availableIps} free` : ""})`).join(", "),
          },
        });
      }
      const azs = subnets.map((sn) => sn?.availabilityZone);
      if (azs.length > 0 && azs.every((az) => az !== undefined) && new Set(azs).size < 2) {
        out.push({ id: "alb-single-az", args: { loadBalancer: label(lb), zones: [...new Set(azs)].join(", ") } });
      }
    }
    return out;
  },
};

export const cdkNoEgressRule: Rule = {
  name: "cdk-no-egress",
  description: "Explains the CDK placeholder egress rule (255.255.255.255/32, icmp 252-86).",
  finds: ["cdk-no-egress-placeholder"],
  check(s) {
    return s.securityGroups
      .filter((g) => g.egress.some((r) => r.cidr === "255.255.255.255/32" && r.protocol === "icmp" && r.fromPort === 252 && r.toPort === 86))
      .map((g) => ({ id: "cdk-no-egress-placeholder", args: { securityGroup: g.id } }));
  },
};
