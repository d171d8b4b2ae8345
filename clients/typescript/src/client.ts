/**
 * Connecting to Engram: one channel carrying the API key, the default deadline and the retry
 * policy, shared by the six generated service clients.
 *
 * Errors are grpc-js's own: a failed call reports a `ServiceError` whose `code` is the status
 * (`grpc.status.INVALID_ARGUMENT` names the offending field in `details`).
 */
import { readFileSync } from "node:fs";
import * as grpc from "@grpc/grpc-js";

import serviceConfig from "./service-config.json";
import { ConfidenceServiceClient } from "./gen/engram/v1/confidence";
import { EmbeddingServiceClient } from "./gen/engram/v1/embedding";
import { GraphServiceClient } from "./gen/engram/v1/graph";
import { LedgerServiceClient } from "./gen/engram/v1/ledger";
import { NamespaceServiceClient } from "./gen/engram/v1/namespace";
import { RecordServiceClient } from "./gen/engram/v1/record";

/** Milliseconds given to a call made without a deadline. */
export const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * The gRPC service config shared by every Engram client (`clients/service-config.json`, copied
 * here by `make generate`): retries on UNAVAILABLE for calls that only read or can be repeated
 * without changing the result.
 */
export const SERVICE_CONFIG: string = JSON.stringify(serviceConfig);

/** The largest message the server accepts or sends (16 MiB); grpc-js's default is 4 MiB. */
const MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

// A bulk stream runs as long as its input: it gets no default deadline.
const NO_DEFAULT_DEADLINE: ReadonlySet<string> = new Set(["/engram.v1.EmbeddingService/ImportEmbeddings"]);

/** TLS settings; `tls: true` is TLS with the system's (Node's) root certificates. */
export interface TlsOptions {
  /** A PEM file of the certificate authorities to trust instead of the system roots. */
  caFile?: string;
  /** PEM certificate authorities to trust instead of the system roots (wins over caFile). */
  rootCerts?: Buffer;
  /** Mutual TLS: the client's private key (PEM); needs certChain. */
  privateKey?: Buffer;
  /** Mutual TLS: the client's certificate chain (PEM); needs privateKey. */
  certChain?: Buffer;
}

/** Options of {@link connect}. */
export interface ConnectOptions {
  /** `host:port` of an Engram server, e.g. `127.0.0.1:50051`. */
  address: string;
  /** Sent as `authorization: Bearer <key>` metadata on every call, unary and streaming. */
  apiKey?: string;
  /** TLS (`true` or settings); plaintext when absent or false (local development). */
  tls?: boolean | TlsOptions;
  /**
   * Deadline, in milliseconds from the start of the call, given to a call made without a
   * `deadline` option (default 30 000; 0 gives none). ImportEmbeddings never gets one.
   */
  defaultTimeoutMs?: number;
  /** Extra grpc-js channel options; they override the defaults set here. */
  channelOptions?: grpc.ChannelOptions;
  /** Extra client interceptors, run after the API key and deadline interceptors. */
  interceptors?: grpc.Interceptor[];
}

/** The six Engram services over one channel. Call {@link EngramClient.close} when done. */
export interface EngramClient {
  readonly confidence: ConfidenceServiceClient;
  readonly embedding: EmbeddingServiceClient;
  readonly graph: GraphServiceClient;
  readonly ledger: LedgerServiceClient;
  readonly namespace: NamespaceServiceClient;
  readonly record: RecordServiceClient;
  /** The shared channel. */
  readonly channel: grpc.Channel;
  /** Closes the channel; calls in flight are cancelled. */
  close(): void;
}

/**
 * Opens a channel to Engram at `options.address` and returns the six service clients on it.
 * The channel connects lazily, on the first call.
 */
