/**
 * Conformance runner of the TypeScript client: plays clients/conformance/scenarios.json against
 * a live server through `@engram/client` (its connect helper, generated clients and ts-proto's
 * JSON mapping) and reports one line per scenario.
 *
 * Format, command line and matching rules: clients/conformance/README.md.
 * Usage: node dist-test/conformance/runner.js --address HOST:PORT --scenarios PATH
 *        [--namespace-prefix PREFIX] [--api-key KEY]
 *
 * Replies are printed with ts-proto's toJSON, which leaves out zero values like the standard
 * printers, prints enums by name and, with forceLong=number, int64 as JSON numbers (the
 * matcher takes a number or a numeric string alike).
 */
import { readFileSync } from "node:fs";

import {
  connect,
  status,
  type EngramClient,
  type ServiceError,
  AutoResolvePredictionRequest,
  AutoResolvePredictionResponse,
  BatchGetConfidenceRequest,
  BatchGetConfidenceResponse,
  BatchGetRecordsRequest,
  BatchGetRecordsResponse,
  BatchLinkRequest,
  BatchLinkResponse,
  BatchSearchRequest,
  BatchSearchResponse,
  BatchStrengthenRequest,
  BatchStrengthenResponse,
  BatchUpdateConfidenceRequest,
  BatchUpdateConfidenceResponse,
  ConfidenceServiceService,
  DeleteEmbeddingRequest,
  DeleteEmbeddingResponse,
  DeleteNamespaceRequest,
  DeleteNamespaceResponse,
  DeleteRecordRequest,
  DeleteRecordResponse,
  EmbeddingServiceService,
  EmbedRequest,
  EmbedResponse,
  GetConfidenceRequest,
  GetConfidenceResponse,
  GetErrorSummaryRequest,
  GetErrorSummaryResponse,
  GetLinkedRequest,
  GetLinkedResponse,
  GetNamespaceConfigRequest,
  GetNamespaceConfigResponse,
  GetNamespaceStatsRequest,
  GetNamespaceStatsResponse,
  GetPredictionRequest,
  GetPredictionResponse,
  GraphServiceService,
  ImportEmbeddingsRequest,
  ImportEmbeddingsResponse,
  LedgerServiceService,
  LinkRequest,
  LinkResponse,
  ListConfidenceRequest,
  ListConfidenceResponse,
  ListEdgesRequest,
  ListEdgesResponse,
  ListForgettableRecordsRequest,
  ListForgettableRecordsResponse,
  ListHighestErrorsRequest,
  ListHighestErrorsResponse,
  ListNamespacesRequest,
  ListNamespacesResponse,
  ListPredictionsRequest,
  ListPredictionsResponse,
  ListRecordsRequest,
  ListRecordsResponse,
  NamespaceServiceService,
  PropagateRequest,
  PropagateResponse,
  RecordPredictionRequest,
  RecordPredictionResponse,
  RecordServiceService,
  ReportOutcomeRequest,
  ReportOutcomeResponse,
  ResolvePredictionRequest,
  ResolvePredictionResponse,
  SearchRequest,
  SearchResponse,
  StrengthenRequest,
  StrengthenResponse,
  UnlinkRequest,
  UnlinkResponse,
  UpdateConfidenceRequest,
  UpdateConfidenceResponse,
  UpdateNamespaceConfigRequest,
  UpdateNamespaceConfigResponse,
  UpsertEmbeddingRequest,
  UpsertEmbeddingResponse,
  WeakenAllRequest,
  WeakenAllResponse,
} from "@engram/client";

const LANGUAGE = "typescript";

// ---------------------------------------------------------------------------------------------
// JSON values and the matcher

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** A key the reply does not hold (the printer left a zero value out). */
const MISSING: unique symbol = Symbol("missing");
type Actual = Json | typeof MISSING;

export class StepFailed extends Error {}

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function show(value: Actual): string {
  return value === MISSING ? "missing" : JSON.stringify(value);
}

