package dev.engram.client;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import com.google.gson.reflect.TypeToken;
import dev.engram.v1.ConfidenceServiceGrpc;
import dev.engram.v1.EmbeddingServiceGrpc;
import dev.engram.v1.GraphServiceGrpc;
import dev.engram.v1.LedgerServiceGrpc;
import dev.engram.v1.NamespaceServiceGrpc;
import dev.engram.v1.RecordServiceGrpc;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ChannelCredentials;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.TlsChannelCredentials;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A connection to an Engram server and the generated stubs of its six services.
 *
 * <pre>{@code
 * try (EngramClient client = EngramClient.connect(
 *     EngramClient.Options.builder("127.0.0.1:50051").apiKey(key).build())) {
 *   client.confidence().updateConfidence(UpdateConfidenceRequest.newBuilder()
 *       .setNamespace("me").setRecordId("sky").setSignal(0.9).build());
 * }
 * }</pre>
 *
 * <p>The channel carries the gRPC service config of {@code clients/service-config.json}
 * (calls that only read or can be repeated are retried on {@code UNAVAILABLE}), sends
 * {@code authorization: Bearer <key>} on every call when an API key is given, and gives a call
 * made without a deadline the default timeout (30 s), except {@code ImportEmbeddings}, a
 * long bulk stream. Stubs and the client are thread-safe; close the client when done.
 */
public final class EngramClient implements AutoCloseable {
  /** The deadline given to a call made without one, unless {@link Options} says otherwise. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  /** Methods that never get the default deadline: long bulk streams. */
  static final Set<String> NO_DEFAULT_DEADLINE =
      Set.of(EmbeddingServiceGrpc.getImportEmbeddingsMethod().getFullMethodName());

  private static final String SERVICE_CONFIG_RESOURCE = "service-config.json";

  private final ManagedChannel channel;
  private final ConfidenceServiceGrpc.ConfidenceServiceBlockingStub confidence;
  private final ConfidenceServiceGrpc.ConfidenceServiceStub confidenceAsync;
  private final EmbeddingServiceGrpc.EmbeddingServiceBlockingStub embedding;
  private final EmbeddingServiceGrpc.EmbeddingServiceStub embeddingAsync;
  private final GraphServiceGrpc.GraphServiceBlockingStub graph;
  private final GraphServiceGrpc.GraphServiceStub graphAsync;
  private final LedgerServiceGrpc.LedgerServiceBlockingStub ledger;
  private final LedgerServiceGrpc.LedgerServiceStub ledgerAsync;
  private final NamespaceServiceGrpc.NamespaceServiceBlockingStub namespace;
  private final NamespaceServiceGrpc.NamespaceServiceStub namespaceAsync;
  private final RecordServiceGrpc.RecordServiceBlockingStub record;
  private final RecordServiceGrpc.RecordServiceStub recordAsync;

  private EngramClient(ManagedChannel channel) {
    this.channel = channel;
    confidence = ConfidenceServiceGrpc.newBlockingStub(channel);
    confidenceAsync = ConfidenceServiceGrpc.newStub(channel);
    embedding = EmbeddingServiceGrpc.newBlockingStub(channel);
    embeddingAsync = EmbeddingServiceGrpc.newStub(channel);
    graph = GraphServiceGrpc.newBlockingStub(channel);
    graphAsync = GraphServiceGrpc.newStub(channel);
    ledger = LedgerServiceGrpc.newBlockingStub(channel);
    ledgerAsync = LedgerServiceGrpc.newStub(channel);
    namespace = NamespaceServiceGrpc.newBlockingStub(channel);
    namespaceAsync = NamespaceServiceGrpc.newStub(channel);
    record = RecordServiceGrpc.newBlockingStub(channel);
    recordAsync = RecordServiceGrpc.newStub(channel);
  }

  /** Connects in plaintext to {@code address} ({@code host:port}) with the default options. */
  public static EngramClient connect(String address) {
    return connect(Options.builder(address).build());
  }

  /**
   * Opens a channel as {@code options} say. The connection itself is made lazily, by the first
   * call; a server that cannot be reached shows as {@code UNAVAILABLE} on the calls.
   *
   * @throws UncheckedIOException when the CA file cannot be read
   */
  public static EngramClient connect(Options options) {
    Objects.requireNonNull(options, "options");
    ManagedChannel channel =
        Grpc.newChannelBuilder(options.address(), credentials(options))
            .defaultServiceConfig(serviceConfig())
            .enableRetry()
            .intercept(interceptors(options))
            .build();
    return new EngramClient(channel);
  }

