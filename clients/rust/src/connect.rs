//! The connect helper: one tonic [`Channel`] shared by the six service clients, with
//!
//! - the API key sent as `authorization: Bearer <key>` on every call ([`ApiKey`], a tonic
//!   interceptor);
//! - a default deadline (30 s) on every call made without one, except ImportEmbeddings;
//! - the retry policy of `service-config.json`: the methods it lists are retried on
//!   UNAVAILABLE with exponential backoff.
//!
//! tonic reads no gRPC service config, so [`EngramChannel`] (a small tower service around the
//! channel) applies the deadline and the retries itself, from the same `service-config.json`
//! that every other client loads (embedded at build time).

use std::collections::HashMap;
use std::error::Error as StdError;
use std::fmt;
use std::future::{poll_fn, Future};
use std::hash::{BuildHasher, Hasher};
use std::path::Path;
use std::pin::{pin, Pin};
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;

use http_body_util::{BodyExt, Full};
use tokio::time::Instant;
use tonic::body::Body;
use tonic::metadata::{Ascii, MetadataValue};
use tonic::service::interceptor::InterceptedService;
use tonic::transport::{Certificate, Channel, ClientTlsConfig, Endpoint};
use tonic::{Code, Status};
use tower_service::Service;

use crate::v1::confidence_service_client::ConfidenceServiceClient;
use crate::v1::embedding_service_client::EmbeddingServiceClient;
use crate::v1::graph_service_client::GraphServiceClient;
use crate::v1::ledger_service_client::LedgerServiceClient;
use crate::v1::namespace_service_client::NamespaceServiceClient;
use crate::v1::record_service_client::RecordServiceClient;

type BoxError = Box<dyn StdError + Send + Sync>;

/// The gRPC service config shared by every Engram client (copied here by `make generate`).
const SERVICE_CONFIG: &str = include_str!("../service-config.json");

/// Calls that get no default deadline: a bulk import runs as long as its input.
const NO_DEFAULT_DEADLINE: &[&str] = &["/engram.v1.EmbeddingService/ImportEmbeddings"];

const GRPC_TIMEOUT: &str = "grpc-timeout";

/// What [`Client::connect`] needs. `ConnectOptions::new(address)` gives plaintext, no API key
/// and a 30 s default deadline.
#[derive(Clone, Debug)]
pub struct ConnectOptions {
    /// `host:port`, or a full `http://` / `https://` URI.
    pub address: String,
    /// Sent as `authorization: Bearer <key>` on every call when set.
    pub api_key: Option<String>,
    /// `None`: plaintext (local development).
    pub tls: Option<Tls>,
    /// The deadline of a call made without one (`Request::set_timeout`), ImportEmbeddings
    /// excepted. `None`: such calls have no deadline.
    pub default_timeout: Option<Duration>,
}

impl ConnectOptions {
    /// Plaintext, no API key, a 30 s default deadline.
    pub fn new(address: impl Into<String>) -> Self {
        ConnectOptions {
            address: address.into(),
            api_key: None,
            tls: None,
            default_timeout: Some(Duration::from_secs(30)),
        }
    }
}

impl Default for ConnectOptions {
    fn default() -> Self {
        ConnectOptions::new("127.0.0.1:50051")
    }
}

/// TLS for production: the server's certificate is checked against the system's roots or a
/// given CA; the server name is the address's host.
#[derive(Clone, Debug)]
pub enum Tls {
    /// The operating system's trust store.
    SystemRoots,
    /// One or more PEM certificates to trust instead.
    CaPem(Vec<u8>),
}

impl Tls {
    /// Trusts the PEM certificates in `path`.
    pub fn ca_file(path: impl AsRef<Path>) -> std::io::Result<Tls> {
        Ok(Tls::CaPem(std::fs::read(path)?))
    }
}

