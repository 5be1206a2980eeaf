import type { CatalogEntry } from "../types.js";
import { httpChat } from "./http-chat.js";
import { httpCors } from "./http-cors.js";

/**
 * HTTP-level causes the conformance suites (suites/*.ts) find: auth, the model list, error answers, model
 * access as the gateway passes it on, limits. Chat/embeddings request handling and CORS live in their own files.
 */
const openaiErrors = { title: "OpenAI API reference: error codes and the error object", url: "https://platform.openai.com/docs/guides/error-codes" };
const openaiModels = { title: "OpenAI API reference: models", url: "https://platform.openai.com/docs/api-reference/models" };
const openaiNodeErrors = { title: "openai-node src/core/error.ts (makeStatusError reads body.error)", url: "https://github.com/openai/openai-node/blob/master/src/core/error.ts" };
const bagApp = { title: "BAG src/api/app.py and auth.py (July 2024)", url: "https://github.com/aws-samples/bedrock-access-gateway/blob/f8faf32/src/api/app.py" };
const albLambda = { title: "AWS: Lambda functions as ALB targets (1 MB request and response limits)", url: "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/lambda-functions.html" };
const allClients = ["nextchat-web", "nextchat-web-proxy", "nextchat-desktop", "openai-node", "openai-node-browser", "openai-python", "lobechat", "open-webui", "curl"];
const sdkClients = ["openai-node", "openai-node-browser", "openai-python", "lobechat", "open-webui"];

const auth: CatalogEntry[] = [
  {
    id: "auth-missing-key-not-401",
    severity: "warning",
    title: "A request without a key gets {status}, not 401",
    why:
      "OpenAI answers a missing key with 401. FastAPI's `HTTPBearer` (used by BAG) answers 403 `{\"detail\":\"Not authenticated\"}` instead; other gateways crash into 500. " +
      "Clients map 401 to \"check your API key\"; a 403 reads as \"permission denied\" and a 500 as \"server down\", so people look in the wrong place. Body: `{body}`.",
    fix: {
      general: "Answer a missing or malformed `Authorization` header with 401 and `{\"error\":{\"message\":\"Missing API key\",\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}}`.",
      bag: "In `src/api/auth.py`, use `HTTPBearer(auto_error=False)` and raise `HTTPException(status_code=401)` when the credentials are missing.",
    },
    clients: ["openai-node", "openai-python", "lobechat", "open-webui"],
    references: [openaiErrors, { title: "BAG src/api/auth.py", url: "https://github.com/aws-samples/bedrock-access-gateway/blob/f8faf32/src/api/auth.py" }],
  },
  {
    id: "auth-wrong-key-not-401",
    severity: "warning",
    title: "A wrong key gets {status}, not 401",
    why:
      "OpenAI and the SDKs treat 401 as \"the key is wrong\" (`AuthenticationError`). A 403 becomes `PermissionDeniedError`, a 500 `InternalServerError` — " +
      "and the SDKs **retry** 5xx twice before giving up, so a typo in the key looks like a flaky server. Body: `{body}`.",
    fix: { general: "Answer a key that does not match with 401 and an OpenAI error envelope (`code: \"invalid_api_key\"`); keep 403 for a valid key that lacks a permission." },
    clients: ["openai-node", "openai-python", "lobechat", "open-webui"],
    references: [openaiErrors],
  },
  {
    id: "auth-not-enforced",
    severity: "error",
    title: "The gateway answers without a valid key ({kind} key → {status})",
    why:
      "A request with a {kind} key was served. Anyone who finds the URL (ALB host names are public DNS) can call Bedrock on the account's bill. " +
      "Usually the key check is off, reads an empty value, or protects only some routes.",
    fix: {
      general: "Require the key on every route except the health check and CORS preflights, and compare it in constant time.",
      bag: "BAG reads the key from the SSM parameter named by `API_KEY_PARAM_NAME`; make sure the parameter exists and the Lambda role may read it (`ssm:GetParameter`).",
    },
    clients: [],
    references: [bagApp],
  },
  {
    id: "auth-valid-key-rejected",
    severity: "error",
    title: "The key you gave is refused ({status})",
    why:
      "The gateway answered the key bagcheck was given with {status}. Either the key is not the one the gateway holds, or the gateway reads its key from somewhere " +
      "else — the seed's template named the parameter `BedrockProxyAPIKe`, one letter short of the `BedrockProxyAPIKey` it had created. Body: `{body}`.",
    fix: {
      general: "Check the key value, and the setting the gateway reads it from.",
      bag: "Compare the stack parameter `ApiKeyParam` with the SSM parameter you created (`aws ssm get-parameter --name <ApiKeyParam> --with-decryption`); they must name the same parameter.",
      client: "Paste the key again without spaces or a `Bearer ` prefix; most clients add `Bearer ` themselves.",
    },
    clients: allClients,
    references: [bagApp],
  },
  {
    id: "key-echoed-in-error",
    severity: "error",
    title: "The API key comes back in an error answer ({url}, {status})",
    why:
      "The gateway copied the key into a response (an error message quoting headers, a debug dump). Anything that logs responses — browser consoles, " +
      "proxies, chat transcripts shared in bug reports — now holds the key.",
    fix: { general: "Never echo request headers or the raw request in errors; redact `Authorization` and `x-api-key` in logs. Rotate the key." },
    clients: [],
    references: [{ title: "OWASP: Improper error handling", url: "https://owasp.org/www-community/Improper_Error_Handling" }],
  },
  {
    id: "key-sent-in-cleartext",
    severity: "warning",
    title: "{origin} is plain http: the key and every prompt cross the network in clear text",
    why:
      "Over http anyone on the path (Wi-Fi, corporate proxies, the ISP) can read the `Authorization: Bearer` key and the conversations. " +
      "BAG's 2024 template creates only an HTTP:80 ALB listener. https pages cannot call it either (mixed content).",
    fix: {
      general: "Serve the gateway over https only.",
      bag: "Add an ACM certificate and an HTTPS:443 listener to the ALB (and redirect or remove port 80), or deploy the API Gateway template (PR #207).",
    },
    clients: ["nextchat-web", "nextchat-desktop-macos", "openai-node-browser"],
    references: [{ title: "AWS: Create an HTTPS listener for your Application Load Balancer", url: "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/create-https-listener.html" }],
  },
];

