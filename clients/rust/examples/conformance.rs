//! Conformance runner of the Rust client: plays clients/conformance/scenarios.json against a
//! live server through `engram_client` (its connect helper, the generated tonic stubs and the
//! pbjson proto3 JSON mapping) and reports one line per scenario.
//!
//! Format, command line and matching rules: clients/conformance/README.md.
//! Usage: conformance --address HOST:PORT --scenarios PATH [--namespace-prefix P] [--api-key K]

use std::collections::HashMap;
use std::future::Future;
use std::pin::Pin;
use std::process::ExitCode;

use engram_client::{v1, Client, ConnectOptions};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;
use tonic::{Code, Status};

type Vars = HashMap<String, String>;
type Failure = String;

/// What a call gave: the replies received, then the error that ended it, if any.
struct Outcome {
    replies: Vec<Value>,
    error: Option<Status>,
}

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Unary,
    ServerStreaming,
    BidiStreaming,
}

type Call = fn(Client, Value) -> Pin<Box<dyn Future<Output = Result<Outcome, Failure>>>>;

fn parse<T: DeserializeOwned>(request: Value) -> Result<T, Failure> {
    serde_json::from_value(request).map_err(|e| format!("request: {e}"))
}

/// The reply in proto3 JSON, defaults left out (pbjson's printer).
fn to_json<T: Serialize>(message: &T) -> Value {
    serde_json::to_value(message).expect("a message prints as JSON")
}

macro_rules! unary {
    ($service:ident . $method:ident($request:ident)) => {
        (
            Kind::Unary,
            (|mut client: Client, request: Value| {
                Box::pin(async move {
                    let request: v1::$request = parse(request)?;
                    Ok(match client.$service.$method(request).await {
                        Ok(reply) => Outcome { replies: vec![to_json(reply.get_ref())], error: None },
                        Err(status) => Outcome { replies: vec![], error: Some(status) },
                    })
                }) as Pin<Box<dyn Future<Output = _>>>
            }) as Call,
        )
    };
}

macro_rules! streaming {
    ($kind:expr, $service:ident . $method:ident($request:expr)) => {
        (
            $kind,
            (|mut client: Client, request: Value| {
                Box::pin(async move {
                    let mut replies = vec![];
                    let mut stream = match client.$service.$method(($request)(request)?).await {
                        Ok(reply) => reply.into_inner(),
                        Err(status) => return Ok(Outcome { replies, error: Some(status) }),
                    };
                    loop {
                        match stream.message().await {
                            Ok(Some(reply)) => replies.push(to_json(&reply)),
                            Ok(None) => return Ok(Outcome { replies, error: None }),
                            Err(status) => return Ok(Outcome { replies, error: Some(status) }),
                        }
                    }
                }) as Pin<Box<dyn Future<Output = _>>>
            }) as Call,
        )
    };
}