/// Why [`Client::connect`] failed.
#[derive(Debug)]
pub enum Error {
    /// A bad address or TLS setting, or (eager connect) no connection.
    Transport(tonic::transport::Error),
    /// The API key cannot be sent as a header value (not visible ASCII).
    InvalidApiKey,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Transport(e) => {
                // tonic's own message is only "transport error": name the causes too.
                write!(f, "cannot connect: {e}")?;
                let mut source = e.source();
                while let Some(cause) = source {
                    write!(f, ": {cause}")?;
                    source = cause.source();
                }
                Ok(())
            }
            Error::InvalidApiKey => f.write_str("the API key is not a valid header value"),
        }
    }
}

impl StdError for Error {
    fn source(&self) -> Option<&(dyn StdError + 'static)> {
        match self {
            Error::Transport(e) => Some(e),
            Error::InvalidApiKey => None,
        }
    }
}

impl From<tonic::transport::Error> for Error {
    fn from(e: tonic::transport::Error) -> Self {
        Error::Transport(e)
    }
}

/// The stack every service client sends through.
pub type Transport = InterceptedService<EngramChannel, ApiKey>;

/// The six service clients over one channel. Cloning is cheap (the channel is shared); the
/// generated methods take `&mut self`, so clone a client to call it from several tasks.
#[derive(Clone, Debug)]
pub struct Client {
    // One generated client per service of package engram.v1.
    pub confidence: ConfidenceServiceClient<Transport>,
    pub embedding: EmbeddingServiceClient<Transport>,
    pub graph: GraphServiceClient<Transport>,
    pub ledger: LedgerServiceClient<Transport>,
    pub namespace: NamespaceServiceClient<Transport>,
    pub record: RecordServiceClient<Transport>,
}

impl Client {
    /// Connects now: fails if the server cannot be reached.
    pub async fn connect(options: ConnectOptions) -> Result<Client, Error> {
        let (endpoint, api_key) = endpoint(&options)?;
        let channel = endpoint.connect().await?;
        Ok(Client::over(EngramChannel::new(channel, options.default_timeout), api_key))
    }

    /// Connects on the first call (and reconnects as needed); fails only on bad options.
    pub fn connect_lazy(options: ConnectOptions) -> Result<Client, Error> {
        let (endpoint, api_key) = endpoint(&options)?;
        let channel = endpoint.connect_lazy();
        Ok(Client::over(EngramChannel::new(channel, options.default_timeout), api_key))
    }

    fn over(channel: EngramChannel, api_key: ApiKey) -> Client {
        let t = || InterceptedService::new(channel.clone(), api_key.clone());
        Client {
            confidence: ConfidenceServiceClient::new(t()),
            embedding: EmbeddingServiceClient::new(t()),
            graph: GraphServiceClient::new(t()),
            ledger: LedgerServiceClient::new(t()),
            namespace: NamespaceServiceClient::new(t()),
            record: RecordServiceClient::new(t()),
        }
    }
}

fn endpoint(options: &ConnectOptions) -> Result<(Endpoint, ApiKey), Error> {
    let api_key = match &options.api_key {
        Some(key) => ApiKey::new(key)?,
        None => ApiKey(None),
    };
    let uri = if options.address.contains("://") {
        options.address.clone()
    } else {
        let scheme = if options.tls.is_some() { "https" } else { "http" };
        format!("{scheme}://{}", options.address)
    };
    let mut endpoint = Endpoint::from_shared(uri)?;
    if let Some(tls) = &options.tls {
        let config = match tls {
            Tls::SystemRoots => ClientTlsConfig::new().with_native_roots(),
            Tls::CaPem(pem) => ClientTlsConfig::new().ca_certificate(Certificate::from_pem(pem)),
        };
        endpoint = endpoint.tls_config(config)?;
    }
    Ok((endpoint, api_key))
}

/// Adds `authorization: Bearer <key>` to every call, unary and streaming.
#[derive(Clone, Debug)]
pub struct ApiKey(Option<MetadataValue<Ascii>>);

