/**
 * An agent's memory loop against Engram: store memories, search them by a question, report
 * that the top hit was acted on, and read its confidence.
 * Usage: node dist-test/examples/agent.js [HOST:PORT]   (else $ENGRAM_ADDRESS, else 127.0.0.1:50051)
 */
import {
  connect,
  unary,
  GetConfidenceRequest,
  Outcome,
  ReportOutcomeRequest,
  SearchRequest,
  type SearchResponse,
  UpsertEmbeddingRequest,
} from "@engram/client";

const NAMESPACE = "example-typescript";

const MEMORIES: Record<string, string> = {
  "pref-coffee": "The user drinks their coffee black, no sugar.",
  "meeting-time": "The weekly team meeting is on Tuesdays at 10am.",
  "pet-name": "The user's dog is called Biscuit.",
  "deploy-rule": "Never deploy to production on a Friday afternoon.",
};

async function main(): Promise<void> {
  const address = process.argv[2] ?? process.env["ENGRAM_ADDRESS"] ?? "127.0.0.1:50051";
  const engram = connect({ address, apiKey: process.env["ENGRAM_API_KEY"] });
  try {
    for (const [recordId, text] of Object.entries(MEMORIES)) {
      await unary(engram.embedding, "upsertEmbedding", UpsertEmbeddingRequest.create({ namespace: NAMESPACE, recordId, text }));
    }

    const question = "What is the name of the user's dog?";
    console.log(`search: ${question}`);
    // A server stream, best first; grpc-js streams are async iterables.
    const results: AsyncIterable<SearchResponse> = engram.embedding.search(
      SearchRequest.create({ namespace: NAMESPACE, text: question, topK: 3 }));
    const hits: SearchResponse[] = [];
    for await (const hit of results) {
      hits.push(hit);
      console.log(`  ${hit.rank}. ${hit.recordId} (score ${hit.score.toFixed(3)}): ${hit.text}`);
    }
    const top = hits[0];
    if (top === undefined) throw new Error("no hits");
    console.log(`top hit: ${top.recordId}: ${top.text}`);

    await unary(engram.record, "reportOutcome",
      ReportOutcomeRequest.create({ namespace: NAMESPACE, recordIds: [top.recordId], outcome: Outcome.OUTCOME_ACTED }));
    const { state } = await unary(engram.confidence, "getConfidence",
      GetConfidenceRequest.create({ namespace: NAMESPACE, recordId: top.recordId }));
    console.log(`confidence: ${state?.confidence.toFixed(3)} after ${state?.evidenceCount} observation(s)`);
  } finally {
    engram.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