/** Replaces `${name}` in every string of `value` (keys are left alone). */
export function substitute(value: Json, variables: Map<string, string>): Json {
  if (typeof value === "string") {
    return value.replace(/\$\{([A-Za-z0-9_]+)\}/g, (_whole, name: string) => {
      const replacement = variables.get(name);
      if (replacement === undefined) {
        throw new StepFailed(`unset variable \${${name}}`);
      }
      return replacement;
    });
  }
  if (Array.isArray(value)) {
    return value.map((item) => substitute(item, variables));
  }
  if (isObject(value)) {
    const result: JsonObject = {};
    for (const [key, item] of Object.entries(value)) {
      result[key] = substitute(item, variables);
    }
    return result;
  }
  return value;
}

/** What a printer that omits defaults leaves out: 0, false, "", [] and {}. */
function isZero(expected: Json): boolean {
  if (typeof expected === "boolean") return expected === false;
  if (typeof expected === "number") return expected === 0;
  if (typeof expected === "string") return expected === "";
  if (Array.isArray(expected)) return expected.length === 0;
  if (isObject(expected)) return Object.keys(expected).length === 0;
  return false;
}

function isMatcher(expected: Json): expected is JsonObject {
  if (!isObject(expected)) return false;
  const keys = Object.keys(expected);
  return keys.length > 0 && keys.every((key) => key.startsWith("$"));
}

/** A number, or a string holding a finite one (proto JSON prints 64-bit integers as strings). */
function asNumber(value: Actual): number | null {
  if (typeof value === "number") return value;
  if (typeof value === "string" && value.trim() !== "") {
    const number = Number(value);
    return Number.isFinite(number) ? number : null;
  }
  return null;
}

/** Throws StepFailed naming `path` when `actual` (omit-defaults proto JSON) does not match. */
export function match(expected: Json, actual: Actual, path: string, variables: Map<string, string>): void {
  if (isMatcher(expected)) {
    matchSpecial(expected, actual, path, variables);
    return;
  }
  if (actual === MISSING) {
    if (isZero(expected)) return;
    throw new StepFailed(`${path}: missing, expected ${JSON.stringify(expected)}`);
  }
  if (isObject(expected)) {
    if (!isObject(actual)) {
      throw new StepFailed(`${path}: expected an object, got ${show(actual)}`);
    }
    for (const [key, value] of Object.entries(expected)) {
      const got = Object.prototype.hasOwnProperty.call(actual, key) ? (actual[key] as Json) : MISSING;
      match(value, got, `${path}.${key}`, variables);
    }
  } else if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) {
      throw new StepFailed(`${path}: expected ${expected.length} elements, got ${show(actual)}`);
    }
    expected.forEach((want, index) => match(want, actual[index] as Json, `${path}[${index}]`, variables));
  } else if (typeof expected === "string" || typeof expected === "boolean") {
    if (actual !== expected) {
      throw new StepFailed(`${path}: expected ${JSON.stringify(expected)}, got ${show(actual)}`);
    }
  } else if (typeof expected === "number") {
    const number = asNumber(actual);
    if (number === null || !(Math.abs(number - expected) <= 1e-6 * Math.max(1, Math.abs(expected)))) {
      throw new StepFailed(`${path}: expected ${expected}, got ${show(actual)}`);
    }
  } else {
    throw new StepFailed(`${path}: unsupported expectation ${JSON.stringify(expected)}`);
  }
}

