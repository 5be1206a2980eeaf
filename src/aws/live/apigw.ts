import type { ApiFacts, ApiIntegration } from "../types.js";
import type { ReadLog } from "../read.js";
import type { AwsSdk } from "./sdk.js";

/**
 * The function an integration calls: `arn:aws:apigateway:…:lambda:path/2015-03-31/functions/<function arn>/invocations`
 * (REST, and HTTP APIs made that way) or the function ARN itself (HTTP APIs).
 */
export function functionFromUri(uri: string | undefined): string | undefined {
  const wrapped = uri?.match(/functions\/(arn:[^/]+)\//)?.[1];
  if (wrapped) return wrapped;
  return uri?.startsWith("arn:") && uri.includes(":lambda:") && uri.includes(":function:") ? uri : undefined;
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

/**
 * HTTP API (API Gateway v2) routes and the Lambda integrations they target. HTTP APIs have no streaming mode:
 * every integration is BUFFERED, and its timeout is at most 30 s. WebSocket APIs are not HTTP fronts: skipped.
 */
export async function collectHttpApi(sdk: AwsSdk, log: ReadLog, apiId: string): Promise<ApiFacts | undefined> {
  const { m, client } = await sdk.apiGatewayV2();
  const api = await log.read(`HTTP API ${apiId}`, "apigateway:GET", () => client.send(new m.GetApiCommand({ ApiId: apiId })));
  if (api?.ProtocolType === "WEBSOCKET") return undefined;
  const integrations = new Map<string, ApiIntegration>();
  await log.read(`integrations of HTTP API ${apiId}`, "apigateway:GET", async () => {
    for (const i of await allItems((NextToken) => client.send(new m.GetIntegrationsCommand({ ApiId: apiId, NextToken })))) {
      const fn = functionFromUri(i.IntegrationUri);
      integrations.set(i.IntegrationId ?? "", {
        route: `integration ${i.IntegrationId ?? ""}`,
        ...(i.IntegrationType ? { type: i.IntegrationType } : {}),
        ...(fn ? { functionId: fn } : {}),
        transferMode: "BUFFERED",
        ...(i.TimeoutInMillis !== undefined ? { timeoutMs: i.TimeoutInMillis } : {}),
      });
    }
  });
  const routed: ApiIntegration[] = [];
  await log.read(`routes of HTTP API ${apiId}`, "apigateway:GET", async () => {
    for (const r of await allItems((NextToken) => client.send(new m.GetRoutesCommand({ ApiId: apiId, NextToken })))) {
      const target = r.Target?.startsWith("integrations/") ? integrations.get(r.Target.slice("integrations/".length)) : undefined;
      if (target) routed.push({ ...target, route: r.RouteKey ?? target.route });
    }
  });
  // Without the routes (no permission), each integration is still reported under its own id.
  return { id: apiId, kind: "http", integrations: routed.length > 0 ? routed : [...integrations.values()] };
}

/** Every item of an API Gateway v2 listing, following NextToken (the v2 client ships no paginators for these). */
async function allItems<T>(page: (token: string | undefined) => Promise<{ Items?: T[]; NextToken?: string }>): Promise<T[]> {
  const items: T[] = [];
  let token: string | undefined;
  do {
    const out = await page(token);
    items.push(...(out.Items ?? []));
    token = out.NextToken;
  } while (token);
  return items;
}