const errors: CatalogEntry[] = [
  {
    id: "error-envelope-not-openai",
    severity: "warning",
    title: "Errors are not OpenAI envelopes ({request} → {status} `{contentType}`)",
    why:
      "OpenAI errors are `{\"error\":{\"message\",\"type\",\"param\",\"code\"}}`. openai-node 4.x reads only `body.error`: a FastAPI `{\"detail\":\"…\"}` " +
      "becomes \"400 status code (no body)\", and a text/plain body loses its structure; Open WebUI shows \"Server Connection Error\" unless the body has an `error` key. " +
      "The real reason is in the body the client threw away: `{body}`.",
    fix: {
      general: "Answer every error, including validation errors, 404s and upstream failures, with the OpenAI envelope and `Content-Type: application/json`.",
      bag: "Add FastAPI exception handlers for `HTTPException` and `RequestValidationError` that return `JSONResponse({\"error\":{\"message\":…,\"type\":…,\"code\":…}}, status_code=…)` (BAG's own handler returns `PlainTextResponse`).",
    },
    clients: ["openai-node", "openai-node-browser", "lobechat", "open-webui", "nextchat-web"],
    references: [openaiErrors, openaiNodeErrors, bagApp],
  },
  {
    id: "bad-request-not-400",
    severity: "warning",
    title: "{request} gets {status}, expected {expected}",
    why:
      "A body the gateway cannot use is the client's mistake and should be a 400 that says which field is wrong. A 500 hides that, and the SDKs retry 5xx twice " +
      "before failing, tripling the wait for an error that cannot succeed. Body: `{body}`.",
    fix: { general: "Parse and validate the body before calling Bedrock; answer failures with 400 and an envelope whose `param` names the field." },
    clients: sdkClients,
    references: [openaiErrors],
  },
  {
    id: "unknown-route-not-404",
    severity: "warning",
    title: "An unknown route gets {status}, not 404",
    why:
      "A client with a wrong base URL (the doubled `/v1`) must get a clear 404, or people never learn the URL is wrong. A 200 HTML page (a web app's catch-all) " +
      "is read as a broken answer; a 500 as an outage. Body: `{body}`.",
    fix: { general: "Answer paths the API does not have with 404 and an OpenAI envelope; keep web-app catch-alls off the API prefix." },
    clients: allClients,
    references: [openaiErrors],
  },
  {
    id: "wrong-method-not-405",
    severity: "info",
    title: "{request} gets {status}, expected {expected}",
    why: "A wrong method on an existing route should say so (405, or 404 as OpenAI does) in an envelope; anything else misleads whoever is debugging with curl. Body: `{body}`.",
    fix: { general: "Answer known paths called with the wrong method with 405 (and an `Allow` header) or 404, in the OpenAI envelope." },
    clients: ["curl"],
    references: [openaiErrors],
  },
  {
    id: "stack-trace-leaked",
    severity: "warning",
    title: "Error answers leak a {what} ({request})",
    why:
      "The body shows the gateway's insides: stack frames, file paths, framework names. It tells an attacker what runs where and which versions, " +
      "and tells the user nothing they can act on. Seen: `{body}`.",
    fix: { general: "Catch every exception at the edge, log it server-side, and answer a short envelope (`type: \"server_error\"`) without traces or paths." },
    clients: [],
    references: [{ title: "OWASP: Improper error handling", url: "https://owasp.org/www-community/Improper_Error_Handling" }],
  },
];