function matchSpecial(expected: JsonObject, actual: Actual, path: string, variables: Map<string, string>): void {
  if ("$absent" in expected) {
    if (actual !== MISSING) {
      throw new StepFailed(`${path}: expected absent, got ${show(actual)}`);
    }
  } else if ("$nonempty" in expected) {
    if (actual === MISSING) {
      throw new StepFailed(`${path}: missing, expected a value`);
    }
  } else if ("$capture" in expected) {
    if (actual === MISSING) {
      throw new StepFailed(`${path}: missing, expected a value to capture`);
    }
    variables.set(String(expected["$capture"]), typeof actual === "string" ? actual : JSON.stringify(actual));
  } else if ("$approx" in expected) {
    const number = asNumber(actual);
    const want = Number(expected["$approx"]);
    const tolerance = Number(expected["$tolerance"] ?? 0);
    if (number === null || !(Math.abs(number - want) <= tolerance)) {
      throw new StepFailed(`${path}: expected ${want} ± ${tolerance}, got ${show(actual)}`);
    }
  } else if ("$contains" in expected) {
    const wanted = expected["$contains"] as Json;
    if (typeof actual === "string" && typeof wanted === "string") {
      if (!actual.includes(wanted)) {
        throw new StepFailed(`${path}: ${JSON.stringify(actual)} does not contain ${JSON.stringify(wanted)}`);
      }
      return;
    }
    const items = actual === MISSING ? [] : actual;
    if (!Array.isArray(items)) {
      throw new StepFailed(`${path}: expected an array, got ${show(actual)}`);
    }
    for (const item of items) {
      try {
        match(wanted, item, path, new Map(variables));
      } catch (error) {
        if (error instanceof StepFailed) continue;
        throw error;
      }
      match(wanted, item, path, variables); // again, to keep its captures
      return;
    }
    throw new StepFailed(`${path}: no element matches ${JSON.stringify(wanted)}`);
  } else if ("$length" in expected) {
    const items = actual === MISSING ? [] : actual;
    if (!Array.isArray(items) || items.length !== expected["$length"]) {
      throw new StepFailed(`${path}: expected ${JSON.stringify(expected["$length"])} elements, got ${show(actual)}`);
    }
  } else {
    throw new StepFailed(`${path}: unknown matcher ${JSON.stringify(expected)}`);
  }
}

// ---------------------------------------------------------------------------------------------
// The contract's methods: "engram.v1.Service/Method" -> request type, reply type and call

/** What a call produced: its replies in order (as JSON), then its error if it failed. */
interface CallResult {
  replies: Json[];
  error: ServiceError | null;
}

interface Method {
  clientStreaming: boolean;
  serverStreaming: boolean;
  /** Parses the request(s) from proto JSON, makes the call and prints the replies. */
  invoke(client: EngramClient, requests: Json[]): Promise<CallResult>;
}

/** ts-proto's JSON mapping of one message type. */
interface JsonCodec<T> {
  fromJSON(object: any): T;
  toJSON(message: T): unknown;
}

/** A reply as the JSON text the printer gives, parsed back (NaN etc. are already strings). */
function print<T>(codec: JsonCodec<T>, message: T): Json {
  return JSON.parse(JSON.stringify(codec.toJSON(message))) as Json;
}

type Callback<Res> = (error: ServiceError | null, response: Res) => void;

function unary<Req, Res>(
  request: JsonCodec<Req>,
  reply: JsonCodec<Res>,
  call: (client: EngramClient, request: Req, callback: Callback<Res>) => unknown,
): Method {
  return {
    clientStreaming: false,
    serverStreaming: false,
    invoke: (client, [json]) =>
      new Promise((resolve) => {
        call(client, request.fromJSON(json), (error, response) => {
          resolve(error !== null ? { replies: [], error } : { replies: [print(reply, response)], error: null });
        });
      }),
  };
}

/** The part of a grpc-js readable call stream the runner uses. */
interface ReplyStream<Res> extends NodeJS.EventEmitter {
  on(event: "data", listener: (message: Res) => void): this;
  on(event: "error", listener: (error: ServiceError) => void): this;
  on(event: "status" | "end", listener: () => void): this;
}

/**
 * Collects a stream's replies until it has both ended (every buffered message delivered) and
 * received its status; with a non-OK status, the replies are those received before the error.
 */
