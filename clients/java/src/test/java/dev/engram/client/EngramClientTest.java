package dev.engram.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.engram.v1.ConfidenceServiceGrpc;
import dev.engram.v1.EmbeddingServiceGrpc;
import dev.engram.v1.GetConfidenceRequest;
import dev.engram.v1.GetConfidenceResponse;
import dev.engram.v1.ImportEmbeddingsRequest;
import dev.engram.v1.ImportEmbeddingsResponse;
import dev.engram.v1.UpdateConfidenceRequest;
import dev.engram.v1.UpdateConfidenceResponse;
import io.grpc.Context;
import io.grpc.Deadline;
import io.grpc.Grpc;
import io.grpc.InsecureServerCredentials;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The connect helper against a stub server on loopback: key, deadlines, retries. */
class EngramClientTest {
  private static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

  /** What the server saw, per full method name: the authorization header and the deadline. */
  private final Map<String, String> authorization = new ConcurrentHashMap<>();
  private final Map<String, Long> deadlineMillis = new ConcurrentHashMap<>();
  private final AtomicInteger getAttempts = new AtomicInteger();
  private final AtomicInteger getFailuresLeft = new AtomicInteger();
  private final AtomicInteger updateAttempts = new AtomicInteger();
  private Server server;

  @BeforeEach
  void start() throws IOException {
    ServerInterceptor recorder =
        new ServerInterceptor() {
          @Override
          public <ReqT, RespT> ServerCall.Listener<ReqT> interceptCall(
              ServerCall<ReqT, RespT> call, Metadata headers, ServerCallHandler<ReqT, RespT> next) {
            String method = call.getMethodDescriptor().getFullMethodName();
            authorization.put(method, String.valueOf(headers.get(AUTHORIZATION)));
            Deadline deadline = Context.current().getDeadline();
            deadlineMillis.put(
                method, deadline == null ? -1L : deadline.timeRemaining(TimeUnit.MILLISECONDS));
            return next.startCall(call, headers);
          }
        };
    ConfidenceServiceGrpc.ConfidenceServiceImplBase confidence =
        new ConfidenceServiceGrpc.ConfidenceServiceImplBase() {
          @Override
          public void getConfidence(
              GetConfidenceRequest request, StreamObserver<GetConfidenceResponse> reply) {
            getAttempts.incrementAndGet();
            if (getFailuresLeft.getAndDecrement() > 0) {
              reply.onError(Status.UNAVAILABLE.withDescription("try again").asRuntimeException());
              return;
            }
            reply.onNext(GetConfidenceResponse.getDefaultInstance());
            reply.onCompleted();
          }

          @Override
          public void updateConfidence(
              UpdateConfidenceRequest request, StreamObserver<UpdateConfidenceResponse> reply) {
            updateAttempts.incrementAndGet();
            reply.onError(Status.UNAVAILABLE.withDescription("lost").asRuntimeException());
          }
        };
    EmbeddingServiceGrpc.EmbeddingServiceImplBase embedding =
        new EmbeddingServiceGrpc.EmbeddingServiceImplBase() {
          @Override
          public StreamObserver<ImportEmbeddingsRequest> importEmbeddings(
              StreamObserver<ImportEmbeddingsResponse> reply) {
            return new StreamObserver<>() {
              @Override
              public void onNext(ImportEmbeddingsRequest request) {}

              @Override
              public void onError(Throwable t) {}

              @Override
              public void onCompleted() {
                reply.onNext(ImportEmbeddingsResponse.getDefaultInstance());
                reply.onCompleted();
              }
            };
          }
        };
    server =
        Grpc.newServerBuilderForPort(0, InsecureServerCredentials.create())
            .addService(ServerInterceptors.intercept(confidence, recorder))
            .addService(ServerInterceptors.intercept(embedding, recorder))
            .build()
            .start();
  }

  @AfterEach
  void stop() throws InterruptedException {
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }

  private EngramClient connect(String apiKey) {
    return EngramClient.connect(
        EngramClient.Options.builder("127.0.0.1:" + server.getPort()).apiKey(apiKey).build());
  }

