/**
 * Deterministic answers: the same input always gives the same text, tool call and usage, so tests can
 * assert on them. A token is a whitespace-separated word: crude, but consistent everywhere it is counted.
 */

export interface ToolSpec {
  name: string;
  description?: string;
  /** JSON schema of the input. */
  schema?: Record<string, unknown>;
}

/** What every front-end (Converse, Anthropic Messages) reduces a request to. */
export interface Prompt {
  modelId: string;
  modelName: string;
  /** Text of the last user turn (what the answer is derived from). */
  lastUserText: string;
  /** Tool results carried by the last user turn, if any. */
  lastToolResults: { toolUseId: string; text: string }[];
  inputTokens: number;
  maxTokens: number;
  stopSequences: string[];
  tools: ToolSpec[];
  /** `auto` (the prompt decides), `any` (must call some tool), or a tool name that must be called. */
  toolChoice: "auto" | "any" | { name: string };
}

export type AnswerBlock =
  | { kind: "text"; text: string; deltas: string[] }
  | { kind: "toolUse"; toolUseId: string; name: string; input: Record<string, unknown>; inputJson: string; deltas: string[] };

export type StopReason = "end_turn" | "max_tokens" | "stop_sequence" | "tool_use";

export interface Answer {
  blocks: AnswerBlock[];
  stopReason: StopReason;
  /** The stop sequence that ended the text, when stopReason is stop_sequence. */
  stopSequence?: string;
  inputTokens: number;
  outputTokens: number;
}

const WORDS_PER_DELTA = 2;
const FILLER = "alpha bravo charlie delta echo foxtrot golf hotel india juliett kilo lima mike november oscar papa".split(" ");
const LONG_DIRECTIVE = /\[\[words:(\d{1,7})\]\]/;
const TOOL_REQUEST = /\b(use|call|invoke|run)\b[^.?!]*\btools?\b/i;

export function countTokens(text: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const space = c === 32 || c === 10 || c === 9 || c === 13;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

/** A small stable hash (FNV-1a), for ids and embeddings derived from text. */
export function hash32(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

function wordsOf(prompt: Prompt): string[] {
  const long = LONG_DIRECTIVE.exec(prompt.lastUserText);
  if (long) {
    const n = Number(long[1]);
    const out = new Array<string>(n);
    for (let i = 0; i < n; i++) out[i] = FILLER[i % FILLER.length] ?? "alpha";
    return out;
  }
  if (prompt.lastToolResults.length > 0) {
    const results = prompt.lastToolResults.map((r) => r.text).join(" ");
    return `The tool returned: ${results}`.split(/\s+/).filter(Boolean);
  }
  return `Hello from the Bedrock emulator (${prompt.modelName}). You said: ${prompt.lastUserText}`.split(/\s+/).filter(Boolean);
}

function splitDeltas(words: string[]): string[] {
  const deltas: string[] = [];
  for (let i = 0; i < words.length; i += WORDS_PER_DELTA) {
    const piece = words.slice(i, i + WORDS_PER_DELTA).join(" ");
    deltas.push(i === 0 ? piece : ` ${piece}`);
  }
  return deltas;
}

function chooseTool(prompt: Prompt): ToolSpec | undefined {
  if (prompt.tools.length === 0 || prompt.lastToolResults.length > 0) return undefined;
  const choice = prompt.toolChoice;
  if (typeof choice === "object") return prompt.tools.find((t) => t.name === choice.name);
  const text = prompt.lastUserText.toLowerCase();
  const named = prompt.tools.find((t) => text.includes(t.name.toLowerCase()));
  if (named) return named;
  if (choice === "any" || TOOL_REQUEST.test(prompt.lastUserText)) return prompt.tools[0];
  return undefined;
}

/** Input for a tool call: each property gets a value derived from the prompt (quoted text, else the prompt). */
function toolInput(tool: ToolSpec, prompt: Prompt): Record<string, unknown> {
  const props = (tool.schema?.properties ?? {}) as Record<string, { type?: string }>;
  const quoted = /"([^"]+)"/.exec(prompt.lastUserText)?.[1];
  const input: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(props)) {
    switch (spec?.type) {
      case "number":
      case "integer":
        input[name] = 1;
        break;
      case "boolean":
        input[name] = true;
        break;
      case "array":
        input[name] = [];
        break;
      case "object":
        input[name] = {};
        break;
      default:
        input[name] = quoted ?? prompt.lastUserText;
    }
  }
  return input;
}

function splitJson(json: string): string[] {
  const size = Math.max(8, Math.ceil(json.length / 3));
  const parts: string[] = [];
  for (let i = 0; i < json.length; i += size) parts.push(json.slice(i, i + size));
  return parts.length > 0 ? parts : [json];
}

export function composeAnswer(prompt: Prompt): Answer {
  const tool = chooseTool(prompt);
  if (tool) {
    const intro = `I will use the ${tool.name} tool.`;
    const input = toolInput(tool, prompt);
    const inputJson = JSON.stringify(input);
    const toolUseId = `tooluse_${hash32(prompt.lastUserText + tool.name).toString(36)}${hash32(tool.name).toString(36)}`;
    return {
      blocks: [
        { kind: "text", text: intro, deltas: splitDeltas(intro.split(" ")) },
        { kind: "toolUse", toolUseId, name: tool.name, input, inputJson, deltas: splitJson(inputJson) },
      ],
      stopReason: "tool_use",
      inputTokens: prompt.inputTokens,
      outputTokens: countTokens(intro) + countTokens(inputJson),
    };
  }
  let words = wordsOf(prompt);
  let stopReason: StopReason = "end_turn";
  let stopSequence: string | undefined;
  let text = words.join(" ");
  for (const seq of prompt.stopSequences) {
    const at = seq ? text.indexOf(seq) : -1;
    if (at >= 0) {
      text = text.slice(0, at).trimEnd();
      words = text.split(/\s+/).filter(Boolean);
      stopReason = "stop_sequence";
      stopSequence = seq;
      break;
    }
  }
  if (words.length > prompt.maxTokens) {
    words = words.slice(0, prompt.maxTokens);
    stopReason = "max_tokens";
    stopSequence = undefined;
  }
  text = words.join(" ");
  return {
    blocks: [{ kind: "text", text, deltas: splitDeltas(words) }],
    stopReason,
    stopSequence,
    inputTokens: prompt.inputTokens,
    outputTokens: words.length,
  };
}