function collect<Res>(stream: ReplyStream<Res>, reply: JsonCodec<Res>): Promise<CallResult> {
  return new Promise((resolve) => {
    const replies: Json[] = [];
    let error: ServiceError | null = null;
    let ended = false;
    let statusReceived = false;
    const settle = () => {
      if (ended && statusReceived) resolve({ replies, error });
    };
    stream.on("data", (message) => replies.push(print(reply, message)));
    stream.on("error", (failure) => {
      error = failure;
    });
    stream.on("end", () => {
      ended = true;
      settle();
    });
    stream.on("status", () => {
      statusReceived = true;
      settle();
    });
  });
}

function serverStream<Req, Res>(
  request: JsonCodec<Req>,
  reply: JsonCodec<Res>,
  call: (client: EngramClient, request: Req) => ReplyStream<Res>,
): Method {
  return {
    clientStreaming: false,
    serverStreaming: true,
    invoke: (client, [json]) => collect(call(client, request.fromJSON(json)), reply),
  };
}

/** The part of a grpc-js duplex call stream the runner uses. */
interface DuplexStream<Req, Res> extends ReplyStream<Res> {
  write(message: Req): boolean;
  end(): void;
}

function bidiStream<Req, Res>(
  request: JsonCodec<Req>,
  reply: JsonCodec<Res>,
  call: (client: EngramClient) => DuplexStream<Req, Res>,
): Method {
  return {
    clientStreaming: true,
    serverStreaming: true,
    invoke: (client, jsons) => {
      const messages = jsons.map((json) => request.fromJSON(json)); // parse all before calling
      const stream = call(client);
      const result = collect(stream, reply);
      for (const message of messages) stream.write(message);
      stream.end();
      return result;
    },
  };
}

type Path<Service> = Service[keyof Service] extends infer M ? (M extends { path: `/${infer Name}` } ? Name : never) : never;

/** Every method of the contract, by full name; the compiler rejects a missing or extra one. */
type MethodName =
  | Path<typeof ConfidenceServiceService>
  | Path<typeof EmbeddingServiceService>
  | Path<typeof GraphServiceService>
  | Path<typeof LedgerServiceService>
  | Path<typeof NamespaceServiceService>
  | Path<typeof RecordServiceService>;

