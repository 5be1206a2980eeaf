import type { CheckContext, CheckOutcome, HttpResponse } from "../../src/harness/index.js";
import { chat, type ChatBody } from "./chat.js";
import { errorMessage } from "./envelope.js";
import { chatModel } from "./models.js";
import { describe, fail, finding, sample, skip, unusable } from "./outcome.js";

/**
 * Run a check's body with the chat model under test, or skip when there is none. Keeps the
 * "which model?" question in one place.
 */
export async function withChatModel(ctx: CheckContext, run: (model: string) => Promise<CheckOutcome>): Promise<CheckOutcome> {
  const model = await chatModel(ctx);
  if (!model) return skip("no chat model given (--model) or listed by the gateway");
  return run(model);
}

/**
 * A request clients really send must be answered 200. When it is refused, the finding carries what came back so
 * the catalog text can show it.
 */
export async function mustBeAccepted(
  ctx: CheckContext,
  body: ChatBody,
  findingId: string,
  what: string,
  judge?: (res: HttpResponse) => CheckOutcome | undefined,
): Promise<CheckOutcome> {
  const res = await chat(ctx, body);
  const bad = unusable(res);
  if (bad) return bad;
  if (res.status === 200) return judge?.(res) ?? { status: "pass" };
  return fail(`${what} was refused: ${describe(res)}`, finding(findingId, { model: body.model, status: res.status ?? 0, message: sample(errorMessage(res), 140) }));
}
