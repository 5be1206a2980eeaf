import { AwsError, MESSAGES } from "./errors.js";

/**
 * Checks the request is SigV4-shaped, as the AWS front door does before any service code runs. The
 * signature itself is not verified (dummy credentials must work); the credential scope's region and service are.
 * A Bedrock API key (`Authorization: Bearer …`) is accepted too, as the real service does since 2025.
 */
const SIGV4 = /^AWS4-HMAC-SHA256 (?=.*Credential=([^/\s,]+)\/(\d{8})\/([^/\s,]+)\/([^/\s,]+)\/aws4_request)(?=.*SignedHeaders=[^\s,]+)(?=.*Signature=[0-9a-f]+)/;

export function checkAuthorization(header: string | undefined, region: string): void {
  if (!header) throw new AwsError("MissingAuthenticationTokenException", MESSAGES.missingAuth);
  if (header.startsWith("Bearer ") && header.length > "Bearer ".length) return;
  const m = SIGV4.exec(header);
  if (!m) throw new AwsError("IncompleteSignatureException", MESSAGES.incompleteSignature(header.slice(0, 24)));
  const [, , , signedRegion, service] = m;
  if (service !== "bedrock") throw new AwsError("InvalidSignatureException", MESSAGES.wrongService);
  if (signedRegion !== region) throw new AwsError("InvalidSignatureException", MESSAGES.wrongRegion);
}
