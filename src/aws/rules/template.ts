import type { Rule } from "./rule.js";

const LANGUAGE_EXTENSIONS = "AWS::LanguageExtensions";

export const findInMapDefaultValueRule: Rule = {
  name: "template-transform",
  description: "Fn::FindInMap with DefaultValue needs the AWS::LanguageExtensions transform.",
  finds: ["template-findinmap-defaultvalue-without-transform"],
  check(s) {
    const t = s.template;
    if (!t || t.findInMapDefaultValues.length === 0 || t.transforms.includes(LANGUAGE_EXTENSIONS)) return [];
    return [
      {
        id: "template-findinmap-defaultvalue-without-transform",
        args: { path: t.findInMapDefaultValues[0] ?? "", count: t.findInMapDefaultValues.length },
      },
    ];
  },
};

export const igwFreeTextParameterRule: Rule = {
  name: "igw-parameter",
  description: "A route's internet gateway comes from a free-text parameter, so a wrong id fails late.",
  finds: ["igw-free-text-parameter"],
  check(s) {
    const params = new Map((s.template?.parameters ?? []).map((p) => [p.name, p]));
    const seen = new Set<string>();
    const out = [];
    for (const route of s.routes) {
      const param = route.gatewayParameter ? params.get(route.gatewayParameter) : undefined;
      if (!param || param.type !== "String" || param.allowedPattern || seen.has(param.name)) continue;
      seen.add(param.name);
      out.push({ id: "igw-free-text-parameter", args: { parameter: param.name, value: param.value ?? param.default ?? "" } });
    }
    return out;
  },
};
