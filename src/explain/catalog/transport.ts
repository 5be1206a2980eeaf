import type { CatalogEntry } from "../types.js";

/**
 * Transport-level causes: the harness emits these itself (src/harness/transport-findings.ts), from the
 * named failure of an exchange, so every check that hit one says so without writing code for it.
 *
 * Ids and what triggers them (fixtures/gateways/hostile-* assert these):
 *   target-dns-not-found        the host name does not resolve                       (exit 3 at the probe)
 *   target-connection-refused   nothing listens on the port                          (exit 3 at the probe)
 *   target-connect-timeout      TCP/TLS connect never completes                      (exit 3 at the probe)
 *   target-tls-failed           TLS handshake or certificate rejected                (exit 3 at the probe)
 *   target-invalid-url          the URL cannot be requested
 *   target-headers-timeout      connected, but no response headers (silent server)
 *   target-body-timeout         headers came, the body never finished (endless or stalled stream)
 *   target-connection-reset     the server closed the connection mid-response
 *   target-protocol-error       the bytes are not valid HTTP (or a body cannot be decoded)
 *   target-redirects            3xx on the same origin: not followed (clients turn POST into GET)
 *   redirect-to-other-host      3xx to another origin: not followed, the key is never sent there
 *   response-too-large          body (or headers) past the cap: reading stopped, socket closed
 *   response-decompression-bomb a compressed body that inflates past the cap
 *   response-html-not-json      an HTML page where the API should answer JSON (a proxy / front answered)
 *   response-invalid-utf8       a body that is not valid UTF-8
 *   base-url-missing-v1         the typed base 404s, the same base + `/v1` answers
 *   base-url-extra-v1           the typed base 404s, the same base − `/v1` answers
 *   base-url-not-found          neither the typed base nor its `/v1` neighbour serves `/models`
 *   check-timed-out             a check outlived its deadline (aborted; the run went on)
 *   check-crashed               a check threw (a bagcheck bug or a response it did not expect)
 */
const undiciErrors = { title: "undici errors (connect, headers, body timeouts)", url: "https://undici.nodejs.org/#/docs/api/Errors" };
const albTimeout = { title: "AWS: ALB connection idle timeout", url: "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/application-load-balancers.html#connection-idle-timeout" };
const albLambda = { title: "AWS: Lambda functions as ALB targets (1 MB limit, HTML error pages)", url: "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/lambda-functions.html" };
const fetchRedirect = { title: "Fetch standard: HTTP-redirect fetch (POST → GET on 301/302/303)", url: "https://fetch.spec.whatwg.org/#http-redirect-fetch" };
const openaiBase = { title: "OpenAI API reference: base URL and paths", url: "https://platform.openai.com/docs/api-reference/introduction" };

const everyClient = ["nextchat-web", "nextchat-desktop", "openai-node", "openai-node-browser", "openai-python", "lobechat", "open-webui", "curl"];