export function connect(options: ConnectOptions): EngramClient {
  const channel = new grpc.Channel(options.address, channelCredentials(options.tls), {
    "grpc.service_config": SERVICE_CONFIG,
    // The config above is the client's: a DNS TXT record must not replace it.
    "grpc.service_config_disable_resolution": 1,
    "grpc.enable_retries": 1,
    "grpc.max_receive_message_length": MAX_MESSAGE_BYTES,
    "grpc.max_send_message_length": MAX_MESSAGE_BYTES,
    ...options.channelOptions,
  });
  const interceptors: grpc.Interceptor[] = [];
  if (options.apiKey !== undefined && options.apiKey !== "") {
    interceptors.push(apiKeyInterceptor(options.apiKey));
  }
  const timeoutMs = options.defaultTimeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (timeoutMs > 0) {
    interceptors.push(defaultDeadlineInterceptor(timeoutMs));
  }
  interceptors.push(...(options.interceptors ?? []));

  // Every client uses the one channel; the address and credentials below are then unused.
  const clientOptions: Partial<grpc.ClientOptions> = { channelOverride: channel, interceptors };
  const unused = grpc.credentials.createInsecure();
  return {
    confidence: new ConfidenceServiceClient(options.address, unused, clientOptions),
    embedding: new EmbeddingServiceClient(options.address, unused, clientOptions),
    graph: new GraphServiceClient(options.address, unused, clientOptions),
    ledger: new LedgerServiceClient(options.address, unused, clientOptions),
    namespace: new NamespaceServiceClient(options.address, unused, clientOptions),
    record: new RecordServiceClient(options.address, unused, clientOptions),
    channel,
    close: () => channel.close(),
  };
}

function channelCredentials(tls: boolean | TlsOptions | undefined): grpc.ChannelCredentials {
  if (tls === undefined || tls === false) {
    return grpc.credentials.createInsecure();
  }
  const settings: TlsOptions = tls === true ? {} : tls;
  const rootCerts = settings.rootCerts ?? (settings.caFile !== undefined ? readFileSync(settings.caFile) : null);
  return grpc.credentials.createSsl(rootCerts, settings.privateKey ?? null, settings.certChain ?? null);
}

/**
 * Adds `authorization: Bearer <key>` to every call's metadata. An interceptor, not call
 * credentials: grpc-js sends call credentials over TLS only, and the key must go in plaintext
 * too (local development, a TLS-terminating proxy).
 */
export function apiKeyInterceptor(apiKey: string): grpc.Interceptor {
  const value = `Bearer ${apiKey}`;
  new grpc.Metadata().set("authorization", value); // throws now on a key that is not legal metadata
  return (options, nextCall) =>
    new grpc.InterceptingCall(nextCall(options), {
      start(metadata, listener, next) {
        metadata.set("authorization", value);
        next(metadata, listener);
      },
    });
}

/**
 * Gives a call made without a `deadline` option one `timeoutMs` after it starts; leaves
 * ImportEmbeddings alone. A caller wanting no deadline passes `{ deadline: Infinity }`.
 */
export function defaultDeadlineInterceptor(timeoutMs: number): grpc.Interceptor {
  return (options, nextCall) => {
    if (options.deadline === undefined && !NO_DEFAULT_DEADLINE.has(options.method_definition.path)) {
      return new grpc.InterceptingCall(nextCall({ ...options, deadline: Date.now() + timeoutMs }));
    }
    return new grpc.InterceptingCall(nextCall(options));
  };
}

/** A generated unary method: `(request, metadata, options, callback)`. */
type UnaryMethod<Req, Res> = (
  request: Req,
  metadata: grpc.Metadata,
  options: Partial<grpc.CallOptions>,
  callback: (error: grpc.ServiceError | null, response: Res) => void,
) => grpc.ClientUnaryCall;

/** The names of a client's unary methods (those whose last overload takes a callback). */
export type UnaryMethodName<C> = {
  [K in keyof C]: C[K] extends UnaryMethod<any, any>
    ? Parameters<C[K]> extends [any, any, any, (error: grpc.ServiceError | null, response: any) => void]
      ? K
      : never
    : never;
}[keyof C];

type RequestOf<M> = M extends UnaryMethod<infer Req, any> ? Req : never;
type ResponseOf<M> = M extends UnaryMethod<any, infer Res> ? Res : never;

/**
 * A unary call as a promise, for `await`:
 * `await unary(engram.confidence, "getConfidence", GetConfidenceRequest.create({...}))`.
 * Rejects with the call's `ServiceError`.
 */
export function unary<C extends grpc.Client, K extends UnaryMethodName<C>>(
  client: C,
  method: K,
  request: RequestOf<C[K]>,
  options: Partial<grpc.CallOptions> = {},
  metadata: grpc.Metadata = new grpc.Metadata(),
): Promise<ResponseOf<C[K]>> {
  const stub = client[method] as unknown as UnaryMethod<RequestOf<C[K]>, ResponseOf<C[K]>>;
  return new Promise((resolve, reject) => {
    stub.call(client, request, metadata, options, (error, response) => {
      if (error !== null) {
        reject(error);
      } else {
        resolve(response);
      }
    });
  });
}