impl ApiKey {
    /// The `authorization: Bearer <key>` header; fails unless the key is visible ASCII.
    pub fn new(key: &str) -> Result<ApiKey, Error> {
        let value = format!("Bearer {key}").parse().map_err(|_| Error::InvalidApiKey)?;
        Ok(ApiKey(Some(value)))
    }
}

impl tonic::service::Interceptor for ApiKey {
    fn call(&mut self, mut request: tonic::Request<()>) -> Result<tonic::Request<()>, Status> {
        if let Some(value) = &self.0 {
            request.metadata_mut().insert("authorization", value.clone());
        }
        Ok(request)
    }
}

/// The channel with the default deadline and the service config's retries.
///
/// Deadline: a call's own (`Request::set_timeout`, the `grpc-timeout` header) or else the
/// default, sent to the server and enforced here until the reply's headers arrive (the
/// server enforces it on the rest of a stream). Retries: the service config's methods are
/// retried while the call fails with a retryable code before any reply arrived (a transport
/// failure or a trailers-only reply), as gRPC's own retry does, within the one deadline.
#[derive(Clone, Debug)]
pub struct EngramChannel {
    inner: Channel,
    default_timeout: Option<Duration>,
    retries: Arc<HashMap<String, RetryPolicy>>,
}

impl EngramChannel {
    /// Wraps `inner` with the embedded service config's retries and `default_timeout`.
    pub fn new(inner: Channel, default_timeout: Option<Duration>) -> EngramChannel {
        let retries = retry_policies(SERVICE_CONFIG).expect("the embedded service-config.json");
        EngramChannel { inner, default_timeout, retries: Arc::new(retries) }
    }
}

impl Service<http::Request<Body>> for EngramChannel {
    type Response = http::Response<Body>;
    type Error = BoxError;
    type Future = Pin<Box<dyn Future<Output = Result<Self::Response, BoxError>> + Send>>;

    fn poll_ready(&mut self, _cx: &mut Context<'_>) -> Poll<Result<(), BoxError>> {
        Poll::Ready(Ok(())) // each attempt waits for the channel's readiness itself
    }

    fn call(&mut self, request: http::Request<Body>) -> Self::Future {
        let this = self.clone();
        Box::pin(async move { this.send(request).await })
    }
}

impl EngramChannel {
    async fn send(self, request: http::Request<Body>) -> Result<http::Response<Body>, BoxError> {
        let path = request.uri().path().to_owned();
        let timeout = match parse_grpc_timeout(request.headers().get(GRPC_TIMEOUT)) {
            Some(own) => Some(own),
            None if NO_DEFAULT_DEADLINE.contains(&path.as_str()) => None,
            None => self.default_timeout,
        };
        let deadline = timeout.map(|t| Instant::now() + t);
        let Some(policy) = self.retries.get(&path).cloned() else {
            return attempt(self.inner, request, deadline).await;
        };
        // A retried call is unary or server-streaming: its one request message is buffered
        // so that it can be sent again.
        let (parts, body) = request.into_parts();
        let body = body.collect().await?.to_bytes();
        let mut backoff = policy.initial_backoff;
        let mut attempts = 1;
        loop {
            let mut request = http::Request::new(Body::new(Full::new(body.clone())));
            *request.method_mut() = parts.method.clone();
            *request.uri_mut() = parts.uri.clone();
            *request.version_mut() = parts.version;
            *request.headers_mut() = parts.headers.clone();
            *request.extensions_mut() = parts.extensions.clone();
            let result = attempt(self.inner.clone(), request, deadline).await;
            let code = match &result {
                Ok(response) => trailers_only_code(response),
                Err(error) => error.downcast_ref::<Status>().map(Status::code),
            };
            let retryable = code.is_some_and(|c| policy.codes.contains(&c));
            if !retryable || attempts >= policy.max_attempts {
                return result;
            }
            // gRPC's backoff: a random pause in [0, backoff), then backoff grows.
            let pause = backoff.mul_f64(random_fraction());
            if deadline.is_some_and(|d| Instant::now() + pause >= d) {
                return result;
            }
            tokio::time::sleep(pause).await;
            backoff = backoff.mul_f64(policy.multiplier).min(policy.max_backoff);
            attempts += 1;
        }
    }
}

