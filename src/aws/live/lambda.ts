import { toEnvVars } from "../env.js";
import type { FunctionFacts } from "../types.js";
import type { ReadLog } from "../read.js";
import type { AwsSdk } from "./sdk.js";

/** Function configuration (env names, harmless values only), Function URL invoke mode, reserved concurrency. */
export async function collectFunction(sdk: AwsSdk, log: ReadLog, ref: string): Promise<FunctionFacts | undefined> {
  const { m, client } = await sdk.lambda();
  const cfg = await log.read(`configuration of function ${ref}`, "lambda:GetFunctionConfiguration", () =>
    client.send(new m.GetFunctionConfigurationCommand({ FunctionName: ref })),
  );
  if (!cfg) return undefined;
  const name = cfg.FunctionName ?? ref;
  const url = await log.read(`Function URL of ${name}`, "lambda:GetFunctionUrlConfig", () => client.send(new m.GetFunctionUrlConfigCommand({ FunctionName: name })), {
    notFound: () => undefined,
  });
  const concurrency = await log.read(`reserved concurrency of ${name}`, "lambda:GetFunctionConcurrency", () =>
    client.send(new m.GetFunctionConcurrencyCommand({ FunctionName: name })),
  );
  return {
    id: cfg.FunctionArn ?? ref,
    name,
    ...(cfg.Runtime ? { runtime: cfg.Runtime } : {}),
    ...(cfg.PackageType ? { packageType: cfg.PackageType } : {}),
    architectures: cfg.Architectures ?? ["x86_64"],
    ...(cfg.MemorySize !== undefined ? { memoryMb: cfg.MemorySize } : {}),
    ...(cfg.Timeout !== undefined ? { timeoutSeconds: cfg.Timeout } : {}),
    ...(cfg.Role ? { roleId: cfg.Role } : {}),
    env: toEnvVars(cfg.Environment?.Variables ?? {}),
    ...(url?.InvokeMode ? { urlInvokeMode: url.InvokeMode } : {}),
    ...(concurrency?.ReservedConcurrentExecutions !== undefined ? { reservedConcurrency: concurrency.ReservedConcurrentExecutions } : {}),
  };
}