/// Every RPC of the contract, by full method name.
fn method(name: &str) -> Option<(Kind, Call)> {
    use Kind::*;
    Some(match name {
        "engram.v1.ConfidenceService/UpdateConfidence" => unary!(confidence.update_confidence(UpdateConfidenceRequest)),
        "engram.v1.ConfidenceService/GetConfidence" => unary!(confidence.get_confidence(GetConfidenceRequest)),
        "engram.v1.ConfidenceService/BatchGetConfidence" => {
            unary!(confidence.batch_get_confidence(BatchGetConfidenceRequest))
        }
        "engram.v1.ConfidenceService/BatchUpdateConfidence" => {
            unary!(confidence.batch_update_confidence(BatchUpdateConfidenceRequest))
        }
        "engram.v1.ConfidenceService/ListConfidence" => unary!(confidence.list_confidence(ListConfidenceRequest)),
        "engram.v1.EmbeddingService/UpsertEmbedding" => unary!(embedding.upsert_embedding(UpsertEmbeddingRequest)),
        "engram.v1.EmbeddingService/DeleteEmbedding" => unary!(embedding.delete_embedding(DeleteEmbeddingRequest)),
        "engram.v1.EmbeddingService/Search" => {
            streaming!(ServerStreaming, embedding.search(parse::<v1::SearchRequest>))
        }
        "engram.v1.EmbeddingService/BatchSearch" => {
            streaming!(ServerStreaming, embedding.batch_search(parse::<v1::BatchSearchRequest>))
        }
        "engram.v1.EmbeddingService/ImportEmbeddings" => streaming!(
            BidiStreaming,
            embedding.import_embeddings(|requests| {
                parse::<Vec<v1::ImportEmbeddingsRequest>>(requests).map(tokio_stream::iter)
            })
        ),
        "engram.v1.EmbeddingService/Embed" => unary!(embedding.embed(EmbedRequest)),
        "engram.v1.GraphService/Link" => unary!(graph.link(LinkRequest)),
        "engram.v1.GraphService/Strengthen" => unary!(graph.strengthen(StrengthenRequest)),
        "engram.v1.GraphService/Unlink" => unary!(graph.unlink(UnlinkRequest)),
        "engram.v1.GraphService/WeakenAll" => unary!(graph.weaken_all(WeakenAllRequest)),
        "engram.v1.GraphService/GetLinked" => unary!(graph.get_linked(GetLinkedRequest)),
        "engram.v1.GraphService/Propagate" => unary!(graph.propagate(PropagateRequest)),
        "engram.v1.GraphService/BatchLink" => unary!(graph.batch_link(BatchLinkRequest)),
        "engram.v1.GraphService/BatchStrengthen" => unary!(graph.batch_strengthen(BatchStrengthenRequest)),
        "engram.v1.GraphService/ListEdges" => unary!(graph.list_edges(ListEdgesRequest)),
        "engram.v1.LedgerService/RecordPrediction" => unary!(ledger.record_prediction(RecordPredictionRequest)),
        "engram.v1.LedgerService/ResolvePrediction" => unary!(ledger.resolve_prediction(ResolvePredictionRequest)),
        "engram.v1.LedgerService/AutoResolvePrediction" => {
            unary!(ledger.auto_resolve_prediction(AutoResolvePredictionRequest))
        }
        "engram.v1.LedgerService/GetPrediction" => unary!(ledger.get_prediction(GetPredictionRequest)),
        "engram.v1.LedgerService/ListHighestErrors" => unary!(ledger.list_highest_errors(ListHighestErrorsRequest)),
        "engram.v1.LedgerService/GetErrorSummary" => unary!(ledger.get_error_summary(GetErrorSummaryRequest)),
        "engram.v1.LedgerService/ListPredictions" => unary!(ledger.list_predictions(ListPredictionsRequest)),
        "engram.v1.NamespaceService/GetNamespaceConfig" => {
            unary!(namespace.get_namespace_config(GetNamespaceConfigRequest))
        }
        "engram.v1.NamespaceService/UpdateNamespaceConfig" => {
            unary!(namespace.update_namespace_config(UpdateNamespaceConfigRequest))
        }
        "engram.v1.NamespaceService/ListNamespaces" => unary!(namespace.list_namespaces(ListNamespacesRequest)),
        "engram.v1.NamespaceService/DeleteNamespace" => unary!(namespace.delete_namespace(DeleteNamespaceRequest)),
        "engram.v1.NamespaceService/GetNamespaceStats" => {
            unary!(namespace.get_namespace_stats(GetNamespaceStatsRequest))
        }
        "engram.v1.RecordService/ReportOutcome" => unary!(record.report_outcome(ReportOutcomeRequest)),
        "engram.v1.RecordService/BatchGetRecords" => unary!(record.batch_get_records(BatchGetRecordsRequest)),
        "engram.v1.RecordService/DeleteRecord" => unary!(record.delete_record(DeleteRecordRequest)),
        "engram.v1.RecordService/ListForgettableRecords" => {
            unary!(record.list_forgettable_records(ListForgettableRecordsRequest))
        }
        "engram.v1.RecordService/ListRecords" => unary!(record.list_records(ListRecordsRequest)),
        _ => return None,
    })
}