/// One try on the channel: the deadline (what is left of it) goes out as `grpc-timeout` and
/// bounds the wait for the reply's headers. Errors come back as a [`Status`].
async fn attempt(
    mut channel: Channel,
    mut request: http::Request<Body>,
    deadline: Option<Instant>,
) -> Result<http::Response<Body>, BoxError> {
    if let Some(deadline) = deadline {
        let left = deadline.saturating_duration_since(Instant::now());
        request.headers_mut().insert(GRPC_TIMEOUT, grpc_timeout_value(left));
    }
    let call = async move {
        poll_fn(|cx| channel.poll_ready(cx)).await?;
        channel.call(request).await
    };
    let mut call = pin!(call);
    let mut expiry = pin!(deadline.map(tokio::time::sleep_until));
    let result = poll_fn(|cx| {
        // The deadline first, so that it reads DEADLINE_EXCEEDED (tonic's own timer says
        // CANCELLED).
        if let Some(sleep) = expiry.as_mut().as_pin_mut() {
            if sleep.poll(cx).is_ready() {
                return Poll::Ready(Err(Status::deadline_exceeded("deadline exceeded").into()));
            }
        }
        call.as_mut().poll(cx).map_err(BoxError::from)
    })
    .await;
    result.map_err(|error: BoxError| {
        let status =
            if timed_out(&*error) { Status::deadline_exceeded("deadline exceeded") } else { Status::from_error(error) };
        Box::new(status) as BoxError
    })
}