  private static ChannelCredentials credentials(Options options) {
    if (!options.tls()) {
      return InsecureChannelCredentials.create();
    }
    if (options.caFile() == null) {
      return TlsChannelCredentials.create(); // the system's trusted roots
    }
    try {
      return TlsChannelCredentials.newBuilder().trustManager(options.caFile().toFile()).build();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read CA file " + options.caFile(), e);
    }
  }

  private static ClientInterceptor[] interceptors(Options options) {
    DefaultDeadlineInterceptor deadline = new DefaultDeadlineInterceptor(options.defaultTimeout());
    if (options.apiKey() == null) {
      return new ClientInterceptor[] {deadline};
    }
    return new ClientInterceptor[] {deadline, new ApiKeyInterceptor(options.apiKey())};
  }

  /**
   * The gRPC service config embedded in this package (a copy of {@code
   * clients/service-config.json}), parsed into the maps, lists, strings and doubles that {@code
   * ManagedChannelBuilder.defaultServiceConfig} takes.
   */
  static Map<String, ?> serviceConfig() {
    try (InputStream in = EngramClient.class.getResourceAsStream(SERVICE_CONFIG_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("resource missing: " + SERVICE_CONFIG_RESOURCE);
      }
      Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
      Map<String, Object> config =
          new Gson().fromJson(reader, new TypeToken<Map<String, Object>>() {}.getType());
      if (config == null) {
        throw new IllegalStateException("empty resource: " + SERVICE_CONFIG_RESOURCE);
      }
      return config;
    } catch (IOException | JsonParseException e) {
      throw new IllegalStateException("cannot read " + SERVICE_CONFIG_RESOURCE, e);
    }
  }

  /** The channel, for stubs of other services or custom call options. */
  public Channel channel() {
    return channel;
  }

  /** ConfidenceService, blocking. */
  public ConfidenceServiceGrpc.ConfidenceServiceBlockingStub confidence() {
    return confidence;
  }

  /** ConfidenceService, asynchronous. */
  public ConfidenceServiceGrpc.ConfidenceServiceStub confidenceAsync() {
    return confidenceAsync;
  }

  /** EmbeddingService, blocking: Search and BatchSearch return iterators. */
  public EmbeddingServiceGrpc.EmbeddingServiceBlockingStub embedding() {
    return embedding;
  }

  /** EmbeddingService, asynchronous: the only stub with ImportEmbeddings (bidirectional). */
  public EmbeddingServiceGrpc.EmbeddingServiceStub embeddingAsync() {
    return embeddingAsync;
  }

  /** GraphService, blocking. */
  public GraphServiceGrpc.GraphServiceBlockingStub graph() {
    return graph;
  }

  /** GraphService, asynchronous. */
  public GraphServiceGrpc.GraphServiceStub graphAsync() {
    return graphAsync;
  }

  /** LedgerService, blocking. */
  public LedgerServiceGrpc.LedgerServiceBlockingStub ledger() {
    return ledger;
  }

  /** LedgerService, asynchronous. */
  public LedgerServiceGrpc.LedgerServiceStub ledgerAsync() {
    return ledgerAsync;
  }

  /** NamespaceService, blocking. */
  public NamespaceServiceGrpc.NamespaceServiceBlockingStub namespace() {
    return namespace;
  }

  /** NamespaceService, asynchronous. */
  public NamespaceServiceGrpc.NamespaceServiceStub namespaceAsync() {
    return namespaceAsync;
  }

  /** RecordService, blocking. */
  public RecordServiceGrpc.RecordServiceBlockingStub record() {
    return record;
  }

  /** RecordService, asynchronous. */
  public RecordServiceGrpc.RecordServiceStub recordAsync() {
    return recordAsync;
  }