const CODE_NAMES: [&str; 17] = [
    "OK",
    "CANCELLED",
    "UNKNOWN",
    "INVALID_ARGUMENT",
    "DEADLINE_EXCEEDED",
    "NOT_FOUND",
    "ALREADY_EXISTS",
    "PERMISSION_DENIED",
    "RESOURCE_EXHAUSTED",
    "FAILED_PRECONDITION",
    "ABORTED",
    "OUT_OF_RANGE",
    "UNIMPLEMENTED",
    "INTERNAL",
    "UNAVAILABLE",
    "DATA_LOSS",
    "UNAUTHENTICATED",
];

fn code_name(code: Code) -> &'static str {
    CODE_NAMES.get(code as usize).copied().unwrap_or("UNKNOWN")
}

/// Replaces every `${name}` in the strings of `value`.
fn substitute(value: &Value, vars: &Vars) -> Result<Value, Failure> {
    Ok(match value {
        Value::String(text) => {
            let mut out = String::new();
            let mut rest = text.as_str();
            while let Some(start) = rest.find("${") {
                let name_end = rest[start + 2..].find('}').map(|i| start + 2 + i);
                let name = name_end.map(|end| &rest[start + 2..end]);
                match (name, name_end) {
                    (Some(name), Some(end)) if is_variable_name(name) => {
                        let value = vars.get(name).ok_or(format!("unset variable ${{{name}}}"))?;
                        out.push_str(&rest[..start]);
                        out.push_str(value);
                        rest = &rest[end + 1..];
                    }
                    _ => {
                        out.push_str(&rest[..start + 2]);
                        rest = &rest[start + 2..];
                    }
                }
            }
            out.push_str(rest);
            Value::String(out)
        }
        Value::Array(items) => Value::Array(items.iter().map(|item| substitute(item, vars)).collect::<Result<_, _>>()?),
        Value::Object(fields) => Value::Object(
            fields
                .iter()
                .map(|(key, item)| Ok((key.clone(), substitute(item, vars)?)))
                .collect::<Result<_, Failure>>()?,
        ),
        other => other.clone(),
    })
}

