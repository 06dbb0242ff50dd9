// undici's failures with the codes the retry logic and its wording rely on (http.ts, network-errors.ts):
// Node's socket codes where undici has its own (ECONNRESET for a connection closed mid-answer, ECONNABORTED
// for a timeout), llhttp's HPE_ codes for answers that are not valid HTTP/1.1.

/** A transport failure: a message and a code, never the request (its headers hold the master key). */
export class TransportError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

export function transportError(e: unknown): TransportError {
  if (e instanceof TransportError) return e;
  const err = (e ?? {}) as Error & { code?: unknown; name?: string };
  const message = typeof err.message === "string" ? err.message : String(e);
  const code = typeof err.code === "string" ? err.code : undefined;
  // undici's HTTPParserError carries llhttp's reason in the message; its code is often missing.
  if (err.name === "HTTPParserError") return new TransportError(message.replace(/^Response does not match the HTTP\/1\.1 protocol \((.*)\)$/, "$1"), code ?? "HPE_INVALID_RESPONSE");
  switch (code) {
    case "UND_ERR_SOCKET":
      // "other side closed": the server closed (or reset) the connection before its answer was whole.
      return new TransportError(message === "other side closed" ? "the connection closed before the whole answer arrived" : `the answer is not valid HTTP/1.1 (${message})`, message === "other side closed" ? "ECONNRESET" : "HPE_INVALID_RESPONSE");
    case "UND_ERR_RES_CONTENT_LENGTH_MISMATCH":
      // undici reports any framing error llhttp finds after a Content-Length this way, Transfer-Encoding
      // with Content-Length among them (RFC 9112 §6.3: ambiguous, a request smuggling vector).
      return new TransportError("the answer's framing is invalid: its body does not match its Content-Length, or it also has Transfer-Encoding", "HPE_INVALID_CONTENT_LENGTH");
    case "UND_ERR_CONNECT_TIMEOUT":
      return new TransportError("connecting timed out", "ETIMEDOUT");
    case "UND_ERR_HEADERS_TIMEOUT":
    case "UND_ERR_BODY_TIMEOUT":
      return new TransportError(message, "ECONNABORTED");
    case "UND_ERR_RES_EXCEEDED_MAX_SIZE":
      return new TransportError(message, "ERR_RESPONSE_TOO_LARGE");
    case "UND_ERR_HEADERS_OVERFLOW":
      return new TransportError("the answer's headers are too large", "HPE_HEADER_OVERFLOW");
    case "UND_ERR_ABORTED":
      // A CONNECT the proxy refused: "Proxy response (407) !== 200 when HTTP Tunneling".
      if (/^Proxy response \((\d+)\)/.test(message)) return new TransportError(`the proxy refused the tunnel to api_base (HTTP ${/\((\d+)\)/.exec(message)![1]})`, "ERR_PROXY_TUNNEL");
      return new TransportError(message, "ECONNRESET");
    case "UND_ERR_INVALID_ARG":
      return new TransportError(message, "ERR_INVALID_ARG");
    default:
      return new TransportError(message, code ?? "ECONNRESET");
  }
}
