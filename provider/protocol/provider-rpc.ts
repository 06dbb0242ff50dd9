// tfplugin6.Provider: decodes each request, calls the ProviderService, encodes the answer.
// Works on bytes so that it can be tested without a socket; server.ts puts it behind the gRPC server.

import type { Logger } from "../log";
import { messageCodec, type MessageCodec } from "./message-codec";
import { serviceMethods } from "./proto-types";
import { errorMessage, unexpectedErrorDiagnostic } from "./rpc-failure";
import type { ProviderMethodName, ProviderService } from "./gen/tfplugin6";

export const PROVIDER_SERVICE = "tfplugin6.Provider";

export interface ProviderRpc {
  /** The proto method names this service answers; any other method is UNIMPLEMENTED. */
  readonly methods: readonly string[];
  invoke(method: string, request: Uint8Array): Promise<Buffer>;
}

interface MethodCodecs {
  request: MessageCodec;
  response: MessageCodec;
}

export function createProviderRpc(service: ProviderService, logger: Logger): ProviderRpc {
  const types = new Map<string, { request: string; response: string }>();
  for (const method of serviceMethods(PROVIDER_SERVICE)) {
    if (typeof (service as unknown as Record<string, unknown>)[method.name] !== "function") continue;
    types.set(method.name, { request: method.requestType, response: method.responseType });
  }
  // Built on a method's first call: a provider process serves only a few of them.
  const codecs = new Map<string, MethodCodecs>();
  const codecsFor = (method: string): MethodCodecs | undefined => {
    let c = codecs.get(method);
    const t = c ? undefined : types.get(method);
    if (t) codecs.set(method, (c = { request: messageCodec(t.request), response: messageCodec(t.response) }));
    return c;
  };
  const tracing = logger.enabled("trace");
  let requestCount = 0;

  async function invoke(method: string, requestBytes: Uint8Array): Promise<Buffer> {
    const c = codecsFor(method);
    if (!c) throw new Error(`method ${method} is not implemented`);
    const id = ++requestCount;
    // Without trace logging (the usual case) the per-call logger and timer are only made when a call fails.
    const callLog = () => logger.with({ tf_rpc: method, tf_req_id: id });
    const log = tracing ? callLog() : logger;
    const started = tracing ? performance.now() : 0;
    if (tracing) log.trace("Received request");
    let response: unknown;
    try {
      const request = c.request.decode(requestBytes);
      response = await (service[method as ProviderMethodName] as (req: unknown) => Promise<unknown>).call(service, request);
    } catch (e) {
      response = failureResponse(method, c.response, e, tracing ? log : callLog());
    }
    let out: Buffer;
    try {
      out = c.response.encode(response);
    } catch (e) {
      out = c.response.encode(failureResponse(method, c.response, e, tracing ? log : callLog()));
    }
    if (tracing) log.trace("Served request", { tf_req_duration_ms: Math.round((performance.now() - started) * 1000) / 1000 });
    return out;
  }

  return { methods: [...types.keys()], invoke };
}

/** Builds the answer for a handler that threw; rethrows only when the response has no error field. */
function failureResponse(method: string, response: MessageCodec, e: unknown, log: Logger): unknown {
  log.error("Provider RPC failed", { error: errorMessage(e), stack: e instanceof Error ? stackFrames(e) : undefined });
  if (response.hasDiagnostics) return { diagnostics: [unexpectedErrorDiagnostic(method, e)] };
  if (response.info.byName.has("Error")) return { Error: errorMessage(e) }; // StopProvider.Response
  throw e;
}

function stackFrames(e: Error): string | undefined {
  return e.stack?.split("\n").slice(1, 8).join("\n");
}