const METHODS: { readonly [Name in MethodName]: Method } = {
  "engram.v1.ConfidenceService/UpdateConfidence": unary(UpdateConfidenceRequest, UpdateConfidenceResponse, (c, r, cb) =>
    c.confidence.updateConfidence(r, cb),
  ),
  "engram.v1.ConfidenceService/GetConfidence": unary(GetConfidenceRequest, GetConfidenceResponse, (c, r, cb) =>
    c.confidence.getConfidence(r, cb),
  ),
  "engram.v1.ConfidenceService/BatchGetConfidence": unary(BatchGetConfidenceRequest, BatchGetConfidenceResponse, (c, r, cb) =>
    c.confidence.batchGetConfidence(r, cb),
  ),
  "engram.v1.ConfidenceService/BatchUpdateConfidence": unary(BatchUpdateConfidenceRequest, BatchUpdateConfidenceResponse, (c, r, cb) =>
    c.confidence.batchUpdateConfidence(r, cb),
  ),
  "engram.v1.ConfidenceService/ListConfidence": unary(ListConfidenceRequest, ListConfidenceResponse, (c, r, cb) =>
    c.confidence.listConfidence(r, cb),
  ),

  "engram.v1.EmbeddingService/UpsertEmbedding": unary(UpsertEmbeddingRequest, UpsertEmbeddingResponse, (c, r, cb) =>
    c.embedding.upsertEmbedding(r, cb),
  ),
  "engram.v1.EmbeddingService/DeleteEmbedding": unary(DeleteEmbeddingRequest, DeleteEmbeddingResponse, (c, r, cb) =>
    c.embedding.deleteEmbedding(r, cb),
  ),
  "engram.v1.EmbeddingService/Search": serverStream(SearchRequest, SearchResponse, (c, r) => c.embedding.search(r)),
  "engram.v1.EmbeddingService/BatchSearch": serverStream(BatchSearchRequest, BatchSearchResponse, (c, r) =>
    c.embedding.batchSearch(r),
  ),
  "engram.v1.EmbeddingService/ImportEmbeddings": bidiStream(ImportEmbeddingsRequest, ImportEmbeddingsResponse, (c) =>
    c.embedding.importEmbeddings(),
  ),
  "engram.v1.EmbeddingService/Embed": unary(EmbedRequest, EmbedResponse, (c, r, cb) => c.embedding.embed(r, cb)),

  "engram.v1.GraphService/Link": unary(LinkRequest, LinkResponse, (c, r, cb) => c.graph.link(r, cb)),
  "engram.v1.GraphService/Strengthen": unary(StrengthenRequest, StrengthenResponse, (c, r, cb) => c.graph.strengthen(r, cb)),
  "engram.v1.GraphService/Unlink": unary(UnlinkRequest, UnlinkResponse, (c, r, cb) => c.graph.unlink(r, cb)),
  "engram.v1.GraphService/WeakenAll": unary(WeakenAllRequest, WeakenAllResponse, (c, r, cb) => c.graph.weakenAll(r, cb)),
  "engram.v1.GraphService/GetLinked": unary(GetLinkedRequest, GetLinkedResponse, (c, r, cb) => c.graph.getLinked(r, cb)),
  "engram.v1.GraphService/Propagate": unary(PropagateRequest, PropagateResponse, (c, r, cb) => c.graph.propagate(r, cb)),
  "engram.v1.GraphService/BatchLink": unary(BatchLinkRequest, BatchLinkResponse, (c, r, cb) => c.graph.batchLink(r, cb)),
  "engram.v1.GraphService/BatchStrengthen": unary(BatchStrengthenRequest, BatchStrengthenResponse, (c, r, cb) =>
    c.graph.batchStrengthen(r, cb),
  ),
  "engram.v1.GraphService/ListEdges": unary(ListEdgesRequest, ListEdgesResponse, (c, r, cb) => c.graph.listEdges(r, cb)),

  "engram.v1.LedgerService/RecordPrediction": unary(RecordPredictionRequest, RecordPredictionResponse, (c, r, cb) =>
    c.ledger.recordPrediction(r, cb),
  ),
  "engram.v1.LedgerService/ResolvePrediction": unary(ResolvePredictionRequest, ResolvePredictionResponse, (c, r, cb) =>
    c.ledger.resolvePrediction(r, cb),
  ),
  "engram.v1.LedgerService/AutoResolvePrediction": unary(AutoResolvePredictionRequest, AutoResolvePredictionResponse, (c, r, cb) =>
    c.ledger.autoResolvePrediction(r, cb),
  ),
  "engram.v1.LedgerService/GetPrediction": unary(GetPredictionRequest, GetPredictionResponse, (c, r, cb) =>
    c.ledger.getPrediction(r, cb),
  ),
  "engram.v1.LedgerService/ListHighestErrors": unary(ListHighestErrorsRequest, ListHighestErrorsResponse, (c, r, cb) =>
    c.ledger.listHighestErrors(r, cb),
  ),
  "engram.v1.LedgerService/GetErrorSummary": unary(GetErrorSummaryRequest, GetErrorSummaryResponse, (c, r, cb) =>
    c.ledger.getErrorSummary(r, cb),
  ),
  "engram.v1.LedgerService/ListPredictions": unary(ListPredictionsRequest, ListPredictionsResponse, (c, r, cb) =>
    c.ledger.listPredictions(r, cb),
  ),

  "engram.v1.NamespaceService/GetNamespaceConfig": unary(GetNamespaceConfigRequest, GetNamespaceConfigResponse, (c, r, cb) =>
    c.namespace.getNamespaceConfig(r, cb),
  ),
  "engram.v1.NamespaceService/UpdateNamespaceConfig": unary(UpdateNamespaceConfigRequest, UpdateNamespaceConfigResponse, (c, r, cb) =>
    c.namespace.updateNamespaceConfig(r, cb),
  ),
  "engram.v1.NamespaceService/ListNamespaces": unary(ListNamespacesRequest, ListNamespacesResponse, (c, r, cb) =>
    c.namespace.listNamespaces(r, cb),
  ),
  "engram.v1.NamespaceService/DeleteNamespace": unary(DeleteNamespaceRequest, DeleteNamespaceResponse, (c, r, cb) =>
    c.namespace.deleteNamespace(r, cb),
  ),
  "engram.v1.NamespaceService/GetNamespaceStats": unary(GetNamespaceStatsRequest, GetNamespaceStatsResponse, (c, r, cb) =>
    c.namespace.getNamespaceStats(r, cb),
  ),

  "engram.v1.RecordService/ReportOutcome": unary(ReportOutcomeRequest, ReportOutcomeResponse, (c, r, cb) =>
    c.record.reportOutcome(r, cb),
  ),
  "engram.v1.RecordService/BatchGetRecords": unary(BatchGetRecordsRequest, BatchGetRecordsResponse, (c, r, cb) =>
    c.record.batchGetRecords(r, cb),
  ),
  "engram.v1.RecordService/DeleteRecord": unary(DeleteRecordRequest, DeleteRecordResponse, (c, r, cb) =>
    c.record.deleteRecord(r, cb),
  ),
  "engram.v1.RecordService/ListForgettableRecords": unary(ListForgettableRecordsRequest, ListForgettableRecordsResponse, (c, r, cb) =>
    c.record.listForgettableRecords(r, cb),
  ),
  "engram.v1.RecordService/ListRecords": unary(ListRecordsRequest, ListRecordsResponse, (c, r, cb) =>
    c.record.listRecords(r, cb),
  ),
};

