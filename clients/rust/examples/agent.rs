//! An agent's memory loop with Engram: store memories, recall by a question, report that the
//! top memory helped, and read how much to believe it now.
//!
//! Usage: cargo run --example agent -- [HOST:PORT] (default: $ENGRAM_ADDRESS or 127.0.0.1:50051;
//! $ENGRAM_API_KEY, when set, is sent as the API key)

use engram_client::v1::{GetConfidenceRequest, Outcome, ReportOutcomeRequest, SearchRequest, UpsertEmbeddingRequest};
use engram_client::{Client, ConnectOptions};

const NAMESPACE: &str = "example-rust";
const MEMORIES: [(&str, &str); 4] = [
    ("m1", "The user prefers concise answers."),
    ("m2", "The deployment runs on Kubernetes in eu-west-1."),
    ("m3", "Tests must pass before merging to main."),
    ("m4", "The user's favourite language is Rust."),
];

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let address = std::env::args().nth(1).or_else(|| std::env::var("ENGRAM_ADDRESS").ok());
    let options = ConnectOptions {
        api_key: std::env::var("ENGRAM_API_KEY").ok(),
        ..ConnectOptions::new(address.unwrap_or_else(|| "127.0.0.1:50051".into()))
    };
    let mut engram = Client::connect(options).await?;

    let mut token = String::new();
    for (record_id, text) in MEMORIES {
        let request = UpsertEmbeddingRequest {
            namespace: NAMESPACE.into(),
            record_id: record_id.into(),
            text: text.into(),
            ..Default::default()
        };
        token = engram.embedding.upsert_embedding(request).await?.into_inner().consistency_token;
    }

    let question = "Where is the service deployed?";
    let request = SearchRequest {
        namespace: NAMESPACE.into(),
        text: question.into(),
        top_k: Some(3),
        consistency_token: token,
        ..Default::default()
    };
    let mut results = engram.embedding.search(request).await?.into_inner();
    let mut hits = Vec::new();
    while let Some(hit) = results.message().await? {
        hits.push(hit);
    }
    println!("question: {question}");
    for hit in &hits {
        println!("  {}. {} score={:.3} {}", hit.rank, hit.record_id, hit.score, hit.text);
    }
    let top = hits.first().ok_or("no hit")?;
    println!("top hit: {} {}", top.record_id, top.text);

    let outcome = ReportOutcomeRequest {
        namespace: NAMESPACE.into(),
        record_ids: vec![top.record_id.clone()],
        outcome: Outcome::Acted.into(),
    };
    engram.record.report_outcome(outcome).await?;
    let request = GetConfidenceRequest { namespace: NAMESPACE.into(), record_id: top.record_id.clone() };
    let state = engram.confidence.get_confidence(request).await?.into_inner().state.unwrap_or_default();
    println!("confidence: {:.3} after {} observations", state.confidence, state.evidence_count);
    Ok(())
}
