import type { TemplateDocument } from "./parse.js";

/**
 * Resolves the intrinsic functions a lint needs to read values: Ref to parameters (their default or
 * deployed value), pseudo parameters, Join, Sub, Select, FindInMap. A Ref or GetAtt to a resource resolves
 * to the resource's logical id, which is how the template collector links entities. Anything else stays
 * visible as `${…}` rather than being guessed.
 */
export interface ResolveContext {
  doc: TemplateDocument;
  region?: string;
  /** Parameter values that override defaults (a deployed stack's parameters). */
  parameterValues?: Record<string, string>;
}

type Json = unknown;

const LINK_ATTRIBUTES = new Set(["Arn", "GroupId", "LoadBalancerArn", "TargetGroupArn", "ListenerArn", "FunctionArn"]);

function isObject(v: Json): v is Record<string, Json> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function section(doc: TemplateDocument, name: string): Record<string, Json> {
  const s = doc[name];
  return isObject(s) ? s : {};
}

export function refValue(name: string, ctx: ResolveContext): string {
  if (name === "AWS::Region") return ctx.region ?? "${AWS::Region}";
  if (name === "AWS::Partition") return "aws";
  if (name === "AWS::URLSuffix") return "amazonaws.com";
  if (name.startsWith("AWS::")) return `\${${name}}`;
  const override = ctx.parameterValues?.[name];
  if (override !== undefined) return override;
  const param = section(ctx.doc, "Parameters")[name];
  if (isObject(param)) return param.Default !== undefined ? String(param.Default) : `\${${name}}`;
  // A resource: its logical id is how the collector links it.
  return name;
}

/** Resolves a value to a string, or undefined when it is not a scalar-ish value. */
export function resolveString(value: Json, ctx: ResolveContext): string | undefined {
  const v = resolveValue(value, ctx);
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  return undefined;
}

export function resolveValue(value: Json, ctx: ResolveContext): Json {
  if (Array.isArray(value)) return value.map((v) => resolveValue(v, ctx));
  if (!isObject(value)) return value;
  const keys = Object.keys(value);
  if (keys.length !== 1) return Object.fromEntries(keys.map((k) => [k, resolveValue(value[k], ctx)]));
  const [fn] = keys as [string];
  const arg = value[fn];
  switch (fn) {
    case "Ref":
      return typeof arg === "string" ? refValue(arg, ctx) : value;
    case "Fn::GetAtt": {
      const [res, attr] = Array.isArray(arg) ? arg.map(String) : String(arg).split(".");
      // Identity attributes stand for the resource itself (that is how entities link); others stay symbolic.
      return attr === undefined || LINK_ATTRIBUTES.has(attr) ? (res ?? "") : `\${${res}.${attr}}`;
    }
    case "Fn::Join": {
      if (!Array.isArray(arg) || arg.length !== 2) return value;
      const parts = resolveValue(arg[1], ctx);
      if (!Array.isArray(parts)) return value;
      return parts.map((p) => (typeof p === "string" || typeof p === "number" ? String(p) : "${…}")).join(String(arg[0]));
    }
    case "Fn::Sub": {
      const [text, vars] = Array.isArray(arg) ? [String(arg[0]), isObject(arg[1]) ? arg[1] : {}] : [String(arg), {}];
      return text.replace(/\$\{([^!}][^}]*)\}/g, (_m, name: string) => {
        if (name in vars) return resolveString(vars[name], ctx) ?? `\${${name}}`;
        if (name.includes(".")) return `\${${name}}`;
        return refValue(name, ctx);
      });
    }
    case "Fn::Select": {
      if (!Array.isArray(arg) || arg.length !== 2) return value;
      const index = Number(resolveValue(arg[0], ctx));
      const list = arg[1];
      if (isObject(list) && "Fn::GetAZs" in list) return `\${AZ${index}}`;
      const resolved = resolveValue(list, ctx);
      return Array.isArray(resolved) ? resolved[index] : value;
    }
    case "Fn::FindInMap": {
      if (!Array.isArray(arg) || arg.length < 3) return value;
      const [map, top, second] = arg.slice(0, 3).map((a) => resolveString(a, ctx));
      const hit = map && top && second ? section(ctx.doc, "Mappings")[map] : undefined;
      const row = isObject(hit) && top ? hit[top] : undefined;
      const found = isObject(row) && second ? row[second] : undefined;
      if (found !== undefined) return found;
      const opts = arg[3];
      if (isObject(opts) && "DefaultValue" in opts) return resolveValue(opts.DefaultValue, ctx);
      return `\${FindInMap ${map}.${top}.${second}}`;
    }
    default:
      return fn.startsWith("Fn::") ? `\${${fn}}` : { [fn]: resolveValue(arg, ctx) };
  }
}

/** Every path at which `Fn::FindInMap` is called with a fourth (options) argument holding DefaultValue. */
export function findInMapDefaultValuePaths(node: Json, path = ""): string[] {
  if (Array.isArray(node)) return node.flatMap((v, i) => findInMapDefaultValuePaths(v, `${path}[${i}]`));
  if (!isObject(node)) return [];
  const out: string[] = [];
  const fim = node["Fn::FindInMap"];
  if (Array.isArray(fim) && isObject(fim[3]) && "DefaultValue" in fim[3]) out.push(path);
  for (const [k, v] of Object.entries(node)) out.push(...findInMapDefaultValuePaths(v, path ? `${path}.${k}` : k));
  return out;
}
