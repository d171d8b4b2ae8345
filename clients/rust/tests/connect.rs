//! The connect helper against a fake HTTP/2 gRPC server that records each call's headers:
//! API key on unary and streaming calls, the default deadline (none on ImportEmbeddings),
//! retries on UNAVAILABLE for the service config's methods only, DEADLINE_EXCEEDED.

use std::convert::Infallible;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use bytes::Bytes;
use engram_client::v1::{GetConfidenceRequest, ImportEmbeddingsRequest, SearchRequest, UpdateConfidenceRequest};
use engram_client::{Client, ConnectOptions};
use http::{HeaderMap, Request, Response};
use http_body_util::{BodyExt, StreamBody};
use hyper::body::{Frame, Incoming};
use hyper_util::rt::{TokioExecutor, TokioIo};
use tonic::Code;

#[derive(Clone, Default)]
struct Fake {
    calls: Arc<Mutex<Vec<(String, HeaderMap)>>>,
    unavailable_first: Arc<AtomicUsize>,
    delay: Duration,
}

type Reply = Response<StreamBody<tokio_stream::Iter<std::vec::IntoIter<Result<Frame<Bytes>, Infallible>>>>>;

impl Fake {
    fn calls(&self) -> Vec<(String, HeaderMap)> {
        self.calls.lock().unwrap().clone()
    }

    async fn handle(self, request: Request<Incoming>) -> Result<Reply, Infallible> {
        let path = request.uri().path().to_owned();
        self.calls.lock().unwrap().push((path.clone(), request.headers().clone()));
        let _ = request.into_body().collect().await;
        let reply = Response::builder().header("content-type", "application/grpc");
        let down = self.unavailable_first.fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| n.checked_sub(1));
        if down.is_ok() {
            // Trailers-only: the status in the headers, no message.
            let reply = reply.header("grpc-status", "14").header("grpc-message", "down");
            return Ok(reply.body(StreamBody::new(tokio_stream::iter(vec![]))).unwrap());
        }
        tokio::time::sleep(self.delay).await;
        let mut frames = vec![];
        if !path.ends_with("/Search") && !path.ends_with("/ImportEmbeddings") {
            frames.push(Ok(Frame::data(Bytes::from_static(&[0, 0, 0, 0, 0])))); // one empty message
        }
        let mut trailers = HeaderMap::new();
        trailers.insert("grpc-status", "0".parse().unwrap());
        frames.push(Ok(Frame::trailers(trailers)));
        Ok(reply.body(StreamBody::new(tokio_stream::iter(frames))).unwrap())
    }

    async fn serve(self) -> String {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let address = listener.local_addr().unwrap().to_string();
        tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                let fake = self.clone();
                let service = hyper::service::service_fn(move |request| fake.clone().handle(request));
                tokio::spawn(
                    hyper::server::conn::http2::Builder::new(TokioExecutor::new())
                        .serve_connection(TokioIo::new(stream), service),
                );
            }
        });
        address
    }
}

fn header<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers.get(name).map(|v| v.to_str().unwrap())
}

fn get(record_id: &str) -> GetConfidenceRequest {
    GetConfidenceRequest { namespace: "n".into(), record_id: record_id.into() }
}

