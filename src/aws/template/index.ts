export { parseTemplate, TemplateParseError, type TemplateDocument } from "./parse.js";
export { collectFromTemplate, templateFacts, type TemplateCollectOptions } from "./collect.js";