function lookup(name: unknown): Method {
  if (typeof name === "string" && Object.prototype.hasOwnProperty.call(METHODS, name)) {
    return METHODS[name as MethodName];
  }
  throw new StepFailed(`unknown method ${String(name)}`);
}

// ---------------------------------------------------------------------------------------------
// Steps and scenarios

/** The status code's name, e.g. INVALID_ARGUMENT. */
function codeName(code: number): string {
  return status[code] ?? `code ${code}`;
}

export async function runStep(client: EngramClient, step: JsonObject, variables: Map<string, string>): Promise<void> {
  const method = lookup(step["method"]);
  const expect = substitute(step["expect"] ?? {}, variables);
  if (!isObject(expect)) {
    throw new StepFailed("expect must be an object");
  }
  let requests: Json[];
  if (method.clientStreaming) {
    const list = step["requests"];
    if (!Array.isArray(list)) throw new StepFailed("a streaming step needs requests (an array)");
    requests = list.map((item) => substitute(item, variables));
  } else {
    if (!("request" in step)) throw new StepFailed("the step needs a request");
    requests = [substitute(step["request"] as Json, variables)];
  }
  for (const request of requests) {
    if (!isObject(request)) throw new StepFailed(`a request must be an object, got ${JSON.stringify(request)}`);
  }

  const { replies, error } = await method.invoke(client, requests);
  const code = codeName(error === null ? status.OK : error.code);
  const details = error === null ? "" : error.details ?? "";
  const wantStatus = expect["status"] ?? "OK";
  if (code !== wantStatus) {
    throw new StepFailed(`status ${code} (${JSON.stringify(details)}), expected ${String(wantStatus)}`);
  }
  const contains = expect["message_contains"];
  if (contains !== undefined && !details.includes(String(contains))) {
    throw new StepFailed(`status message ${JSON.stringify(details)} does not contain ${JSON.stringify(contains)}`);
  }
  if ("response" in expect) {
    if (replies.length !== 1) {
      throw new StepFailed(`expected one reply, got ${replies.length}`);
    }
    match(expect["response"] as Json, replies[0] as Json, "response", variables);
  } else if ("responses" in expect) {
    match(expect["responses"] as Json, replies, "responses", variables);
  } else if (wantStatus === "OK" && !method.serverStreaming) {
    throw new StepFailed("a successful unary step needs expect.response");
  }
}