  /** Refuses new calls, waits up to 5 s for calls in flight, then cancels what remains. */
  @Override
  public void close() {
    channel.shutdown();
    try {
      if (!channel.awaitTermination(5, TimeUnit.SECONDS)) {
        channel.shutdownNow();
      }
    } catch (InterruptedException e) {
      channel.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  /** Where and how to connect. Build with {@link #builder(String)}. */
  public static final class Options {
    private final String address;
    private final String apiKey;
    private final boolean tls;
    private final Path caFile;
    private final Duration defaultTimeout;

    private Options(Builder b) {
      address = b.address;
      apiKey = b.apiKey;
      tls = b.tls || b.caFile != null;
      caFile = b.caFile;
      defaultTimeout = b.defaultTimeout;
    }

    /** Options for the server at {@code address}: {@code host:port} or a gRPC target URI. */
    public static Builder builder(String address) {
      return new Builder(address);
    }

    /** The server's address. */
    public String address() {
      return address;
    }

    /** The API key sent as {@code authorization: Bearer <key>}, or null for none. */
    public String apiKey() {
      return apiKey;
    }

    /** Whether the channel uses TLS (plaintext otherwise). */
    public boolean tls() {
      return tls;
    }

    /** The PEM file of the CA certificates to trust, or null for the system's roots. */
    public Path caFile() {
      return caFile;
    }

    /** The deadline of a call made without one, or {@link Duration#ZERO} for none. */
    public Duration defaultTimeout() {
      return defaultTimeout;
    }

    /** Builds {@link Options}. */
    public static final class Builder {
      private final String address;
      private String apiKey;
      private boolean tls;
      private Path caFile;
      private Duration defaultTimeout = DEFAULT_TIMEOUT;

      private Builder(String address) {
        Objects.requireNonNull(address, "address");
        if (address.isBlank()) {
          throw new IllegalArgumentException("address is empty");
        }
        this.address = address;
      }

      /** Sends {@code authorization: Bearer <apiKey>} on every call; null for none. */
      public Builder apiKey(String apiKey) {
        if (apiKey != null && apiKey.isEmpty()) {
          throw new IllegalArgumentException("apiKey is empty");
        }
        this.apiKey = apiKey;
        return this;
      }

      /** TLS with the system's trusted roots (true), or plaintext (false, the default). */
      public Builder tls(boolean tls) {
        this.tls = tls;
        return this;
      }

      /** TLS trusting the CA certificates of this PEM file instead of the system's roots. */
      public Builder caFile(Path caFile) {
        this.caFile = caFile;
        return this;
      }

      /** The deadline given to calls made without one; {@link Duration#ZERO} for none. */
      public Builder defaultTimeout(Duration defaultTimeout) {
        Objects.requireNonNull(defaultTimeout, "defaultTimeout");
        if (defaultTimeout.isNegative()) {
          throw new IllegalArgumentException("defaultTimeout is negative");
        }
        this.defaultTimeout = defaultTimeout;
        return this;
      }

      /** The options. */
      public Options build() {
        return new Options(this);
      }
    }
  }

  /** Sends {@code authorization: Bearer <key>} with every call, unary or streaming. */
  static final class ApiKeyInterceptor implements ClientInterceptor {
    static final Metadata.Key<String> AUTHORIZATION =
        Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

    private final String value;

    ApiKeyInterceptor(String apiKey) {
      this.value = "Bearer " + apiKey;
    }

    @Override
    public <ReqT, RespT> ClientCall<ReqT, RespT> interceptCall(
        MethodDescriptor<ReqT, RespT> method, CallOptions callOptions, Channel next) {
      return new ForwardingClientCall.SimpleForwardingClientCall<ReqT, RespT>(
          next.newCall(method, callOptions)) {
        @Override
        public void start(Listener<RespT> responseListener, Metadata headers) {
          headers.put(AUTHORIZATION, value);
          super.start(responseListener, headers);
        }
      };
    }
  }

  /** Gives a call made without a deadline the default timeout, except long bulk streams. */
  static final class DefaultDeadlineInterceptor implements ClientInterceptor {
    private final long timeoutNanos;

    DefaultDeadlineInterceptor(Duration timeout) {
      this.timeoutNanos = timeout.toNanos();
    }

    @Override
    public <ReqT, RespT> ClientCall<ReqT, RespT> interceptCall(
        MethodDescriptor<ReqT, RespT> method, CallOptions callOptions, Channel next) {
      if (timeoutNanos > 0
          && callOptions.getDeadline() == null
          && !NO_DEFAULT_DEADLINE.contains(method.getFullMethodName())) {
        callOptions = callOptions.withDeadlineAfter(timeoutNanos, TimeUnit.NANOSECONDS);
      }
      return next.newCall(method, callOptions);
    }
  }
}
