import type { Finding } from "../../explain/index.js";
import { albLambdaPaths, findFunction, label, type Rule } from "./rule.js";

/** ALB's default idle timeout when `idle_timeout.timeout_seconds` is not set. */
const ALB_DEFAULT_IDLE_SECONDS = 60;
/** API Gateway REST's default (and, without a quota increase, maximum) integration timeout. */
const APIGW_DEFAULT_TIMEOUT_MS = 29_000;

export const listenerHttpOnlyRule: Rule = {
  name: "listener-protocol",
  description: "A load balancer that serves the API over HTTP only.",
  finds: ["listener-http-only"],
  check(s) {
    const out: Finding[] = [];
    for (const lb of s.loadBalancers.filter((l) => l.type === "application")) {
      const listeners = s.listeners.filter((l) => l.loadBalancerId === lb.id);
      if (listeners.length === 0 || listeners.some((l) => l.protocol === "HTTPS")) continue;
      const http = listeners.find((l) => l.actions.some((a) => !(a.type === "redirect" && a.redirectProtocol === "HTTPS")));
      if (http) out.push({ id: "listener-http-only", args: { loadBalancer: label(lb), port: http.port ?? 80 } });
    }
    return out;
  },
};

export const albLambdaRule: Rule = {
  name: "alb-lambda",
  description: "What an ALB in front of Lambda does to an OpenAI-compatible API.",
  finds: ["alb-lambda-no-streaming", "alb-lambda-body-cap", "multi-value-headers-disabled", "lambda-timeout-vs-idle-timeout"],
  check(s) {
    const out: Finding[] = [];
    for (const p of albLambdaPaths(s)) {
      const args = { loadBalancer: label(p.loadBalancer), targetGroup: p.targetGroup.id, function: p.fn ? label(p.fn) : p.functionId };
      out.push({ id: "alb-lambda-no-streaming", args });
      out.push({ id: "alb-lambda-body-cap", args });
      if (p.targetGroup.multiValueHeaders !== true) out.push({ id: "multi-value-headers-disabled", args });
      const idle = p.loadBalancer.idleTimeoutSeconds ?? ALB_DEFAULT_IDLE_SECONDS;
      if (p.fn?.timeoutSeconds !== undefined && p.fn.timeoutSeconds > idle) {
        out.push({
          id: "lambda-timeout-vs-idle-timeout",
          args: { ...args, front: "ALB idle timeout", frontSeconds: idle, lambdaSeconds: p.fn.timeoutSeconds },
        });
      }
    }
    return out;
  },
};

export const apiGatewayRule: Rule = {
  name: "api-gateway",
  description: "API Gateway integrations that buffer the whole answer or cut it at 29 s.",
  finds: ["apigw-buffered-integration", "lambda-timeout-vs-idle-timeout"],
  check(s) {
    const out: Finding[] = [];
    for (const api of s.apis) {
      for (const integ of api.integrations) {
        if (integ.type !== undefined && integ.type !== "AWS_PROXY") continue;
        const fn = integ.functionId ? findFunction(s, integ.functionId) : undefined;
        const args = { api: api.id, route: integ.route, function: fn ? label(fn) : (integ.functionId ?? "") };
        if (integ.transferMode !== "STREAM") {
          out.push({ id: "apigw-buffered-integration", args: { ...args, kind: api.kind === "rest" ? "REST API" : "HTTP API" } });
          const limitMs = integ.timeoutMs ?? APIGW_DEFAULT_TIMEOUT_MS;
          if (fn?.timeoutSeconds !== undefined && fn.timeoutSeconds * 1000 > limitMs) {
            out.push({
              id: "lambda-timeout-vs-idle-timeout",
              args: { ...args, front: "API Gateway integration timeout", frontSeconds: limitMs / 1000, lambdaSeconds: fn.timeoutSeconds },
            });
          }
        }
      }
    }
    return out;
  },
};

export const functionUrlRule: Rule = {
  name: "function-url",
  description: "A Lambda Function URL in BUFFERED mode cannot stream.",
  finds: ["function-url-buffered", "lambda-reserved-concurrency-zero"],
  check(s) {
    const out: Finding[] = [];
    for (const fn of s.functions) {
      if (fn.urlInvokeMode === "BUFFERED") out.push({ id: "function-url-buffered", args: { function: label(fn) } });
      if (fn.reservedConcurrency === 0) out.push({ id: "lambda-reserved-concurrency-zero", args: { function: label(fn) } });
    }
    return out;
  },
};
