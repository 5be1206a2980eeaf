import { finishReason, toUsage } from "./finish.js";
import { JSON_RESPONSE_TOOL } from "./types.js";

/** One ConverseStream event as the SDK yields it (a tagged union; only one member is set). */
export interface StreamEvent {
  messageStart?: { role?: string };
  contentBlockStart?: { contentBlockIndex?: number; start?: { toolUse?: { toolUseId?: string; name?: string } } };
  contentBlockDelta?: { contentBlockIndex?: number; delta?: { text?: string; toolUse?: { input?: string }; reasoningContent?: { text?: string } } };
  contentBlockStop?: { contentBlockIndex?: number };
  messageStop?: { stopReason?: string };
  metadata?: { usage?: { inputTokens?: number; outputTokens?: number; totalTokens?: number } };
  [exception: string]: unknown;
}

export interface StreamMeta {
  id: string;
  created: number;
  model: string;
  includeUsage: boolean;
  jsonMode: boolean;
}

/**
 * ConverseStream events → OpenAI `chat.completion.chunk` SSE frames (pure, stateful per stream).
 * The frame's fixed head (id, created, model) is serialised once per stream; each event adds only its delta.
 */
export class ChunkMapper {
  private readonly head: string;
  private readonly tail: string;
  private roleSent = false;
  /** contentBlockIndex → tool_calls[].index: OpenAI counts tool calls, Bedrock counts every block (text too). */
  private readonly toolIndex = new Map<number, number>();
  private readonly jsonBlocks = new Set<number>();

  constructor(private readonly meta: StreamMeta) {
    this.head = `data: {"id":${JSON.stringify(meta.id)},"object":"chat.completion.chunk","created":${meta.created},"model":${JSON.stringify(meta.model)},"choices":[`;
    // With include_usage, OpenAI sends `usage: null` on every chunk but the last.
    this.tail = meta.includeUsage ? `],"usage":null}\n\n` : `]}\n\n`;
  }

  /** The SSE text for one event ("" when the event has nothing for the client). */
  map(ev: StreamEvent): string {
    let out = "";
    if (!this.roleSent) {
      this.roleSent = true;
      out += this.frame({ role: "assistant", content: "" });
      if (ev.messageStart) return out;
    }
    if (ev.contentBlockDelta) {
      const i = ev.contentBlockDelta.contentBlockIndex ?? 0;
      const d = ev.contentBlockDelta.delta ?? {};
      // In JSON mode only the forced tool's input is content; a text preamble would break JSON.parse.
      if (typeof d.text === "string") {
        if (!this.meta.jsonMode) out += this.frame({ content: d.text });
      }
      else if (d.toolUse) {
        const args = d.toolUse.input ?? "";
        if (this.jsonBlocks.has(i)) out += this.frame({ content: args });
        else out += this.frame({ tool_calls: [{ index: this.toolIndexOf(i), function: { arguments: args } }] });
      } else if (typeof d.reasoningContent?.text === "string") out += this.frame({ reasoning_content: d.reasoningContent.text });
    } else if (ev.contentBlockStart?.start?.toolUse) {
      const i = ev.contentBlockStart.contentBlockIndex ?? 0;
      const t = ev.contentBlockStart.start.toolUse;
      if (this.meta.jsonMode && t.name === JSON_RESPONSE_TOOL) this.jsonBlocks.add(i);
      else out += this.frame({ tool_calls: [{ index: this.toolIndexOf(i), id: t.toolUseId ?? "", type: "function", function: { name: t.name ?? "", arguments: "" } }] });
    } else if (ev.messageStop) {
      out += this.head + JSON.stringify({ index: 0, delta: {}, logprobs: null, finish_reason: finishReason(ev.messageStop.stopReason, this.meta.jsonMode) }) + this.tail;
    } else if (ev.metadata && this.meta.includeUsage) {
      out += `${this.head}],"usage":${JSON.stringify(toUsage(ev.metadata.usage))}}\n\n`;
    }
    return out;
  }

  private frame(delta: Record<string, unknown>): string {
    return this.head + JSON.stringify({ index: 0, delta, logprobs: null, finish_reason: null }) + this.tail;
  }

  private toolIndexOf(blockIndex: number): number {
    let idx = this.toolIndex.get(blockIndex);
    if (idx === undefined) {
      idx = this.toolIndex.size;
      this.toolIndex.set(blockIndex, idx);
    }
    return idx;
  }
}

/** The exception member of an event, if the SDK yielded one instead of throwing it. */
export function streamException(ev: StreamEvent): { name: string; message: string } | undefined {
  for (const key in ev) {
    if (key.endsWith("Exception")) {
      const v = ev[key] as { message?: string } | undefined;
      return { name: key.charAt(0).toUpperCase() + key.slice(1), message: v?.message ?? "" };
    }
  }
  return undefined;
}

export const SSE_DONE = "data: [DONE]\n\n";
export const SSE_KEEP_ALIVE = ": keep-alive\n\n";

export function sseError(body: unknown): string {
  return `data: ${JSON.stringify(body)}\n\n`;
}
