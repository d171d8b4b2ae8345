/**
 * The connect helper against an in-process grpc-js server: API key metadata on unary and
 * streaming calls, the default deadline (none for ImportEmbeddings), retries on UNAVAILABLE
 * only for the calls the service config names.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";

import * as grpc from "@grpc/grpc-js";

import {
  ConfidenceServiceService,
  ConfidenceState,
  EmbeddingServiceService,
  GetConfidenceRequest,
  ImportEmbeddingsResponse,
  SearchRequest,
  SearchResponse,
  UpdateConfidenceRequest,
  connect,
  unary,
  type EngramClient,
} from "@engram/client";

/** What the server saw of one call. */
interface Seen {
  authorization: string | undefined;
  /** Milliseconds from the call's arrival to its deadline (Infinity when it has none). */
  remainingMs: number;
}

// A self-signed certificate for localhost and 127.0.0.1 (valid until 2126).
const FIXTURES = join(__dirname, "..", "..", "test", "fixtures");
const CERTIFICATE = join(FIXTURES, "localhost.crt");

class FakeServer {
  readonly server = new grpc.Server();
  readonly seen = new Map<string, Seen[]>();
  /** GetConfidence answers UNAVAILABLE this many times before succeeding. */
  getFailures = 0;
  address = "";

  record(method: string, call: { metadata: grpc.Metadata; getDeadline(): grpc.Deadline }): number {
    const deadline = call.getDeadline();
    const remainingMs = deadline instanceof Date ? deadline.getTime() - Date.now() : deadline - Date.now();
    const authorization = call.metadata.get("authorization")[0];
    const list = this.seen.get(method) ?? [];
    list.push({ authorization: authorization === undefined ? undefined : String(authorization), remainingMs });
    this.seen.set(method, list);
    return list.length;
  }

  async start(tls = false): Promise<void> {
    const unavailable = { code: grpc.status.UNAVAILABLE, details: "try again" };
    this.server.addService(ConfidenceServiceService, {
      getConfidence: (call: grpc.ServerUnaryCall<GetConfidenceRequest, unknown>, callback: grpc.sendUnaryData<unknown>) => {
        const attempt = this.record("GetConfidence", call);
        if (attempt <= this.getFailures) {
          callback(unavailable);
        } else {
          callback(null, { state: ConfidenceState.create({ recordId: call.request.recordId, confidence: 0.5 }) });
        }
      },
      updateConfidence: (call: grpc.ServerUnaryCall<UpdateConfidenceRequest, unknown>, callback: grpc.sendUnaryData<unknown>) => {
        this.record("UpdateConfidence", call);
        callback(unavailable);
      },
    });
    this.server.addService(EmbeddingServiceService, {
      search: (call: grpc.ServerWritableStream<SearchRequest, SearchResponse>) => {
        this.record("Search", call);
        call.write(SearchResponse.create({ recordId: "a", rank: 1 }));
        call.end();
      },
      importEmbeddings: (call: grpc.ServerDuplexStream<unknown, ImportEmbeddingsResponse>) => {
        this.record("ImportEmbeddings", call);
        call.on("data", () => undefined);
        call.on("end", () => {
          call.write(ImportEmbeddingsResponse.create({ recordsWritten: 0 }));
          call.end();
        });
      },
    });
    const port = await new Promise<number>((resolve, reject) =>
      this.server.bindAsync("127.0.0.1:0", tls ? serverTls() : grpc.ServerCredentials.createInsecure(), (error, bound) =>
        error ? reject(error) : resolve(bound),
      ),
    );
    this.address = `127.0.0.1:${port}`;
  }

  reset(): void {
    this.seen.clear();
    this.getFailures = 0;
  }
}

function serverTls(): grpc.ServerCredentials {
  const keyPair = { private_key: readFileSync(join(FIXTURES, "localhost.key")), cert_chain: readFileSync(CERTIFICATE) };
  return grpc.ServerCredentials.createSsl(null, [keyPair]);
}

function drain<T>(stream: NodeJS.ReadableStream & { on(event: "data", listener: (message: T) => void): unknown }): Promise<T[]> {
  return new Promise((resolve, reject) => {
    const messages: T[] = [];
    stream.on("data", (message: T) => messages.push(message));
    stream.on("error", reject);
    stream.on("end", () => resolve(messages));
  });
}