const models: CatalogEntry[] = [
  {
    id: "model-list-not-openai-shape",
    severity: "error",
    title: "`GET /models` is not an OpenAI list (status {status})",
    why:
      "Clients that discover models (Open WebUI, LobeChat, openai-node's `models.list()`) read `{\"object\":\"list\",\"data\":[{\"id\":…}]}`. " +
      "Another shape — Bedrock's `modelSummaries`, a bare array, an error — gives them an empty model list, and Open WebUI then refuses to chat. Body: `{body}`.",
    fix: { general: "Answer `GET /models` with `{\"object\":\"list\",\"data\":[{\"id\",\"object\":\"model\",\"created\",\"owned_by\"}]}`." },
    clients: ["open-webui", "lobechat", "openai-node", "openai-python"],
    references: [openaiModels],
  },
  {
    id: "model-item-malformed",
    severity: "warning",
    title: "A listed model is malformed: {problem}",
    why: "Each item of the model list needs `id`, `object: \"model\"`, `created` (unix seconds) and `owned_by`; typed clients (openai-python's pydantic models, LobeChat) drop or reject items without them. Item: `{item}`.",
    fix: { general: "Fill every field of each model item; `created` may be any fixed timestamp, `owned_by` the provider." },
    clients: ["lobechat", "openai-python"],
    references: [openaiModels],
  },
  {
    id: "model-under-test-not-listed",
    severity: "warning",
    title: "`{model}` is not in the gateway's model list",
    why:
      "Clients that pick models from `/models` (Open WebUI, LobeChat) cannot offer a model the list leaves out; old Open WebUI versions refuse to chat with an unlisted model. " +
      "Listed: {listed}.",
    fix: { general: "List every model (and inference profile) the gateway can call, by the id clients must send." },
    clients: ["open-webui", "lobechat"],
    references: [openaiModels],
  },
  {
    id: "model-retrieve-failed",
    severity: "info",
    title: "`GET /models/{model}` gets {status} for a listed model",
    why: "Some clients check a configured model with `GET /models/<id>`. Ids with `:` (`anthropic.claude-v2:1`) and `/` need a route that takes the rest of the path. Body: `{body}`.",
    fix: { general: "Serve `GET /models/<id>` for every listed id, matching the rest of the path (ids contain `:` and may contain `/`)." },
    clients: ["openai-node", "openai-python"],
    references: [openaiModels],
  },
  {
    id: "model-retrieve-unknown-not-404",
    severity: "info",
    title: "`GET /models/<unknown>` gets {status}, not a 404",
    why: "An unknown model id should be a 404 `model_not_found`; BAG (2024) answered 500, which clients read as an outage and the SDKs retry. Body: `{body}`.",
    fix: { general: "Answer unknown ids with 404 and `{\"error\":{\"code\":\"model_not_found\",…}}`.", bag: "Upgrade BAG: later versions answer 404 for unknown model ids." },
    clients: ["openai-node", "openai-python"],
    references: [openaiModels],
  },
];