  private static void importOne(EngramClient client) throws Exception {
    CompletableFuture<Void> done = new CompletableFuture<>();
    StreamObserver<ImportEmbeddingsRequest> requests =
        client
            .embeddingAsync()
            .importEmbeddings(
                new StreamObserver<>() {
                  @Override
                  public void onNext(ImportEmbeddingsResponse value) {}

                  @Override
                  public void onError(Throwable t) {
                    done.completeExceptionally(t);
                  }

                  @Override
                  public void onCompleted() {
                    done.complete(null);
                  }
                });
    requests.onNext(ImportEmbeddingsRequest.getDefaultInstance());
    requests.onCompleted();
    done.get(10, TimeUnit.SECONDS);
  }

  @Test
  void sendsTheApiKeyOnUnaryAndStreamingCalls() throws Exception {
    try (EngramClient client = connect("s3cret")) {
      client.confidence().getConfidence(GetConfidenceRequest.getDefaultInstance());
      importOne(client);
    }
    assertEquals("Bearer s3cret", authorization.get("engram.v1.ConfidenceService/GetConfidence"));
    assertEquals(
        "Bearer s3cret", authorization.get("engram.v1.EmbeddingService/ImportEmbeddings"));
  }

  @Test
  void sendsNoAuthorizationWithoutAKey() throws Exception {
    try (EngramClient client = connect(null)) {
      client.confidence().getConfidence(GetConfidenceRequest.getDefaultInstance());
    }
    assertEquals("null", authorization.get("engram.v1.ConfidenceService/GetConfidence"));
  }

  @Test
  void givesTheDefaultDeadlineExceptToImportEmbeddings() throws Exception {
    try (EngramClient client = connect(null)) {
      client.confidence().getConfidence(GetConfidenceRequest.getDefaultInstance());
      importOne(client);
    }
    long remaining = deadlineMillis.get("engram.v1.ConfidenceService/GetConfidence");
    assertTrue(remaining > 25_000 && remaining <= 30_000, "deadline in " + remaining + " ms");
    assertEquals(-1L, deadlineMillis.get("engram.v1.EmbeddingService/ImportEmbeddings"));
  }

  @Test
  void keepsTheCallersDeadline() {
    try (EngramClient client = connect(null)) {
      client
          .confidence()
          .withDeadlineAfter(3, TimeUnit.SECONDS)
          .getConfidence(GetConfidenceRequest.getDefaultInstance());
    }
    long remaining = deadlineMillis.get("engram.v1.ConfidenceService/GetConfidence");
    assertTrue(remaining > 1_000 && remaining <= 3_000, "deadline in " + remaining + " ms");
  }

  @Test
  void retriesReadsOnUnavailableButNotEvidence() {
    getFailuresLeft.set(2);
    try (EngramClient client = connect(null)) {
      assertNotNull(client.confidence().getConfidence(GetConfidenceRequest.getDefaultInstance()));
      StatusRuntimeException error =
          assertThrows(
              StatusRuntimeException.class,
              () ->
                  client
                      .confidence()
                      .updateConfidence(UpdateConfidenceRequest.getDefaultInstance()));
      assertEquals(Status.Code.UNAVAILABLE, error.getStatus().getCode());
    }
    assertEquals(3, getAttempts.get());
    assertEquals(1, updateAttempts.get());
  }

  @Test
  void embedsTheServiceConfig() {
    Map<String, ?> config = EngramClient.serviceConfig();
    List<?> methodConfig = (List<?>) config.get("methodConfig");
    assertEquals(1, methodConfig.size());
    Map<?, ?> retry = (Map<?, ?>) ((Map<?, ?>) methodConfig.get(0)).get("retryPolicy");
    assertEquals(4.0, retry.get("maxAttempts"));
    assertEquals(List.of("UNAVAILABLE"), retry.get("retryableStatusCodes"));
  }

  @Test
  void validatesOptions() {
    assertThrows(IllegalArgumentException.class, () -> EngramClient.Options.builder(" "));
    EngramClient.Options options =
        EngramClient.Options.builder("h:1").caFile(java.nio.file.Path.of("ca.pem")).build();
    assertTrue(options.tls());
    assertNull(EngramClient.Options.builder("h:1").build().apiKey());
    assertEquals(
        Duration.ofSeconds(30), EngramClient.Options.builder("h:1").build().defaultTimeout());
  }
}
