import { parse as parseYaml, Scalar, type CollectionTag, type ScalarTag, type YAMLMap, type YAMLSeq } from "yaml";

/** A CloudFormation template as plain JSON-shaped data (short YAML tags expanded to their long form). */
export type TemplateDocument = Record<string, unknown>;

/** Short tag → long form. `!GetAtt A.B` is special-cased: the scalar form is a dotted pair. */
const SHORT_FORMS: Record<string, string> = {
  Ref: "Ref",
  Condition: "Condition",
  Base64: "Fn::Base64",
  Cidr: "Fn::Cidr",
  FindInMap: "Fn::FindInMap",
  GetAtt: "Fn::GetAtt",
  GetAZs: "Fn::GetAZs",
  ImportValue: "Fn::ImportValue",
  Join: "Fn::Join",
  Select: "Fn::Select",
  Split: "Fn::Split",
  Sub: "Fn::Sub",
  Transform: "Fn::Transform",
  And: "Fn::And",
  Equals: "Fn::Equals",
  If: "Fn::If",
  Not: "Fn::Not",
  Or: "Fn::Or",
  ToJsonString: "Fn::ToJsonString",
  Length: "Fn::Length",
};

function cloudFormationTags(): (ScalarTag | CollectionTag)[] {
  const tags: (ScalarTag | CollectionTag)[] = [];
  for (const [short, long] of Object.entries(SHORT_FORMS)) {
    tags.push({
      tag: `!${short}`,
      resolve: (value: string) => ({ [long]: short === "GetAtt" ? value.split(".") : value }),
    });
    for (const collection of ["seq", "map"] as const) {
      tags.push({
        tag: `!${short}`,
        collection,
        // Children are already resolved, so toJSON() yields long forms all the way down; wrapping in a
        // Scalar is how a collection tag hands back a non-collection value.
        resolve: (node: YAMLMap | YAMLSeq) => new Scalar({ [long]: node.toJSON() as unknown }),
      });
    }
  }
  return tags;
}

export class TemplateParseError extends Error {
  override name = "TemplateParseError";
}

/** Parses a template body: JSON first (the common case, and exact), else YAML with CloudFormation tags. */
export function parseTemplate(body: string): TemplateDocument {
  const trimmed = body.trimStart();
  let doc: unknown;
  if (trimmed.startsWith("{")) {
    try {
      doc = JSON.parse(body);
    } catch (err) {
      throw new TemplateParseError(`not valid JSON: ${(err as Error).message}`);
    }
  } else {
    try {
      doc = parseYaml(body, { customTags: cloudFormationTags() });
    } catch (err) {
      throw new TemplateParseError(`not valid YAML: ${(err as Error).message}`);
    }
  }
  if (!doc || typeof doc !== "object" || Array.isArray(doc) || !("Resources" in doc)) {
    throw new TemplateParseError("not a CloudFormation template (no Resources section)");
  }
  return doc as TemplateDocument;
}