const access: CatalogEntry[] = [
  {
    id: "upstream-error-as-500",
    severity: "error",
    title: "Bedrock's refusal for `{model}` is passed on as a {status}",
    why:
      "Bedrock said no with a 4xx that names the reason (access not granted, inference profile needed, IAM). The gateway turned it into {status}: clients say " +
      "\"server error\" (NextChat: \"reason unknown\"), the SDKs retry it twice, and the reason stays in a body nobody reads: `{message}`.",
    fix: {
      general: "Map Bedrock's exceptions: AccessDenied → 403, ValidationException → 400, ResourceNotFound → 404, Throttling → 429 with Retry-After; keep Bedrock's message in the envelope.",
      bag: "BAG 2024 raises `HTTPException(500, str(e))` for every boto3 error in `_invoke_bedrock`; map `e.response[\"Error\"][\"Code\"]` to the status above.",
    },
    clients: allClients,
    references: [{ title: "Amazon Bedrock runtime API: Converse errors", url: "https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_Converse.html#API_runtime_Converse_Errors" }],
  },
  {
    id: "upstream-error-not-explained",
    severity: "error",
    title: "A failing model call for `{model}` says nothing about why ({status})",
    why: "The answer carries no reason a person can act on — no Bedrock message, no wording about access, profiles or IAM. Body: `{body}`.",
    fix: { general: "Pass Bedrock's exception name and message on in the error envelope, with the matching 4xx status." },
    clients: allClients,
    references: [openaiErrors],
  },
  {
    id: "unknown-model-not-4xx",
    severity: "warning",
    title: "An unknown model id (`{model}`) gets {status}",
    why: "A model the gateway does not serve should be a 404 `model_not_found` (or a 400 that names it). A 5xx hides the typo, and the SDKs retry it. Message: `{message}`.",
    fix: { general: "Check the model id before calling Bedrock; answer unknown ids with 404 `model_not_found`." },
    clients: sdkClients,
    references: [openaiErrors],
  },
];

const limits: CatalogEntry[] = [
  {
    id: "body-limit-html-413",
    severity: "error",
    title: "A {bytes}-byte request gets an HTML {status} page",
    why:
      "Something in front of the gateway refused the body and answered HTML, not JSON. An **ALB with a Lambda target caps request bodies at 1 MB** and answers " +
      "with its own HTML page; clients then show a JSON parse error, or nothing. Long chats, pasted documents and images pass 1 MB quickly. Body: `{body}`.",
    fix: {
      general: "Put the gateway behind something with a larger body limit (API Gateway: 10 MB; a container behind the ALB) and answer oversize bodies with a JSON 413 envelope.",
      bag: "BAG on ALB → Lambda is capped at 1 MB each way; use the API Gateway or Fargate deployment for long conversations and images.",
      client: "Shorten the history (most clients have a \"context messages\" setting) or send smaller images.",
    },
    clients: ["nextchat-web", "nextchat-web-proxy", "nextchat-desktop", "openai-node", "openai-python", "lobechat", "open-webui"],
    references: [albLambda],
  },
  {
    id: "concurrent-requests-rejected",
    severity: "warning",
    title: "{failed} of {total} concurrent chats failed ({statuses})",
    why:
      "Chat clients fire several requests at once (the reply, a title summary, a second tab); a gateway that handles one at a time, or a Lambda with low reserved concurrency, " +
      "fails the rest. Retry-After: {retryAfter}. First body: `{body}`.",
    fix: {
      general: "Serve requests concurrently; when you must shed load, answer 429 with `Retry-After` (the SDKs wait and retry).",
      bag: "Check the Lambda's reserved concurrency and the account's concurrency quota; Bedrock throttling should reach clients as 429.",
    },
    clients: ["nextchat-web", "lobechat", "open-webui", "openai-node", "openai-python"],
    references: [{ title: "AWS Lambda: configuring reserved concurrency", url: "https://docs.aws.amazon.com/lambda/latest/dg/configuration-concurrency.html" }],
  },
  {
    id: "idle-timeout-cuts-generation",
    severity: "error",
    title: "A long generation was cut after {afterS} s ({status})",
    why:
      "A non-streamed answer sends no byte until the model has finished. An **ALB closes a connection idle for 60 s** (its default) and answers " +
      "an HTML 504; API Gateway REST integrations stop at 29 s. Long answers (summaries, code) then fail after a minute while short ones work. Body: `{body}`.",
    fix: {
      general: "Stream (bytes flow, so nothing is idle), or raise the idle timeout above the longest generation (ALB attribute `idle_timeout.timeout_seconds`, up to 4000 s).",
      bag: "Raise the ALB's `idle_timeout.timeout_seconds` (BAG's Lambda may run 300 s: match it), or deploy the streaming API Gateway template.",
      client: "Turn streaming on in the client.",
    },
    clients: ["nextchat-web", "nextchat-web-proxy", "openai-node", "openai-python", "lobechat", "open-webui", "curl"],
    references: [{ title: "AWS: Application Load Balancer idle timeout", url: "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/application-load-balancers.html#connection-idle-timeout" }],
  },
];

export const http: CatalogEntry[] = [...auth, ...models, ...httpChat, ...httpCors, ...access, ...errors, ...limits];