#[tokio::test]
async fn api_key_and_default_deadline_on_unary_and_streaming_calls() {
    let fake = Fake::default();
    let address = fake.clone().serve().await;
    let options = ConnectOptions { api_key: Some("k1".into()), ..ConnectOptions::new(address) };
    let mut client = Client::connect(options).await.unwrap();

    client.confidence.get_confidence(get("r")).await.unwrap();
    let search = SearchRequest { namespace: "n".into(), text: "q".into(), ..Default::default() };
    let mut results = client.embedding.search(search).await.unwrap().into_inner();
    assert!(results.message().await.unwrap().is_none());
    let import = || tokio_stream::iter(vec![ImportEmbeddingsRequest::default()]);
    let mut acks = client.embedding.import_embeddings(import()).await.unwrap().into_inner();
    assert!(acks.message().await.unwrap().is_none());
    let mut own_deadline = tonic::Request::new(import());
    own_deadline.set_timeout(Duration::from_secs(600));
    client.embedding.import_embeddings(own_deadline).await.unwrap();

    let calls = fake.calls();
    let paths: Vec<&str> = calls.iter().map(|(path, _)| path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "/engram.v1.ConfidenceService/GetConfidence",
            "/engram.v1.EmbeddingService/Search",
            "/engram.v1.EmbeddingService/ImportEmbeddings",
            "/engram.v1.EmbeddingService/ImportEmbeddings",
        ]
    );
    for (_, headers) in &calls {
        assert_eq!(header(headers, "authorization"), Some("Bearer k1"));
    }
    let millis = |headers: &HeaderMap| -> u64 {
        header(headers, "grpc-timeout").unwrap().strip_suffix('m').unwrap().parse().unwrap()
    };
    assert!((29_000..=30_000).contains(&millis(&calls[0].1)));
    assert!((29_000..=30_000).contains(&millis(&calls[1].1)));
    assert_eq!(header(&calls[2].1, "grpc-timeout"), None, "ImportEmbeddings has no default deadline");
    assert!((599_000..=600_000).contains(&millis(&calls[3].1)));
}

#[tokio::test]
async fn service_config_methods_are_retried_on_unavailable() {
    let fake = Fake::default();
    let address = fake.clone().serve().await;
    let mut client = Client::connect(ConnectOptions::new(address)).await.unwrap();

    fake.unavailable_first.store(2, Ordering::SeqCst);
    client.confidence.get_confidence(get("r")).await.expect("the third attempt succeeds");
    assert_eq!(fake.calls().len(), 3);

    fake.unavailable_first.store(2, Ordering::SeqCst);
    let update = UpdateConfidenceRequest { namespace: "n".into(), record_id: "r".into(), signal: Some(1.0) };
    let status = client.confidence.update_confidence(update).await.unwrap_err();
    assert_eq!(status.code(), Code::Unavailable, "evidence is not retried");
    assert_eq!(fake.calls().len(), 4);

    fake.unavailable_first.store(10, Ordering::SeqCst);
    let status = client.confidence.get_confidence(get("r")).await.unwrap_err();
    assert_eq!((status.code(), status.message()), (Code::Unavailable, "down"));
    assert_eq!(fake.calls().len(), 8, "at most 4 attempts");
}

#[tokio::test]
async fn a_call_past_its_deadline_is_deadline_exceeded() {
    let fake = Fake { delay: Duration::from_secs(3), ..Fake::default() };
    let address = fake.clone().serve().await;
    let options = ConnectOptions { default_timeout: Some(Duration::from_millis(200)), ..ConnectOptions::new(address) };
    let mut client = Client::connect(options).await.unwrap();
    let started = Instant::now();
    let status = client.confidence.get_confidence(get("r")).await.unwrap_err();
    assert_eq!(status.code(), Code::DeadlineExceeded);
    let update = UpdateConfidenceRequest { namespace: "n".into(), record_id: "r".into(), signal: Some(1.0) };
    let status = client.confidence.update_confidence(update).await.unwrap_err();
    assert_eq!(status.code(), Code::DeadlineExceeded);
    assert!(started.elapsed() < Duration::from_secs(2));
}

#[tokio::test]
async fn no_server_reads_unavailable_after_the_retries() {
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let mut client = Client::connect_lazy(ConnectOptions::new(format!("127.0.0.1:{port}"))).unwrap();
    let status = client.confidence.get_confidence(get("r")).await.unwrap_err();
    assert_eq!(status.code(), Code::Unavailable);
    let error = Client::connect(ConnectOptions::new(format!("127.0.0.1:{port}"))).await.unwrap_err();
    assert!(error.to_string().starts_with("cannot connect: transport error: "), "{error}");
}
