import type { Check, Suite } from "../src/harness/index.js";
import { errorMessage, envelopeArgs, isOpenAiErrorEnvelope, isRecord } from "./support/envelope.js";
import { chat, userSays } from "./support/chat.js";
import { chatModel, chatModels, listModels } from "./support/models.js";
import { classifyAccessMessage, regionIn } from "./support/bedrock-messages.js";
import { describe, fail, finding, pass, sample, skip, unusable } from "./support/outcome.js";

const suite = "models";
/** How many listed chat models are called (with max_tokens 1) to prove the list is not a wish list. */
const CALLABLE_SAMPLE = 3;

const listShape: Check = {
  id: "models.list-shape",
  suite,
  title: "GET /models answers 200 with {object:\"list\", data:[…]}",
  finds: ["model-list-not-openai-shape"],
  run: async (ctx) => {
    const { res } = await listModels(ctx);
    const bad = unusable(res);
    if (bad) return bad;
    const json = res.json;
    if (res.status === 200 && isRecord(json) && json.object === "list" && Array.isArray(json.data)) return pass();
    return fail(`GET /models gave ${describe(res)}`, finding("model-list-not-openai-shape", { status: res.status ?? 0, body: sample(res.text, 100) }));
  },
};

const itemsWellFormed: Check = {
  id: "models.items-well-formed",
  suite,
  title: "Every listed model has id, object \"model\", created and owned_by",
  finds: ["model-item-malformed"],
  run: async (ctx) => {
    const { res } = await listModels(ctx);
    const data = isRecord(res.json) && Array.isArray(res.json.data) ? res.json.data : undefined;
    if (!data) return skip("no OpenAI-shaped model list to inspect (see models.list-shape)");
    if (data.length === 0) return skip("the list is empty");
    for (const item of data) {
      const problem = !isRecord(item)
        ? "not an object"
        : typeof item.id !== "string" || !item.id
          ? "no id"
          : item.object !== "model"
            ? `object is ${JSON.stringify(item.object)}`
            : typeof item.created !== "number"
              ? "created is not a number"
              : typeof item.owned_by !== "string"
                ? "owned_by is not a string"
                : undefined;
      if (problem) {
        return fail(`model ${sample(JSON.stringify(item), 80)}: ${problem}`, finding("model-item-malformed", { item: sample(JSON.stringify(item), 100), problem }));
      }
    }
    return pass(`${data.length} models well formed`);
  },
};

const underTestListed: Check = {
  id: "models.under-test-listed",
  suite,
  title: "The chat and embedding models under test are listed",
  finds: ["model-under-test-not-listed"],
  run: async (ctx) => {
    const { ids } = await listModels(ctx);
    if (ids.length === 0) return skip("no model ids listed (see models.list-shape)");
    const wanted = [ctx.options.model, ctx.options.embeddingModel].filter((m): m is string => !!m);
    if (wanted.length === 0) {
      const chatId = await chatModel(ctx);
      if (!chatId) return fail("the list names no chat model", finding("model-under-test-not-listed", { model: "(any chat model)", listed: ids.slice(0, 8).join(", ") }));
      return pass(`no model given; ${chatId} picked from the list`);
    }
    const missing = wanted.filter((m) => !ids.includes(m));
    if (missing.length === 0) return pass();
    return fail(`not listed: ${missing.join(", ")}`, finding("model-under-test-not-listed", { model: missing.join(", "), listed: ids.slice(0, 8).join(", ") }));
  },
};

const retrieveListed: Check = {
  id: "models.retrieve-listed",
  suite,
  title: "GET /models/{id} answers 200 for a listed id",
  finds: ["model-retrieve-failed"],
  run: async (ctx) => {
    const { ids } = await listModels(ctx);
    const id = (await chatModel(ctx)) ?? ids[0];
    if (!id || !ids.includes(id)) return skip("no listed model id to retrieve");
    // Ids contain ':' (anthropic.claude-v2:1); clients send them as they are, unencoded.
    const res = await ctx.http.request({ method: "GET", path: `/models/${id}` });
    const bad = unusable(res);
    if (bad) return bad;
    if (res.status === 200 && isRecord(res.json) && res.json.id === id) return pass();
    return fail(`GET /models/${id} gave ${describe(res)}`, finding("model-retrieve-failed", { model: id, status: res.status ?? 0, body: sample(res.text, 100) }));
  },
};

const retrieveUnknown: Check = {
  id: "models.retrieve-unknown-404",
  suite,
  title: "GET /models/{id} answers a 404 envelope for an unknown id",
  finds: ["model-retrieve-unknown-not-404", "error-envelope-not-openai"],
  run: async (ctx) => {
    const res = await ctx.http.request({ method: "GET", path: "/models/bagcheck-no-such-model" });
    const bad = unusable(res);
    if (bad) return bad;
    if (res.status !== 404) {
      return fail(`an unknown id gave ${describe(res)}, expected 404`, finding("model-retrieve-unknown-not-404", { status: res.status ?? 0, body: sample(res.text, 100) }));
    }
    if (!isOpenAiErrorEnvelope(res.json)) {
      return fail(`the 404 is not an OpenAI envelope: ${describe(res)}`, finding("error-envelope-not-openai", envelopeArgs(res, "GET /models/<unknown id>")));
    }
    return pass();
  },
};

const listedCallable: Check = {
  id: "models.listed-callable",
  suite,
  title: `A sample of listed chat models (up to ${CALLABLE_SAMPLE}) can actually be called`,
  finds: ["gateway-lists-uncallable-model"],
  run: async (ctx) => {
    const ids = (await chatModels(ctx)).slice(0, CALLABLE_SAMPLE);
    if (ids.length === 0) return skip("no chat models listed");
    const broken: string[] = [];
    const findings = [];
    for (const model of ids) {
      const res = await chat(ctx, { model, messages: [userSays("Say OK.")], max_tokens: 1 });
      if (res.error) return fail(`no usable answer: ${describe(res)}`);
      if (res.status === 200) continue;
      const message = errorMessage(res);
      broken.push(`${model} (${res.status})`);
      findings.push(finding("gateway-lists-uncallable-model", { model, region: regionIn(message), reason: `${res.status}: ${sample(message, 120)}`, cause: classifyAccessMessage(message) ?? "unknown" }));
    }
    if (broken.length === 0) return pass(`${ids.join(", ")} answered`);
    return fail(`listed but not callable: ${broken.join(", ")}`, ...findings);
  },
};

export const models: Suite = {
  id: suite,
  title: "Model list",
  checks: [listShape, itemsWellFormed, underTestListed, retrieveListed, retrieveUnknown, listedCallable],
};