export const transport: CatalogEntry[] = [
  {
    id: "target-dns-not-found",
    severity: "error",
    title: "The host {host} does not resolve",
    why: "The name in the URL has no DNS record reachable from here (`{detail}`). Nothing was sent; no client can reach the gateway under this name either.",
    fix: {
      general: "Check the host name for typos, and that it resolves where the client runs (`nslookup {host}`). A private ALB resolves only inside its VPC.",
      bag: "Use the `APIBaseUrl` output of the CloudFormation stack as is; an internal ALB is reachable only from inside the VPC.",
    },
    clients: everyClient,
    references: [undiciErrors],
  },
  {
    id: "target-connection-refused",
    severity: "error",
    title: "Nothing accepts connections at {host}",
    why: "The TCP connection was refused (`{detail}`): no process listens on that port, or a firewall rejects it. The gateway is down, or the URL has the wrong port or scheme (https on an http-only listener).",
    fix: {
      general: "Check the port and scheme in the URL and that the gateway is running (`curl -v {url}`).",
      bag: "BAG's ALB listens on HTTP port 80 only: use `http://`, not `https://`, unless you added an HTTPS listener.",
    },
    clients: everyClient,
    references: [undiciErrors],
  },
  {
    id: "target-connect-timeout",
    severity: "error",
    title: "Connecting to {host} timed out",
    why: "The TCP/TLS connection never completed (`{detail}`). Packets are dropped on the way: a security group or network ACL without the client's address, a private load balancer, or a host that is off.",
    fix: {
      general: "Allow inbound traffic from where the client runs to the gateway's port, or use an address reachable from here.",
      bag: "The ALB's security group must allow TCP 80 (and 443 if added) from the clients' addresses; an `internal` ALB is not reachable from the internet.",
    },
    clients: everyClient,
    references: [undiciErrors],
  },
  {
    id: "target-tls-failed",
    severity: "error",
    title: "The TLS handshake with {host} failed",
    why: "The server's certificate was rejected or the handshake failed (`{detail}`): self-signed or expired certificate, a name mismatch, or https spoken to an http port. Browsers and SDKs refuse it the same way.",
    fix: {
      general: "Serve a certificate valid for {host} (ACM on the load balancer), or use `http://` if the listener is plain HTTP.",
    },
    clients: everyClient,
    references: [undiciErrors],
  },
  {
    id: "target-invalid-url",
    severity: "error",
    title: "The URL {url} cannot be requested",
    why: "The URL is not something an HTTP client can send (`{detail}`).",
    fix: { general: "Pass the gateway's base URL, e.g. `http://<alb-dns>/api/v1`." },
    clients: [],
    references: [openaiBase],
  },
  {
    id: "target-headers-timeout",
    severity: "error",
    title: "{host} accepted the connection but never answered",
    why: "The request reached the server but no response headers came back in time (`{detail}`). A gateway that hangs like this makes every client wait and then fail with a network error: an upstream call that never returns, a Lambda that runs to its timeout, or a load balancer with no healthy target.",
    fix: {
      general: "Look at the gateway's logs for this request; make upstream calls time out and answer an error envelope instead of hanging.",
      bag: "Check the Lambda's logs and duration (timeout 300 s): a Bedrock call in a region where the model is not enabled, or a missing VPC endpoint/NAT for a Lambda in a VPC, hangs until the timeout.",
    },
    clients: everyClient,
    references: [undiciErrors, albTimeout],
  },
  {
    id: "target-body-timeout",
    severity: "error",
    title: "The response from {host} never finished",
    why: "Headers arrived, but the body did not end in time (`{detail}`): a stream that never sends `[DONE]` and never closes, or a body that stalls. Clients that wait for the end show a spinner forever, or cut it at their own timeout.",
    fix: {
      general: "End every stream: send `data: [DONE]` and close the response, also after an upstream error (send an error event first).",
      bag: "An exception inside the streaming generator must still end the stream; behind an ALB the idle timeout (60 s default) cuts long generations.",
    },
    clients: everyClient,
    references: [undiciErrors, albTimeout],
  },
  {
    id: "target-connection-reset",
    severity: "error",
    title: "{host} closed the connection in the middle of the response",
    why: "The connection was reset or closed before the response was complete (`{detail}`). Typical causes: the process crashed, a proxy idle timeout, or a Content-Length that does not match the body.",
    fix: { general: "Check the gateway's logs for a crash at this request; keep proxy idle timeouts above the longest generation." },
    clients: everyClient,
    references: [undiciErrors, albTimeout],
  },
  {
    id: "target-protocol-error",
    severity: "error",
    title: "{host} did not speak valid HTTP",
    why: "The response could not be parsed or decoded (`{detail}`): malformed status line or headers, or a body whose `Content-Encoding` does not match its bytes. Every HTTP client rejects it.",
    fix: { general: "Make sure the port serves HTTP (not another protocol) and that compressed bodies are encoded as their `Content-Encoding` says." },
    clients: everyClient,
    references: [undiciErrors],
  },
  {
    id: "target-redirects",
    severity: "warning",
    title: "{url} answers with a {status} redirect to {location}",
    why: "bagcheck does not follow redirects. Clients do, but on a 301/302/303 they turn the `POST` into a `GET` without a body, so a chat request becomes a request the gateway rejects. Typical: an HTTP listener that redirects to HTTPS.",
    fix: {
      general: "Give clients the final URL (`{location}` without the endpoint path) so no redirect happens; if a redirect must stay, use 307/308, which keep the method.",
      client: "Enter the base URL the redirect points to.",
    },
    clients: everyClient,
    references: [fetchRedirect],
  },
  {
    id: "redirect-to-other-host",
    severity: "error",
    title: "{url} redirects to another host: {location}",
    why: "The gateway sent a {status} to a different origin. bagcheck did not follow it and never sends the API key to another host. Browsers and SDKs drop the `Authorization` header on a cross-origin redirect (and turn POST into GET on 301/302), so the request arrives unauthenticated — or the key goes somewhere it should not.",
    fix: {
      general: "Point clients at the final host directly; a gateway should not redirect API calls at all.",
      client: "Use the host the redirect points to as the base URL, if you trust it.",
    },
    clients: everyClient,
    references: [fetchRedirect],
  },
  {
    id: "response-too-large",
    severity: "error",
    title: "The response from {host} was too large ({bytes} bytes read before stopping)",
    why: "The body (or its headers) went past bagcheck's cap (`{detail}`), so reading stopped and the connection was closed. An API answer to a small probe should be small; an endless or huge body exhausts a client's memory or hangs it.",
    fix: { general: "Bound what the gateway returns: cap `max_tokens`, paginate lists, and never stream without end." },
    clients: everyClient,
    references: [albLambda],
  },
  {
    id: "response-decompression-bomb",
    severity: "error",
    title: "A compressed response from {host} inflates past the cap",
    why: "The server sent a `Content-Encoding` body that decompresses to more than bagcheck's cap (`{detail}`), a few KB on the wire and gigabytes in memory. bagcheck asked for no compression; a gateway should not compress unasked, and never to this ratio.",
    fix: { general: "Compress only when the request's `Accept-Encoding` allows it, and only real content." },
    clients: everyClient,
    references: [],
  },
  {
    id: "response-html-not-json",
    severity: "error",
    title: "{url} answered an HTML page ({status}) where the API answers JSON",
    why: "An HTML page means something in front of the gateway answered — a load balancer (ALB 502/503/504, 413 for bodies over 1 MB behind Lambda), a CDN, a login page or a framework's default error page — not the OpenAI-compatible code. SDKs fail to parse it and show a generic error; NextChat shows the raw HTML as the reply.",
    fix: {
      general: "Answer every error with the OpenAI envelope `{\"error\":{\"message\",\"type\",\"code\"}}` and `Content-Type: application/json`; find which layer produced the page (it came as `{contentType}`; its `Server` header names the layer).",
      bag: "ALB → Lambda answers HTML for bodies over 1 MB (413/502) and timeouts (504): keep requests small, or move to API Gateway + Lambda response streaming.",
    },
    clients: everyClient,
    references: [albLambda],
  },
  {
    id: "response-invalid-utf8",
    severity: "warning",
    title: "{url} sent bytes that are not valid UTF-8",
    why: "JSON and SSE must be UTF-8. Invalid bytes turn into U+FFFD (�) in clients that decode leniently and break strict parsers; typically a gateway that cuts a multi-byte character between two stream chunks, or re-encodes with the wrong charset.",
    fix: { general: "Encode as UTF-8 and split streamed text only between characters (decode upstream bytes with a streaming UTF-8 decoder)." },
    clients: ["openai-python", "openai-node", "lobechat"],
    references: [],
  },
  {
    id: "base-url-missing-v1",
    severity: "warning",
    title: "The base {given} is missing `/v1`: the gateway answers at {working}",
    why: "`{given}/models` answered {status}, while `{working}/models` answers. SDK-style clients (openai-node, openai-python, LobeChat, Open WebUI) append only `/chat/completions` to the base, so with `{given}` they get 404s. Clients that append `v1/` themselves (NextChat) do want `{given}`.",
    fix: {
      general: "Give SDK-style clients `{working}`; give NextChat-style clients (which add `/v1`) `{given}`.",
      bag: "BAG serves under `/api/v1`: `http://<alb>/api/v1` for SDKs, `http://<alb>/api` for NextChat.",
      client: "Enter `{working}` as the base URL (API host) in SDK-style clients.",
    },
    clients: ["openai-node", "openai-node-browser", "openai-python", "lobechat", "open-webui", "curl"],
    references: [openaiBase],
  },
  {
    id: "base-url-extra-v1",
    severity: "warning",
    title: "The base {given} has a `/v1` the gateway does not serve: it answers at {working}",
    why: "`{given}/models` answered {status}, while `{working}/models` answers. The gateway's routes are not under `/v1`, so clients given `{given}` call paths that do not exist.",
    fix: {
      general: "Give clients `{working}`, or serve the routes under `/v1` as well.",
      client: "Enter `{working}` as the base URL.",
    },
    clients: everyClient,
    references: [openaiBase],
  },
  {
    id: "base-url-not-found",
    severity: "error",
    title: "No OpenAI API found at {given}",
    why: "`{given}/models` answered {status}, and so did the same base with `/v1` added or removed. Either the path is wrong (BAG serves under `/api/v1`, most gateways under `/v1`) or the gateway does not implement `GET /models`.",
    fix: {
      general: "Pass the base URL clients should use — the part before `/chat/completions` — e.g. `http://<alb-dns>/api/v1` for BAG.",
      bag: "Use the stack output `APIBaseUrl`; if `API_ROUTE_PREFIX` was changed, the base is `http://<alb>` + that prefix.",
    },
    clients: everyClient,
    references: [openaiBase],
  },
  {
    id: "check-timed-out",
    severity: "error",
    title: "The check {check} did not finish within {timeoutMs} ms",
    why: "bagcheck aborts a check that outlives its deadline and moves on. The gateway kept it waiting: a response that never completes, or one slow call after another.",
    fix: { general: "See the check's evidence for the request that was still open; raise `--timeout` only if the gateway is slow by design." },
    clients: [],
    references: [],
  },
  {
    id: "check-crashed",
    severity: "warning",
    title: "The check {check} stopped with an error: {error}",
    why: "The check threw instead of returning a result, usually because the response had a shape it did not expect. The run went on; the evidence shows what came back.",
    fix: { general: "Read the evidence; if the gateway's answer is valid, this is a bagcheck bug — please report it with the JSON report." },
    clients: [],
    references: [],
  },
];
