import type { SsmParameterFacts } from "../types.js";
import type { ReadLog } from "../read.js";
import type { AwsSdk } from "./sdk.js";

/**
 * Finds parameters whose name begins with each given name (a name one letter short of the real one is
 * the classic mistake). DescribeParameters returns metadata only: the key's value is never read, and
 * GetParameter is never called.
 */
export async function collectSsmParameters(sdk: AwsSdk, log: ReadLog, names: string[]): Promise<{ parameters: SsmParameterFacts[]; searched: string[] }> {
  const parameters: SsmParameterFacts[] = [];
  const searched: string[] = [];
  if (names.length === 0) return { parameters, searched };
  const { m, client } = await sdk.ssm();
  for (const name of [...new Set(names)]) {
    const pages = await log.read(`SSM parameters named ${name}…`, "ssm:DescribeParameters", async () => {
      const found: SsmParameterFacts[] = [];
      for await (const page of m.paginateDescribeParameters(
        { client },
        { ParameterFilters: [{ Key: "Name", Option: "BeginsWith", Values: [name] }], MaxResults: 50 },
      )) {
        for (const p of page.Parameters ?? []) if (p.Name) found.push({ name: p.Name, ...(p.Type ? { type: p.Type } : {}), seenIn: "account" });
      }
      return found;
    });
    if (!pages) continue;
    searched.push(name);
    for (const p of pages) if (!parameters.some((q) => q.name === p.name)) parameters.push(p);
  }
  return { parameters, searched };
}