describe("connect", () => {
  const fake = new FakeServer();
  let engram: EngramClient;

  before(async () => {
    await fake.start();
    engram = connect({ address: fake.address, apiKey: "secret-key" });
  });
  after(() => {
    engram.close();
    fake.server.forceShutdown();
  });

  it("sends the API key and a 30 s default deadline on a unary call", async () => {
    fake.reset();
    const reply = await unary(engram.confidence, "getConfidence", GetConfidenceRequest.create({ namespace: "n", recordId: "r" }));
    assert.equal(reply.state?.recordId, "r");
    const [seen] = fake.seen.get("GetConfidence") ?? [];
    assert.equal(seen?.authorization, "Bearer secret-key");
    assert.ok(seen !== undefined && seen.remainingMs > 25_000 && seen.remainingMs <= 30_000, `remaining ${seen?.remainingMs}`);
  });

  it("keeps a deadline the caller set", async () => {
    fake.reset();
    await unary(engram.confidence, "getConfidence", GetConfidenceRequest.create({ namespace: "n", recordId: "r" }), {
      deadline: Date.now() + 5_000,
    });
    const [seen] = fake.seen.get("GetConfidence") ?? [];
    assert.ok(seen !== undefined && seen.remainingMs > 3_000 && seen.remainingMs <= 5_000, `remaining ${seen?.remainingMs}`);
  });

  it("sends the API key and the default deadline on a server stream", async () => {
    fake.reset();
    const replies = await drain<SearchResponse>(engram.embedding.search(SearchRequest.create({ namespace: "n", text: "q" })));
    assert.deepEqual(replies.map((reply) => reply.recordId), ["a"]);
    const [seen] = fake.seen.get("Search") ?? [];
    assert.equal(seen?.authorization, "Bearer secret-key");
    assert.ok(seen !== undefined && seen.remainingMs > 25_000 && seen.remainingMs <= 30_000, `remaining ${seen?.remainingMs}`);
  });

  it("gives ImportEmbeddings the API key but no deadline", async () => {
    fake.reset();
    const stream = engram.embedding.importEmbeddings();
    const replies = drain<ImportEmbeddingsResponse>(stream);
    stream.write({ namespace: "n", records: [] });
    stream.end();
    assert.equal((await replies).length, 1);
    const [seen] = fake.seen.get("ImportEmbeddings") ?? [];
    assert.equal(seen?.authorization, "Bearer secret-key");
    assert.equal(seen?.remainingMs, Infinity);
  });

  it("retries a read on UNAVAILABLE", async () => {
    fake.reset();
    fake.getFailures = 2;
    const reply = await unary(engram.confidence, "getConfidence", GetConfidenceRequest.create({ namespace: "n", recordId: "r" }));
    assert.equal(reply.state?.confidence, 0.5);
    assert.equal(fake.seen.get("GetConfidence")?.length, 3);
  });

  it("gives up on a read after four attempts", async () => {
    fake.reset();
    fake.getFailures = 10;
    await assert.rejects(
      unary(engram.confidence, "getConfidence", GetConfidenceRequest.create({ namespace: "n", recordId: "r" })),
      (error: grpc.ServiceError) => error.code === grpc.status.UNAVAILABLE,
    );
    assert.equal(fake.seen.get("GetConfidence")?.length, 4);
  });

  it("does not retry a call that adds evidence", async () => {
    fake.reset();
    await assert.rejects(
      unary(engram.confidence, "updateConfidence", UpdateConfidenceRequest.create({ namespace: "n", recordId: "r", signal: 0.9 })),
      (error: grpc.ServiceError) => error.code === grpc.status.UNAVAILABLE && error.details === "try again",
    );
    assert.equal(fake.seen.get("UpdateConfidence")?.length, 1);
  });

  it("sends no authorization without an API key, and no deadline when disabled", async () => {
    fake.reset();
    const plain = connect({ address: fake.address, defaultTimeoutMs: 0 });
    try {
      await unary(plain.confidence, "getConfidence", GetConfidenceRequest.create({ namespace: "n", recordId: "r" }));
    } finally {
      plain.close();
    }
    const [seen] = fake.seen.get("GetConfidence") ?? [];
    assert.equal(seen?.authorization, undefined);
    assert.equal(seen?.remainingMs, Infinity);
  });

  it("refuses an API key that cannot be sent as metadata", () => {
    assert.throws(() => connect({ address: fake.address, apiKey: "line\nbreak" }));
  });
});

describe("connect with TLS", () => {
  const fake = new FakeServer();

  before(() => fake.start(true));
  after(() => fake.server.forceShutdown());

  it("trusts a CA file and sends the API key", async () => {
    const engram = connect({ address: fake.address, tls: { caFile: CERTIFICATE }, apiKey: "tls-key" });
    try {
      await unary(engram.confidence, "getConfidence", GetConfidenceRequest.create({ namespace: "n", recordId: "r" }));
    } finally {
      engram.close();
    }
    const [seen] = fake.seen.get("GetConfidence") ?? [];
    assert.equal(seen?.authorization, "Bearer tls-key");
  });

  it("refuses a certificate the system roots do not trust", async () => {
    const engram = connect({ address: fake.address, tls: true, channelOptions: { "grpc.enable_retries": 0 } });
    try {
      await assert.rejects(
        unary(engram.confidence, "updateConfidence", UpdateConfidenceRequest.create({ namespace: "n", recordId: "r", signal: 1 })),
        (error: grpc.ServiceError) => error.code === grpc.status.UNAVAILABLE,
      );
    } finally {
      engram.close();
    }
    assert.equal(fake.seen.get("UpdateConfidence"), undefined);
  });
});