interface Arguments {
  address: string;
  scenarios: string;
  namespacePrefix: string;
  apiKey: string | undefined;
}

const USAGE =
  "usage: runner --address HOST:PORT --scenarios PATH [--namespace-prefix PREFIX] [--api-key KEY]";

function parseArguments(argv: string[]): Arguments | string {
  const values = new Map<string, string>();
  const known = new Set(["--address", "--scenarios", "--namespace-prefix", "--api-key"]);
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index] as string;
    const equals = argument.indexOf("=");
    const flag = equals > 0 ? argument.slice(0, equals) : argument;
    if (!known.has(flag)) return `unknown argument ${argument}`;
    let value: string | undefined;
    if (equals > 0) {
      value = argument.slice(equals + 1);
    } else {
      value = argv[++index];
      if (value === undefined) return `${flag} needs a value`;
    }
    values.set(flag, value);
  }
  const address = values.get("--address");
  const scenarios = values.get("--scenarios");
  if (address === undefined) return "--address is required";
  if (scenarios === undefined) return "--scenarios is required";
  return {
    address,
    scenarios,
    namespacePrefix: values.get("--namespace-prefix") ?? `conformance-${LANGUAGE}-${process.pid}`,
    apiKey: values.get("--api-key"),
  };
}

interface Scenario {
  name: string;
  steps: JsonObject[];
}

function readScenarios(path: string): Scenario[] {
  const document = JSON.parse(readFileSync(path, "utf-8")) as Json;
  if (!isObject(document) || !Array.isArray(document["scenarios"])) {
    throw new Error("no scenarios array");
  }
  return document["scenarios"].map((scenario, index) => {
    if (!isObject(scenario) || typeof scenario["name"] !== "string" || !Array.isArray(scenario["steps"])) {
      throw new Error(`scenario ${index} needs a name and steps`);
    }
    const steps = scenario["steps"];
    if (!steps.every(isObject)) {
      throw new Error(`scenario ${scenario["name"]}: every step must be an object`);
    }
    return { name: scenario["name"], steps: steps as JsonObject[] };
  });
}

export async function main(argv: string[]): Promise<number> {
  const args = parseArguments(argv);
  if (typeof args === "string") {
    process.stderr.write(`${args}\n${USAGE}\n`);
    return 2;
  }
  let scenarios: Scenario[];
  try {
    scenarios = readScenarios(args.scenarios);
  } catch (error) {
    process.stderr.write(`cannot read ${args.scenarios}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  const client = connect({ address: args.address, apiKey: args.apiKey });
  let passed = 0;
  let failed = 0;
  try {
    for (const [index, scenario] of scenarios.entries()) {
      const variables = new Map([["ns", `${args.namespacePrefix}-${index}`]]);
      let failure: string | null = null;
      for (const [number, step] of scenario.steps.entries()) {
        try {
          await runStep(client, step, variables);
        } catch (error) {
          const reason = error instanceof Error ? error.message : String(error);
          failure = `${number} ${String(step["method"])}: ${reason}`;
          break;
        }
      }
      if (failure === null) {
        passed++;
        console.log(`ok ${scenario.name}`);
      } else {
        failed++;
        console.log(`FAIL ${scenario.name}: ${failure}`);
      }
    }
  } finally {
    client.close();
  }
  console.log(`conformance ${LANGUAGE}: ${passed} passed, ${failed} failed, ${passed + failed} total`);
  return failed === 0 ? 0 : 1;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
