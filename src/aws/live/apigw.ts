import type { ApiFacts, ApiIntegration } from "../types.js";
import type { ReadLog } from "../read.js";
import type { AwsSdk } from "./sdk.js";

/** `arn:aws:apigateway:…:lambda:path/2015-03-31/functions/<function arn>/invocations` → the function arn. */
export function functionFromUri(uri: string | undefined): string | undefined {
  return uri?.match(/functions\/(arn:[^/]+)\//)?.[1];
}

/** REST API methods and their Lambda integrations (transfer mode, timeout). */
export async function collectRestApi(sdk: AwsSdk, log: ReadLog, apiId: string): Promise<ApiFacts> {
  const { m, client } = await sdk.apiGateway();
  const integrations: ApiIntegration[] = [];
  await log.read(`resources of REST API ${apiId}`, "apigateway:GET", async () => {
    for await (const page of m.paginateGetResources({ client }, { restApiId: apiId, embed: ["methods"] })) {
      for (const r of page.items ?? []) {
        for (const [method, def] of Object.entries(r.resourceMethods ?? {})) {
          const integ = def.methodIntegration;
          if (!integ) continue;
          const fn = functionFromUri(integ.uri);
          integrations.push({
            route: `${method} ${r.path ?? ""}`,
            ...(integ.type ? { type: integ.type } : {}),
            ...(fn ? { functionId: fn } : {}),
            transferMode: integ.responseTransferMode ?? "BUFFERED",
            ...(integ.timeoutInMillis !== undefined ? { timeoutMs: integ.timeoutInMillis } : {}),
          });
        }
      }
    }
  });
  return { id: apiId, kind: "rest", integrations };
}