/// Whether tonic's own timer (on the `grpc-timeout` header) ended the call.
fn timed_out(error: &(dyn StdError + 'static)) -> bool {
    let mut source = Some(error);
    while let Some(error) = source {
        if error.is::<tonic::TimeoutExpired>() {
            return true;
        }
        source = error.source();
    }
    false
}

/// The status of a reply that ended before any message (gRPC "trailers-only").
fn trailers_only_code(response: &http::Response<Body>) -> Option<Code> {
    let status = response.headers().get("grpc-status")?.to_str().ok()?;
    Some(Code::from_i32(status.parse().ok()?))
}

/// `grpc-timeout`: at most 8 digits and a unit, rounded up (never before our own timer).
fn grpc_timeout_value(d: Duration) -> http::HeaderValue {
    let millis = d.as_nanos().div_ceil(1_000_000);
    let (value, unit) =
        if millis < 100_000_000 { (millis.max(1), "m") } else { (d.as_secs().min(99_999_999) as u128, "S") };
    http::HeaderValue::from_str(&format!("{value}{unit}")).expect("digits and a unit")
}

fn parse_grpc_timeout(value: Option<&http::HeaderValue>) -> Option<Duration> {
    let value = value?.to_str().ok()?;
    let digits: u64 = value.get(..value.len().checked_sub(1)?)?.parse().ok()?;
    Some(match value.as_bytes().last()? {
        b'H' => Duration::from_secs(digits * 3600),
        b'M' => Duration::from_secs(digits * 60),
        b'S' => Duration::from_secs(digits),
        b'm' => Duration::from_millis(digits),
        b'u' => Duration::from_micros(digits),
        b'n' => Duration::from_nanos(digits),
        _ => return None,
    })
}

fn random_fraction() -> f64 {
    let bits = std::collections::hash_map::RandomState::new().build_hasher().finish();
    (bits >> 11) as f64 / (1u64 << 53) as f64
}

/// One `retryPolicy` of the service config.
#[derive(Clone, Debug, PartialEq)]
struct RetryPolicy {
    max_attempts: u32,
    initial_backoff: Duration,
    max_backoff: Duration,
    multiplier: f64,
    codes: Vec<Code>,
}

/// The retry policy of each method (`/package.Service/Method`) the service config names.
/// A name without a method stands for its whole service (`/package.Service/`).
fn retry_policies(config: &str) -> Result<HashMap<String, RetryPolicy>, String> {
    let config: serde_json::Value = serde_json::from_str(config).map_err(|e| e.to_string())?;
    let mut policies = HashMap::new();
    let method_configs = config["methodConfig"].as_array().ok_or("no methodConfig")?;
    for method_config in method_configs {
        let Some(retry) = method_config.get("retryPolicy") else { continue };
        let duration = |key: &str| -> Result<Duration, String> {
            let text = retry[key].as_str().ok_or(format!("no {key}"))?;
            let seconds = text.strip_suffix('s').and_then(|s| s.parse::<f64>().ok());
            seconds.map(Duration::from_secs_f64).ok_or(format!("bad {key}: {text}"))
        };
        let codes = retry["retryableStatusCodes"].as_array().ok_or("no retryableStatusCodes")?;
        let codes = codes
            .iter()
            .map(|name| code_named(name.as_str().unwrap_or("")).ok_or(format!("bad code {name}")))
            .collect::<Result<Vec<_>, _>>()?;
        let policy = RetryPolicy {
            max_attempts: retry["maxAttempts"].as_u64().ok_or("no maxAttempts")?.min(5) as u32,
            initial_backoff: duration("initialBackoff")?,
            max_backoff: duration("maxBackoff")?,
            multiplier: retry["backoffMultiplier"].as_f64().ok_or("no backoffMultiplier")?,
            codes,
        };
        for name in method_config["name"].as_array().ok_or("no name")? {
            let service = name["service"].as_str().ok_or("no service")?;
            let method = name["method"].as_str().unwrap_or("");
            policies.insert(format!("/{service}/{method}"), policy.clone());
        }
    }
    Ok(policies)
}

/// A status code by its gRPC name (`UNAVAILABLE`).
fn code_named(name: &str) -> Option<Code> {
    let wanted = name.replace('_', "").to_ascii_lowercase();
    (0..=16).map(Code::from_i32).find(|c| format!("{c:?}").to_ascii_lowercase() == wanted)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn service_config_lists_idempotent_methods_only() {
        let policies = retry_policies(SERVICE_CONFIG).unwrap();
        let search = &policies["/engram.v1.EmbeddingService/Search"];
        assert_eq!(search.max_attempts, 4);
        assert_eq!(search.initial_backoff, Duration::from_millis(100));
        assert_eq!(search.max_backoff, Duration::from_secs(2));
        assert_eq!(search.multiplier, 2.0);
        assert_eq!(search.codes, vec![Code::Unavailable]);
        assert!(policies.contains_key("/engram.v1.RecordService/DeleteRecord"));
        assert!(!policies.contains_key("/engram.v1.ConfidenceService/UpdateConfidence"));
        assert!(!policies.contains_key("/engram.v1.EmbeddingService/ImportEmbeddings"));
    }

    #[test]
    fn grpc_timeout_round_trips() {
        for d in [Duration::from_millis(1), Duration::from_secs(30), Duration::from_secs(86400 * 7)] {
            assert_eq!(parse_grpc_timeout(Some(&grpc_timeout_value(d))), Some(d));
        }
        assert_eq!(parse_grpc_timeout(Some(&"2H".parse().unwrap())), Some(Duration::from_secs(7200)));
        assert_eq!(parse_grpc_timeout(Some(&"x".parse().unwrap())), None);
    }

    #[test]
    fn code_names() {
        assert_eq!(code_named("UNAVAILABLE"), Some(Code::Unavailable));
        assert_eq!(code_named("DEADLINE_EXCEEDED"), Some(Code::DeadlineExceeded));
        assert_eq!(code_named("NOPE"), None);
    }
}
