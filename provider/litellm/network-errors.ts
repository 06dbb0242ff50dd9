// Failures before any HTTP answer, explained in words a Terraform user can act on.

export interface NetworkFailure {
  code?: string;
  message: string;
}

/** OpenSSL's and Node's codes for a server certificate this process does not trust. */
const certificateCodes = new Set([
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "UNABLE_TO_GET_ISSUER_CERT",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "CERT_SIGNATURE_FAILURE",
  "CERT_UNTRUSTED",
  "CERT_REJECTED",
  "CERT_HAS_EXPIRED",
  "CERT_NOT_YET_VALID",
  "INVALID_CA",
  "INVALID_PURPOSE",
  "ERR_TLS_CERT_ALTNAME_INVALID",
]);

/** Retrying cannot fix these: the certificate stays the same. */
export function isCertificateError(code: string | undefined): boolean {
  return code !== undefined && certificateCodes.has(code);
}

/** Failures that happen before anything reaches LiteLLM and that a retry meets again: the proxy setup. */
export function isProxyError(code: string | undefined): boolean {
  return code === "ERR_PROXY_CONFIG" || code === "ERR_PROXY_TUNNEL";
}

export function describeNetworkError({ code, message }: NetworkFailure): string {
  if (isCertificateError(code)) return describeCertificateError(code!, message);
  switch (code) {
    case "ECONNREFUSED":
      return "connection refused";
    case "ECONNRESET":
      return "the connection was reset before LiteLLM answered";
    case "ECONNABORTED":
    case "ETIMEDOUT":
      return "no answer within request_timeout";
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return "the host name in api_base does not resolve";
    case "ERR_RESPONSE_TOO_LARGE":
      return `${message}. Is api_base a LiteLLM proxy?`;
    case "ERR_PROXY_CONFIG":
      return `the proxy settings are unusable: ${message}. Fix HTTP_PROXY/HTTPS_PROXY, or list api_base's host in NO_PROXY`;
    case "ERR_PROXY_TUNNEL":
      return `${message}. Check HTTPS_PROXY and the proxy's credentials, or list api_base's host in NO_PROXY`;
    case "EPROTO":
    case "ERR_SSL_WRONG_VERSION_NUMBER":
      return `TLS handshake failed (${code}); is api_base https:// while the proxy speaks plain http?`;
    default:
      if (code?.startsWith("HPE_")) return `the answer is not valid HTTP/1.1 (${code}: ${message}); is something other than LiteLLM, or a broken proxy, at api_base?`;
      return code ? `${code}: ${message || "network error"}` : message || "network error";
  }
}

function describeCertificateError(code: string, message: string): string {
  const fix =
    code === "ERR_TLS_CERT_ALTNAME_INVALID"
      ? "The certificate does not name the host in api_base; use the host name the certificate was issued for."
      : code === "CERT_HAS_EXPIRED" || code === "CERT_NOT_YET_VALID"
        ? "Renew the proxy's certificate, or check this machine's clock."
        : "Set ca_cert_file (or LITELLM_CA_CERT_FILE) to the PEM file of the certificate authority that signed it, or, for testing only, insecure_skip_verify = true.";
  return `the TLS certificate of api_base is not trusted (${code}: ${message}). ${fix}`;
}