fn is_variable_name(name: &str) -> bool {
    !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// What a printer that omits defaults leaves out: 0, false, "", [] and {}.
fn is_zero(expected: &Value) -> bool {
    match expected {
        Value::Bool(b) => !b,
        Value::Number(n) => n.as_f64() == Some(0.0),
        Value::String(s) => s.is_empty(),
        Value::Array(a) => a.is_empty(),
        Value::Object(o) => o.is_empty(),
        Value::Null => false,
    }
}

fn is_matcher(expected: &Value) -> bool {
    matches!(expected, Value::Object(o) if !o.is_empty() && o.keys().all(|k| k.starts_with('$')))
}

fn show(actual: Option<&Value>) -> String {
    actual.map_or("missing".into(), Value::to_string)
}

/// A number, or a string holding a finite one (int64 prints as a string).
fn as_number(actual: Option<&Value>) -> Option<f64> {
    match actual? {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.parse::<f64>().ok().filter(|n| n.is_finite()),
        _ => None,
    }
}

/// Fails naming `path` when `actual` (omit-defaults proto JSON; `None`: missing) does not match.
fn check(expected: &Value, actual: Option<&Value>, path: &str, vars: &mut Vars) -> Result<(), Failure> {
    if is_matcher(expected) {
        return check_special(expected, actual, path, vars);
    }
    let Some(actual) = actual else {
        return if is_zero(expected) { Ok(()) } else { Err(format!("{path}: missing, expected {expected}")) };
    };
    match expected {
        Value::Object(fields) => {
            let Value::Object(got) = actual else {
                return Err(format!("{path}: expected an object, got {actual}"));
            };
            for (key, want) in fields {
                check(want, got.get(key), &format!("{path}.{key}"), vars)?;
            }
        }
        Value::Array(items) => match actual {
            Value::Array(got) if got.len() == items.len() => {
                for (index, (want, got)) in items.iter().zip(got).enumerate() {
                    check(want, Some(got), &format!("{path}[{index}]"), vars)?;
                }
            }
            _ => return Err(format!("{path}: expected {} elements, got {actual}", items.len())),
        },
        Value::String(_) | Value::Bool(_) => {
            if expected != actual {
                return Err(format!("{path}: expected {expected}, got {actual}"));
            }
        }
        Value::Number(n) => {
            let want = n.as_f64().unwrap_or(f64::NAN);
            let close = as_number(Some(actual)).is_some_and(|got| (got - want).abs() <= 1e-6 * want.abs().max(1.0));
            if !close {
                return Err(format!("{path}: expected {expected}, got {actual}"));
            }
        }
        Value::Null => return Err(format!("{path}: unsupported expectation null")),
    }
    Ok(())
}

fn check_special(expected: &Value, actual: Option<&Value>, path: &str, vars: &mut Vars) -> Result<(), Failure> {
    let has = |key: &str| expected.get(key);
    if has("$absent").is_some() {
        if let Some(actual) = actual {
            return Err(format!("{path}: expected absent, got {actual}"));
        }
    } else if has("$nonempty").is_some() {
        if actual.is_none() {
            return Err(format!("{path}: missing, expected a value"));
        }
    } else if let Some(name) = has("$capture") {
        let Some(actual) = actual else {
            return Err(format!("{path}: missing, expected a value to capture"));
        };
        let name = name.as_str().ok_or(format!("{path}: $capture needs a name"))?;
        let text = match actual {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        vars.insert(name.to_owned(), text);
    } else if let Some(want) = has("$approx") {
        let (want, tolerance) = (want.as_f64().unwrap_or(f64::NAN), expected["$tolerance"].as_f64().unwrap_or(0.0));
        if !as_number(actual).is_some_and(|got| (got - want).abs() <= tolerance) {
            return Err(format!("{path}: expected {want} ± {tolerance}, got {}", show(actual)));
        }
    } else if let Some(wanted) = has("$contains") {
        if let (Some(Value::String(got)), Value::String(part)) = (actual, wanted) {
            if !got.contains(part.as_str()) {
                return Err(format!("{path}: {} does not contain {wanted}", show(actual)));
            }
            return Ok(());
        }
        let empty = vec![];
        let items = match actual {
            None => &empty,
            Some(Value::Array(items)) => items,
            Some(other) => return Err(format!("{path}: expected an array, got {other}")),
        };
        for item in items {
            let mut trial = vars.clone();
            if check(wanted, Some(item), path, &mut trial).is_ok() {
                *vars = trial; // keep its captures
                return Ok(());
            }
        }
        return Err(format!("{path}: no element matches {wanted}"));
    } else if let Some(length) = has("$length") {
        let count = match actual {
            None => Some(0),
            Some(Value::Array(items)) => Some(items.len()),
            Some(_) => None,
        };
        if count.map(|c| c as u64) != length.as_u64() {
            return Err(format!("{path}: expected {length} elements, got {}", show(actual)));
        }
    } else {
        return Err(format!("{path}: unknown matcher {expected}"));
    }
    Ok(())
}

async fn run_step(client: &Client, step: &Value, vars: &mut Vars) -> Result<(), Failure> {
    let name = step["method"].as_str().unwrap_or_default();
    let (kind, call) = method(name).ok_or(format!("unknown method {name}"))?;
    let expect = substitute(step.get("expect").unwrap_or(&Value::Object(Default::default())), vars)?;
    let key = if kind == Kind::BidiStreaming { "requests" } else { "request" };
    let request = substitute(step.get(key).ok_or(format!("no {key}"))?, vars)?;
    let outcome = call(client.clone(), request).await?;
    let (code, details) = match &outcome.error {
        Some(status) => (code_name(status.code()), status.message()),
        None => ("OK", ""),
    };
    let want_status = expect.get("status").and_then(Value::as_str).unwrap_or("OK");
    if code != want_status {
        return Err(format!("status {code} ({details:?}), expected {want_status}"));
    }
    if let Some(part) = expect.get("message_contains").and_then(Value::as_str) {
        if !details.contains(part) {
            return Err(format!("status message {details:?} does not contain {part:?}"));
        }
    }
    if let Some(response) = expect.get("response") {
        if outcome.replies.len() != 1 {
            return Err(format!("expected one reply, got {}", outcome.replies.len()));
        }
        check(response, outcome.replies.first(), "response", vars)
    } else if let Some(responses) = expect.get("responses") {
        check(responses, Some(&Value::Array(outcome.replies)), "responses", vars)
    } else if want_status == "OK" && kind == Kind::Unary {
        Err("a successful unary step needs expect.response".into())
    } else {
        Ok(())
    }
}

struct Args {
    address: String,
    scenarios: String,
    namespace_prefix: String,
    api_key: Option<String>,
}

fn parse_args() -> Result<Args, String> {
    let mut flags: HashMap<String, String> = HashMap::new();
    let mut argv = std::env::args().skip(1);
    while let Some(arg) = argv.next() {
        let (flag, value) = match arg.split_once('=') {
            Some((flag, value)) => (flag.to_owned(), value.to_owned()),
            None => (arg.clone(), argv.next().ok_or(format!("{arg} needs a value"))?),
        };
        if !["--address", "--scenarios", "--namespace-prefix", "--api-key"].contains(&flag.as_str()) {
            return Err(format!("unknown argument {flag}"));
        }
        flags.insert(flag, value);
    }
    let mut take = |flag: &str| flags.remove(flag);
    Ok(Args {
        address: take("--address").ok_or("--address is required")?,
        scenarios: take("--scenarios").ok_or("--scenarios is required")?,
        namespace_prefix: take("--namespace-prefix")
            .unwrap_or_else(|| format!("conformance-rust-{}", std::process::id())),
        api_key: take("--api-key"),
    })
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
    const USAGE: &str =
        "usage: conformance --address HOST:PORT --scenarios PATH [--namespace-prefix PREFIX] [--api-key KEY]";
    let args = match parse_args() {
        Ok(args) => args,
        Err(error) => {
            eprintln!("{error}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let document: Value = match std::fs::read_to_string(&args.scenarios)
        .map_err(|e| e.to_string())
        .and_then(|text| serde_json::from_str(&text).map_err(|e| e.to_string()))
    {
        Ok(document) => document,
        Err(error) => {
            eprintln!("cannot read {}: {error}", args.scenarios);
            return ExitCode::from(2);
        }
    };
    let Some(scenarios) = document["scenarios"].as_array() else {
        eprintln!("cannot read {}: no scenarios", args.scenarios);
        return ExitCode::from(2);
    };
    let options = ConnectOptions { api_key: args.api_key, ..ConnectOptions::new(args.address) };
    let client = match Client::connect_lazy(options) {
        Ok(client) => client,
        Err(error) => {
            eprintln!("{error}");
            return ExitCode::from(2);
        }
    };
    let (mut passed, mut failed) = (0, 0);
    for (index, scenario) in scenarios.iter().enumerate() {
        let name = scenario["name"].as_str().unwrap_or_default();
        let mut vars = Vars::from([("ns".to_owned(), format!("{}-{index}", args.namespace_prefix))]);
        let mut result = Ok(());
        for (number, step) in scenario["steps"].as_array().into_iter().flatten().enumerate() {
            if let Err(reason) = run_step(&client, step, &mut vars).await {
                result = Err(format!("{number} {}: {reason}", step["method"].as_str().unwrap_or_default()));
                break;
            }
        }
        match result {
            Ok(()) => {
                passed += 1;
                println!("ok {name}");
            }
            Err(reason) => {
                failed += 1;
                println!("FAIL {name}: {reason}");
            }
        }
    }
    println!("conformance rust: {passed} passed, {failed} failed, {} total", passed + failed);
    if failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
