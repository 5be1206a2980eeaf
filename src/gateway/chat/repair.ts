import { badRequest } from "../errors.js";
import type { ConverseBlock, ConverseMessage } from "./types.js";

/** The user turn put in front of a history that starts with the assistant (see docs/gateway.md). */
export const LEADING_ASSISTANT_PLACEHOLDER = "[earlier messages omitted]";

/**
 * Conversation repair: the rules Converse enforces and chat clients routinely break. Each is a documented
 * choice (docs/gateway.md, "Conversation repair"):
 * 1. blank text blocks are dropped, and so is a message left with no content (an aborted reply, an empty
 *    edit): Converse rejects blank text, and a blank turn carries nothing;
 * 2. consecutive messages of the same role are merged, blocks in order (Converse requires alternation;
 *    parallel tool results must share one user turn anyway);
 * 3. a history that starts with the assistant (a mask's greeting, a client's context cut) gets a minimal
 *    user turn in front rather than losing the assistant's words, which later turns may refer to.
 */
export function repairConversation(messages: ConverseMessage[]): ConverseMessage[] {
  const out: ConverseMessage[] = [];
  for (const m of messages) {
    const content = m.content.filter((b) => !isBlankText(b));
    if (content.length === 0) continue;
    const last = out[out.length - 1];
    if (last && last.role === m.role) last.content.push(...content);
    else out.push({ role: m.role, content });
  }
  if (out.length === 0) throw badRequest("The conversation has no message with content; send at least one non-empty user message.", "messages");
  if (out[0]?.role === "assistant") out.unshift({ role: "user", content: [{ text: LEADING_ASSISTANT_PLACEHOLDER }] });
  return out;
}

function isBlankText(b: ConverseBlock): boolean {
  return "text" in b && b.text.trim() === "";
}
