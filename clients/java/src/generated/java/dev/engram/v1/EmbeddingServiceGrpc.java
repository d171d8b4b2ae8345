package dev.engram.v1;

import static io.grpc.MethodDescriptor.generateFullMethodName;

/**
 * <pre>
 * Embeds text on write, keeps a warm in-memory cosine index per namespace, and streams
 * semantic-search results best first (popoto's EmbeddingField, spec 003). Vectors are stored
 * in Redis; the index is a cache of them. A namespace keeps one model and dimension: a
 * write with another is refused with FAILED_PRECONDITION.
 * Replicas: every write is appended to the namespace's change log, which every server tails,
 * so all replicas' indexes follow within milliseconds. A write returns a consistency token;
 * a search that carries it is answered only once that write is visible on the answering
 * replica (waiting at most until the call's deadline: DEADLINE_EXCEEDED after it).
 * </pre>
 */
@io.grpc.stub.annotations.GrpcGenerated
public final class EmbeddingServiceGrpc {

  private EmbeddingServiceGrpc() {}

  public static final java.lang.String SERVICE_NAME = "engram.v1.EmbeddingService";

  // Static method descriptors that strictly reflect the proto.
  private static volatile io.grpc.MethodDescriptor<dev.engram.v1.UpsertEmbeddingRequest,
      dev.engram.v1.UpsertEmbeddingResponse> getUpsertEmbeddingMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "UpsertEmbedding",
      requestType = dev.engram.v1.UpsertEmbeddingRequest.class,
      responseType = dev.engram.v1.UpsertEmbeddingResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<dev.engram.v1.UpsertEmbeddingRequest,
      dev.engram.v1.UpsertEmbeddingResponse> getUpsertEmbeddingMethod() {
    io.grpc.MethodDescriptor<dev.engram.v1.UpsertEmbeddingRequest, dev.engram.v1.UpsertEmbeddingResponse> getUpsertEmbeddingMethod;
    if ((getUpsertEmbeddingMethod = EmbeddingServiceGrpc.getUpsertEmbeddingMethod) == null) {
      synchronized (EmbeddingServiceGrpc.class) {
        if ((getUpsertEmbeddingMethod = EmbeddingServiceGrpc.getUpsertEmbeddingMethod) == null) {
          EmbeddingServiceGrpc.getUpsertEmbeddingMethod = getUpsertEmbeddingMethod =
              io.grpc.MethodDescriptor.<dev.engram.v1.UpsertEmbeddingRequest, dev.engram.v1.UpsertEmbeddingResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "UpsertEmbedding"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  dev.engram.v1.UpsertEmbeddingRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  dev.engram.v1.UpsertEmbeddingResponse.getDefaultInstance()))
              .setSchemaDescriptor(new EmbeddingServiceMethodDescriptorSupplier("UpsertEmbedding"))
              .build();
        }
      }
    }
    return getUpsertEmbeddingMethod;
  }

  private static volatile io.grpc.MethodDescriptor<dev.engram.v1.DeleteEmbeddingRequest,
      dev.engram.v1.DeleteEmbeddingResponse> getDeleteEmbeddingMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "DeleteEmbedding",
      requestType = dev.engram.v1.DeleteEmbeddingRequest.class,
      responseType = dev.engram.v1.DeleteEmbeddingResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<dev.engram.v1.DeleteEmbeddingRequest,
      dev.engram.v1.DeleteEmbeddingResponse> getDeleteEmbeddingMethod() {
    io.grpc.MethodDescriptor<dev.engram.v1.DeleteEmbeddingRequest, dev.engram.v1.DeleteEmbeddingResponse> getDeleteEmbeddingMethod;
    if ((getDeleteEmbeddingMethod = EmbeddingServiceGrpc.getDeleteEmbeddingMethod) == null) {
      synchronized (EmbeddingServiceGrpc.class) {
        if ((getDeleteEmbeddingMethod = EmbeddingServiceGrpc.getDeleteEmbeddingMethod) == null) {
          EmbeddingServiceGrpc.getDeleteEmbeddingMethod = getDeleteEmbeddingMethod =
              io.grpc.MethodDescriptor.<dev.engram.v1.DeleteEmbeddingRequest, dev.engram.v1.DeleteEmbeddingResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "DeleteEmbedding"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  dev.engram.v1.DeleteEmbeddingRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  dev.engram.v1.DeleteEmbeddingResponse.getDefaultInstance()))
              .setSchemaDescriptor(new EmbeddingServiceMethodDescriptorSupplier("DeleteEmbedding"))
              .build();
        }
      }
    }
    return getDeleteEmbeddingMethod;
  }

  private static volatile io.grpc.MethodDescriptor<dev.engram.v1.SearchRequest,
      dev.engram.v1.SearchResponse> getSearchMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "Search",
      requestType = dev.engram.v1.SearchRequest.class,
      responseType = dev.engram.v1.SearchResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.SERVER_STREAMING)
  public static io.grpc.MethodDescriptor<dev.engram.v1.SearchRequest,
      dev.engram.v1.SearchResponse> getSearchMethod() {
    io.grpc.MethodDescriptor<dev.engram.v1.SearchRequest, dev.engram.v1.SearchResponse> getSearchMethod;
    if ((getSearchMethod = EmbeddingServiceGrpc.getSearchMethod) == null) {
      synchronized (EmbeddingServiceGrpc.class) {
        if ((getSearchMethod = EmbeddingServiceGrpc.getSearchMethod) == null) {
          EmbeddingServiceGrpc.getSearchMethod = getSearchMethod =
              io.grpc.MethodDescriptor.<dev.engram.v1.SearchRequest, dev.engram.v1.SearchResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.SERVER_STREAMING)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "Search"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  dev.engram.v1.SearchRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  dev.engram.v1.SearchResponse.getDefaultInstance()))
              .setSchemaDescriptor(new EmbeddingServiceMethodDescriptorSupplier("Search"))
              .build();
        }
      }
    }
    return getSearchMethod;
  }

  private static volatile io.grpc.MethodDescriptor<dev.engram.v1.BatchSearchRequest,
      dev.engram.v1.BatchSearchResponse> getBatchSearchMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "BatchSearch",
      requestType = dev.engram.v1.BatchSearchRequest.class,
      responseType = dev.engram.v1.BatchSearchResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.SERVER_STREAMING)
  public static io.grpc.MethodDescriptor<dev.engram.v1.BatchSearchRequest,
      dev.engram.v1.BatchSearchResponse> getBatchSearchMethod() {
    io.grpc.MethodDescriptor<dev.engram.v1.BatchSearchRequest, dev.engram.v1.BatchSearchResponse> getBatchSearchMethod;
    if ((getBatchSearchMethod = EmbeddingServiceGrpc.getBatchSearchMethod) == null) {
      synchronized (EmbeddingServiceGrpc.class) {
        if ((getBatchSearchMethod = EmbeddingServiceGrpc.getBatchSearchMethod) == null) {
          EmbeddingServiceGrpc.getBatchSearchMethod = getBatchSearchMethod =
              io.grpc.MethodDescriptor.<dev.engram.v1.BatchSearchRequest, dev.engram.v1.BatchSearchResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.SERVER_STREAMING)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "BatchSearch"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  dev.engram.v1.BatchSearchRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  dev.engram.v1.BatchSearchResponse.getDefaultInstance()))
              .setSchemaDescriptor(new EmbeddingServiceMethodDescriptorSupplier("BatchSearch"))
              .build();
        }
      }
    }
    return getBatchSearchMethod;
  }

  private static volatile io.grpc.MethodDescriptor<dev.engram.v1.ImportEmbeddingsRequest,
      dev.engram.v1.ImportEmbeddingsResponse> getImportEmbeddingsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ImportEmbeddings",
      requestType = dev.engram.v1.ImportEmbeddingsRequest.class,
      responseType = dev.engram.v1.ImportEmbeddingsResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.BIDI_STREAMING)
  public static io.grpc.MethodDescriptor<dev.engram.v1.ImportEmbeddingsRequest,
      dev.engram.v1.ImportEmbeddingsResponse> getImportEmbeddingsMethod() {
    io.grpc.MethodDescriptor<dev.engram.v1.ImportEmbeddingsRequest, dev.engram.v1.ImportEmbeddingsResponse> getImportEmbeddingsMethod;
    if ((getImportEmbeddingsMethod = EmbeddingServiceGrpc.getImportEmbeddingsMethod) == null) {
      synchronized (EmbeddingServiceGrpc.class) {
        if ((getImportEmbeddingsMethod = EmbeddingServiceGrpc.getImportEmbeddingsMethod) == null) {
          EmbeddingServiceGrpc.getImportEmbeddingsMethod = getImportEmbeddingsMethod =
              io.grpc.MethodDescriptor.<dev.engram.v1.ImportEmbeddingsRequest, dev.engram.v1.ImportEmbeddingsResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.BIDI_STREAMING)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ImportEmbeddings"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  dev.engram.v1.ImportEmbeddingsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  dev.engram.v1.ImportEmbeddingsResponse.getDefaultInstance()))
              .setSchemaDescriptor(new EmbeddingServiceMethodDescriptorSupplier("ImportEmbeddings"))
              .build();
        }
      }
    }
    return getImportEmbeddingsMethod;
  }

  private static volatile io.grpc.MethodDescriptor<dev.engram.v1.EmbedRequest,
      dev.engram.v1.EmbedResponse> getEmbedMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "Embed",
      requestType = dev.engram.v1.EmbedRequest.class,
      responseType = dev.engram.v1.EmbedResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<dev.engram.v1.EmbedRequest,
      dev.engram.v1.EmbedResponse> getEmbedMethod() {
    io.grpc.MethodDescriptor<dev.engram.v1.EmbedRequest, dev.engram.v1.EmbedResponse> getEmbedMethod;
    if ((getEmbedMethod = EmbeddingServiceGrpc.getEmbedMethod) == null) {
      synchronized (EmbeddingServiceGrpc.class) {
        if ((getEmbedMethod = EmbeddingServiceGrpc.getEmbedMethod) == null) {
          EmbeddingServiceGrpc.getEmbedMethod = getEmbedMethod =
              io.grpc.MethodDescriptor.<dev.engram.v1.EmbedRequest, dev.engram.v1.EmbedResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "Embed"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  dev.engram.v1.EmbedRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  dev.engram.v1.EmbedResponse.getDefaultInstance()))
              .setSchemaDescriptor(new EmbeddingServiceMethodDescriptorSupplier("Embed"))
              .build();
        }
      }
    }
    return getEmbedMethod;
  }

  /**
   * Creates a new async stub that supports all call types for the service
   */
  public static EmbeddingServiceStub newStub(io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<EmbeddingServiceStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<EmbeddingServiceStub>() {
        @java.lang.Override
        public EmbeddingServiceStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new EmbeddingServiceStub(channel, callOptions);
        }
      };
    return EmbeddingServiceStub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports all types of calls on the service
   */
  public static EmbeddingServiceBlockingV2Stub newBlockingV2Stub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<EmbeddingServiceBlockingV2Stub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<EmbeddingServiceBlockingV2Stub>() {
        @java.lang.Override
        public EmbeddingServiceBlockingV2Stub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new EmbeddingServiceBlockingV2Stub(channel, callOptions);
        }
      };
    return EmbeddingServiceBlockingV2Stub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports unary and streaming output calls on the service
   */
  public static EmbeddingServiceBlockingStub newBlockingStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<EmbeddingServiceBlockingStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<EmbeddingServiceBlockingStub>() {
        @java.lang.Override
        public EmbeddingServiceBlockingStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new EmbeddingServiceBlockingStub(channel, callOptions);
        }
      };
    return EmbeddingServiceBlockingStub.newStub(factory, channel);
  }

  /**
   * Creates a new ListenableFuture-style stub that supports unary calls on the service
   */
  public static EmbeddingServiceFutureStub newFutureStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<EmbeddingServiceFutureStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<EmbeddingServiceFutureStub>() {
        @java.lang.Override
        public EmbeddingServiceFutureStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new EmbeddingServiceFutureStub(channel, callOptions);
        }
      };
    return EmbeddingServiceFutureStub.newStub(factory, channel);
  }

  /**
   * <pre>
   * Embeds text on write, keeps a warm in-memory cosine index per namespace, and streams
   * semantic-search results best first (popoto's EmbeddingField, spec 003). Vectors are stored
   * in Redis; the index is a cache of them. A namespace keeps one model and dimension: a
   * write with another is refused with FAILED_PRECONDITION.
   * Replicas: every write is appended to the namespace's change log, which every server tails,
   * so all replicas' indexes follow within milliseconds. A write returns a consistency token;
   * a search that carries it is answered only once that write is visible on the answering
   * replica (waiting at most until the call's deadline: DEADLINE_EXCEEDED after it).
   * </pre>
   */
  public interface AsyncService {

    /**
     * <pre>
     * Stores a record's text and its embedding (computed by the server's model), or a vector
     * supplied by the client. Overwrites an existing record. With a dedupe_threshold, a text
     * that duplicates a stored record is not stored again: that record is corroborated
     * instead and named in duplicate_of.
     * </pre>
     */
    default void upsertEmbedding(dev.engram.v1.UpsertEmbeddingRequest request,
        io.grpc.stub.StreamObserver<dev.engram.v1.UpsertEmbeddingResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getUpsertEmbeddingMethod(), responseObserver);
    }

    /**
     * <pre>
     * Removes a record's text and vector.
     * </pre>
     */
    default void deleteEmbedding(dev.engram.v1.DeleteEmbeddingRequest request,
        io.grpc.stub.StreamObserver<dev.engram.v1.DeleteEmbeddingResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getDeleteEmbeddingMethod(), responseObserver);
    }

    /**
     * <pre>
     * Semantic (cosine), keyword (BM25) or hybrid search; one response message per result,
     * best first. Expired records are never returned.
     * </pre>
     */
    default void search(dev.engram.v1.SearchRequest request,
        io.grpc.stub.StreamObserver<dev.engram.v1.SearchResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getSearchMethod(), responseObserver);
    }

    /**
     * <pre>
     * Many queries of one namespace in one call, scored with one matrix product; one response
     * message per query, in request order.
     * </pre>
     */
    default void batchSearch(dev.engram.v1.BatchSearchRequest request,
        io.grpc.stub.StreamObserver<dev.engram.v1.BatchSearchResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getBatchSearchMethod(), responseObserver);
    }

    /**
     * <pre>
     * Bulk ingest: the client streams records, the server embeds them in batches, writes them
     * in pipelines and streams an acknowledgement after each batch it has written. Each record
     * is written atomically (text, vector and metadata together, or nothing). An invalid
     * message ends the call with INVALID_ARGUMENT; records after the last acknowledgement are
     * then not written.
     * </pre>
     */
    default io.grpc.stub.StreamObserver<dev.engram.v1.ImportEmbeddingsRequest> importEmbeddings(
        io.grpc.stub.StreamObserver<dev.engram.v1.ImportEmbeddingsResponse> responseObserver) {
      return io.grpc.stub.ServerCalls.asyncUnimplementedStreamingCall(getImportEmbeddingsMethod(), responseObserver);
    }

    /**
     * <pre>
     * Embeds texts with the server's model and returns the vectors.
     * </pre>
     */
    default void embed(dev.engram.v1.EmbedRequest request,
        io.grpc.stub.StreamObserver<dev.engram.v1.EmbedResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getEmbedMethod(), responseObserver);
    }
  }

  /**
   * Base class for the server implementation of the service EmbeddingService.
   * <pre>
   * Embeds text on write, keeps a warm in-memory cosine index per namespace, and streams
   * semantic-search results best first (popoto's EmbeddingField, spec 003). Vectors are stored
   * in Redis; the index is a cache of them. A namespace keeps one model and dimension: a
   * write with another is refused with FAILED_PRECONDITION.
   * Replicas: every write is appended to the namespace's change log, which every server tails,
   * so all replicas' indexes follow within milliseconds. A write returns a consistency token;
   * a search that carries it is answered only once that write is visible on the answering
   * replica (waiting at most until the call's deadline: DEADLINE_EXCEEDED after it).
   * </pre>
   */
  public static abstract class EmbeddingServiceImplBase
      implements io.grpc.BindableService, AsyncService {

    @java.lang.Override public final io.grpc.ServerServiceDefinition bindService() {
      return EmbeddingServiceGrpc.bindService(this);
    }
  }

  /**
   * A stub to allow clients to do asynchronous rpc calls to service EmbeddingService.
   * <pre>
   * Embeds text on write, keeps a warm in-memory cosine index per namespace, and streams
   * semantic-search results best first (popoto's EmbeddingField, spec 003). Vectors are stored
   * in Redis; the index is a cache of them. A namespace keeps one model and dimension: a
   * write with another is refused with FAILED_PRECONDITION.
   * Replicas: every write is appended to the namespace's change log, which every server tails,
   * so all replicas' indexes follow within milliseconds. A write returns a consistency token;
   * a search that carries it is answered only once that write is visible on the answering
   * replica (waiting at most until the call's deadline: DEADLINE_EXCEEDED after it).
   * </pre>
   */
  public static final class EmbeddingServiceStub
      extends io.grpc.stub.AbstractAsyncStub<EmbeddingServiceStub> {
    private EmbeddingServiceStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected EmbeddingServiceStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new EmbeddingServiceStub(channel, callOptions);
    }

    /**
     * <pre>
     * Stores a record's text and its embedding (computed by the server's model), or a vector
     * supplied by the client. Overwrites an existing record. With a dedupe_threshold, a text
     * that duplicates a stored record is not stored again: that record is corroborated
     * instead and named in duplicate_of.
     * </pre>
     */
    public void upsertEmbedding(dev.engram.v1.UpsertEmbeddingRequest request,
        io.grpc.stub.StreamObserver<dev.engram.v1.UpsertEmbeddingResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getUpsertEmbeddingMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Removes a record's text and vector.
     * </pre>
     */
    public void deleteEmbedding(dev.engram.v1.DeleteEmbeddingRequest request,
        io.grpc.stub.StreamObserver<dev.engram.v1.DeleteEmbeddingResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getDeleteEmbeddingMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Semantic (cosine), keyword (BM25) or hybrid search; one response message per result,
     * best first. Expired records are never returned.
     * </pre>
     */
    public void search(dev.engram.v1.SearchRequest request,
        io.grpc.stub.StreamObserver<dev.engram.v1.SearchResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncServerStreamingCall(
          getChannel().newCall(getSearchMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Many queries of one namespace in one call, scored with one matrix product; one response
     * message per query, in request order.
     * </pre>
     */
    public void batchSearch(dev.engram.v1.BatchSearchRequest request,
        io.grpc.stub.StreamObserver<dev.engram.v1.BatchSearchResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncServerStreamingCall(
          getChannel().newCall(getBatchSearchMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Bulk ingest: the client streams records, the server embeds them in batches, writes them
     * in pipelines and streams an acknowledgement after each batch it has written. Each record
     * is written atomically (text, vector and metadata together, or nothing). An invalid
     * message ends the call with INVALID_ARGUMENT; records after the last acknowledgement are
     * then not written.
     * </pre>
     */
    public io.grpc.stub.StreamObserver<dev.engram.v1.ImportEmbeddingsRequest> importEmbeddings(
        io.grpc.stub.StreamObserver<dev.engram.v1.ImportEmbeddingsResponse> responseObserver) {
      return io.grpc.stub.ClientCalls.asyncBidiStreamingCall(
          getChannel().newCall(getImportEmbeddingsMethod(), getCallOptions()), responseObserver);
    }

    /**
     * <pre>
     * Embeds texts with the server's model and returns the vectors.
     * </pre>
     */
    public void embed(dev.engram.v1.EmbedRequest request,
        io.grpc.stub.StreamObserver<dev.engram.v1.EmbedResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getEmbedMethod(), getCallOptions()), request, responseObserver);
    }
  }

  /**
   * A stub to allow clients to do synchronous rpc calls to service EmbeddingService.
   * <pre>
   * Embeds text on write, keeps a warm in-memory cosine index per namespace, and streams
   * semantic-search results best first (popoto's EmbeddingField, spec 003). Vectors are stored
   * in Redis; the index is a cache of them. A namespace keeps one model and dimension: a
   * write with another is refused with FAILED_PRECONDITION.
   * Replicas: every write is appended to the namespace's change log, which every server tails,
   * so all replicas' indexes follow within milliseconds. A write returns a consistency token;
   * a search that carries it is answered only once that write is visible on the answering
   * replica (waiting at most until the call's deadline: DEADLINE_EXCEEDED after it).
   * </pre>
   */
  public static final class EmbeddingServiceBlockingV2Stub
      extends io.grpc.stub.AbstractBlockingStub<EmbeddingServiceBlockingV2Stub> {
    private EmbeddingServiceBlockingV2Stub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected EmbeddingServiceBlockingV2Stub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new EmbeddingServiceBlockingV2Stub(channel, callOptions);
    }

    /**
     * <pre>
     * Stores a record's text and its embedding (computed by the server's model), or a vector
     * supplied by the client. Overwrites an existing record. With a dedupe_threshold, a text
     * that duplicates a stored record is not stored again: that record is corroborated
     * instead and named in duplicate_of.
     * </pre>
     */
    public dev.engram.v1.UpsertEmbeddingResponse upsertEmbedding(dev.engram.v1.UpsertEmbeddingRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getUpsertEmbeddingMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Removes a record's text and vector.
     * </pre>
     */
    public dev.engram.v1.DeleteEmbeddingResponse deleteEmbedding(dev.engram.v1.DeleteEmbeddingRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getDeleteEmbeddingMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Semantic (cosine), keyword (BM25) or hybrid search; one response message per result,
     * best first. Expired records are never returned.
     * </pre>
     */
    @io.grpc.ExperimentalApi("https://github.com/grpc/grpc-java/issues/10918")
    public io.grpc.stub.BlockingClientCall<?, dev.engram.v1.SearchResponse>
        search(dev.engram.v1.SearchRequest request) {
      return io.grpc.stub.ClientCalls.blockingV2ServerStreamingCall(
          getChannel(), getSearchMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Many queries of one namespace in one call, scored with one matrix product; one response
     * message per query, in request order.
     * </pre>
     */
    @io.grpc.ExperimentalApi("https://github.com/grpc/grpc-java/issues/10918")
    public io.grpc.stub.BlockingClientCall<?, dev.engram.v1.BatchSearchResponse>
        batchSearch(dev.engram.v1.BatchSearchRequest request) {
      return io.grpc.stub.ClientCalls.blockingV2ServerStreamingCall(
          getChannel(), getBatchSearchMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Bulk ingest: the client streams records, the server embeds them in batches, writes them
     * in pipelines and streams an acknowledgement after each batch it has written. Each record
     * is written atomically (text, vector and metadata together, or nothing). An invalid
     * message ends the call with INVALID_ARGUMENT; records after the last acknowledgement are
     * then not written.
     * </pre>
     */
    @io.grpc.ExperimentalApi("https://github.com/grpc/grpc-java/issues/10918")
    public io.grpc.stub.BlockingClientCall<dev.engram.v1.ImportEmbeddingsRequest, dev.engram.v1.ImportEmbeddingsResponse>
        importEmbeddings() {
      return io.grpc.stub.ClientCalls.blockingBidiStreamingCall(
          getChannel(), getImportEmbeddingsMethod(), getCallOptions());
    }

    /**
     * <pre>
     * Embeds texts with the server's model and returns the vectors.
     * </pre>
     */
    public dev.engram.v1.EmbedResponse embed(dev.engram.v1.EmbedRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getEmbedMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do limited synchronous rpc calls to service EmbeddingService.
   * <pre>
   * Embeds text on write, keeps a warm in-memory cosine index per namespace, and streams
   * semantic-search results best first (popoto's EmbeddingField, spec 003). Vectors are stored
   * in Redis; the index is a cache of them. A namespace keeps one model and dimension: a
   * write with another is refused with FAILED_PRECONDITION.
   * Replicas: every write is appended to the namespace's change log, which every server tails,
   * so all replicas' indexes follow within milliseconds. A write returns a consistency token;
   * a search that carries it is answered only once that write is visible on the answering
   * replica (waiting at most until the call's deadline: DEADLINE_EXCEEDED after it).
   * </pre>
   */
  public static final class EmbeddingServiceBlockingStub
      extends io.grpc.stub.AbstractBlockingStub<EmbeddingServiceBlockingStub> {
    private EmbeddingServiceBlockingStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected EmbeddingServiceBlockingStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new EmbeddingServiceBlockingStub(channel, callOptions);
    }

    /**
     * <pre>
     * Stores a record's text and its embedding (computed by the server's model), or a vector
     * supplied by the client. Overwrites an existing record. With a dedupe_threshold, a text
     * that duplicates a stored record is not stored again: that record is corroborated
     * instead and named in duplicate_of.
     * </pre>
     */
    public dev.engram.v1.UpsertEmbeddingResponse upsertEmbedding(dev.engram.v1.UpsertEmbeddingRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getUpsertEmbeddingMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Removes a record's text and vector.
     * </pre>
     */
    public dev.engram.v1.DeleteEmbeddingResponse deleteEmbedding(dev.engram.v1.DeleteEmbeddingRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getDeleteEmbeddingMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Semantic (cosine), keyword (BM25) or hybrid search; one response message per result,
     * best first. Expired records are never returned.
     * </pre>
     */
    public java.util.Iterator<dev.engram.v1.SearchResponse> search(
        dev.engram.v1.SearchRequest request) {
      return io.grpc.stub.ClientCalls.blockingServerStreamingCall(
          getChannel(), getSearchMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Many queries of one namespace in one call, scored with one matrix product; one response
     * message per query, in request order.
     * </pre>
     */
    public java.util.Iterator<dev.engram.v1.BatchSearchResponse> batchSearch(
        dev.engram.v1.BatchSearchRequest request) {
      return io.grpc.stub.ClientCalls.blockingServerStreamingCall(
          getChannel(), getBatchSearchMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Embeds texts with the server's model and returns the vectors.
     * </pre>
     */
    public dev.engram.v1.EmbedResponse embed(dev.engram.v1.EmbedRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getEmbedMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do ListenableFuture-style rpc calls to service EmbeddingService.
   * <pre>
   * Embeds text on write, keeps a warm in-memory cosine index per namespace, and streams
   * semantic-search results best first (popoto's EmbeddingField, spec 003). Vectors are stored
   * in Redis; the index is a cache of them. A namespace keeps one model and dimension: a
   * write with another is refused with FAILED_PRECONDITION.
   * Replicas: every write is appended to the namespace's change log, which every server tails,
   * so all replicas' indexes follow within milliseconds. A write returns a consistency token;
   * a search that carries it is answered only once that write is visible on the answering
   * replica (waiting at most until the call's deadline: DEADLINE_EXCEEDED after it).
   * </pre>
   */
  public static final class EmbeddingServiceFutureStub
      extends io.grpc.stub.AbstractFutureStub<EmbeddingServiceFutureStub> {
    private EmbeddingServiceFutureStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected EmbeddingServiceFutureStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new EmbeddingServiceFutureStub(channel, callOptions);
    }

    /**
     * <pre>
     * Stores a record's text and its embedding (computed by the server's model), or a vector
     * supplied by the client. Overwrites an existing record. With a dedupe_threshold, a text
     * that duplicates a stored record is not stored again: that record is corroborated
     * instead and named in duplicate_of.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<dev.engram.v1.UpsertEmbeddingResponse> upsertEmbedding(
        dev.engram.v1.UpsertEmbeddingRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getUpsertEmbeddingMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Removes a record's text and vector.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<dev.engram.v1.DeleteEmbeddingResponse> deleteEmbedding(
        dev.engram.v1.DeleteEmbeddingRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getDeleteEmbeddingMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Embeds texts with the server's model and returns the vectors.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<dev.engram.v1.EmbedResponse> embed(
        dev.engram.v1.EmbedRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getEmbedMethod(), getCallOptions()), request);
    }
  }

  private static final int METHODID_UPSERT_EMBEDDING = 0;
  private static final int METHODID_DELETE_EMBEDDING = 1;
  private static final int METHODID_SEARCH = 2;
  private static final int METHODID_BATCH_SEARCH = 3;
  private static final int METHODID_EMBED = 4;
  private static final int METHODID_IMPORT_EMBEDDINGS = 5;

  private static final class MethodHandlers<Req, Resp> implements
      io.grpc.stub.ServerCalls.UnaryMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.ServerStreamingMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.ClientStreamingMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.BidiStreamingMethod<Req, Resp> {
    private final AsyncService serviceImpl;
    private final int methodId;

    MethodHandlers(AsyncService serviceImpl, int methodId) {
      this.serviceImpl = serviceImpl;
      this.methodId = methodId;
    }

    @java.lang.Override
    @java.lang.SuppressWarnings("unchecked")
    public void invoke(Req request, io.grpc.stub.StreamObserver<Resp> responseObserver) {
      switch (methodId) {
        case METHODID_UPSERT_EMBEDDING:
          serviceImpl.upsertEmbedding((dev.engram.v1.UpsertEmbeddingRequest) request,
              (io.grpc.stub.StreamObserver<dev.engram.v1.UpsertEmbeddingResponse>) responseObserver);
          break;
        case METHODID_DELETE_EMBEDDING:
          serviceImpl.deleteEmbedding((dev.engram.v1.DeleteEmbeddingRequest) request,
              (io.grpc.stub.StreamObserver<dev.engram.v1.DeleteEmbeddingResponse>) responseObserver);
          break;
        case METHODID_SEARCH:
          serviceImpl.search((dev.engram.v1.SearchRequest) request,
              (io.grpc.stub.StreamObserver<dev.engram.v1.SearchResponse>) responseObserver);
          break;
        case METHODID_BATCH_SEARCH:
          serviceImpl.batchSearch((dev.engram.v1.BatchSearchRequest) request,
              (io.grpc.stub.StreamObserver<dev.engram.v1.BatchSearchResponse>) responseObserver);
          break;
        case METHODID_EMBED:
          serviceImpl.embed((dev.engram.v1.EmbedRequest) request,
              (io.grpc.stub.StreamObserver<dev.engram.v1.EmbedResponse>) responseObserver);
          break;
        default:
          throw new AssertionError();
      }
    }

    @java.lang.Override
    @java.lang.SuppressWarnings("unchecked")
    public io.grpc.stub.StreamObserver<Req> invoke(
        io.grpc.stub.StreamObserver<Resp> responseObserver) {
      switch (methodId) {
        case METHODID_IMPORT_EMBEDDINGS:
          return (io.grpc.stub.StreamObserver<Req>) serviceImpl.importEmbeddings(
              (io.grpc.stub.StreamObserver<dev.engram.v1.ImportEmbeddingsResponse>) responseObserver);
        default:
          throw new AssertionError();
      }
    }
  }

  public static final io.grpc.ServerServiceDefinition bindService(AsyncService service) {
    return io.grpc.ServerServiceDefinition.builder(getServiceDescriptor())
        .addMethod(
          getUpsertEmbeddingMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              dev.engram.v1.UpsertEmbeddingRequest,
              dev.engram.v1.UpsertEmbeddingResponse>(
                service, METHODID_UPSERT_EMBEDDING)))
        .addMethod(
          getDeleteEmbeddingMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              dev.engram.v1.DeleteEmbeddingRequest,
              dev.engram.v1.DeleteEmbeddingResponse>(
                service, METHODID_DELETE_EMBEDDING)))
        .addMethod(
          getSearchMethod(),
          io.grpc.stub.ServerCalls.asyncServerStreamingCall(
            new MethodHandlers<
              dev.engram.v1.SearchRequest,
              dev.engram.v1.SearchResponse>(
                service, METHODID_SEARCH)))
        .addMethod(
          getBatchSearchMethod(),
          io.grpc.stub.ServerCalls.asyncServerStreamingCall(
            new MethodHandlers<
              dev.engram.v1.BatchSearchRequest,
              dev.engram.v1.BatchSearchResponse>(
                service, METHODID_BATCH_SEARCH)))
        .addMethod(
          getImportEmbeddingsMethod(),
          io.grpc.stub.ServerCalls.asyncBidiStreamingCall(
            new MethodHandlers<
              dev.engram.v1.ImportEmbeddingsRequest,
              dev.engram.v1.ImportEmbeddingsResponse>(
                service, METHODID_IMPORT_EMBEDDINGS)))
        .addMethod(
          getEmbedMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              dev.engram.v1.EmbedRequest,
              dev.engram.v1.EmbedResponse>(
                service, METHODID_EMBED)))
        .build();
  }

  private static abstract class EmbeddingServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoFileDescriptorSupplier, io.grpc.protobuf.ProtoServiceDescriptorSupplier {
    EmbeddingServiceBaseDescriptorSupplier() {}

    @java.lang.Override
    public com.google.protobuf.Descriptors.FileDescriptor getFileDescriptor() {
      return dev.engram.v1.EmbeddingProto.getDescriptor();
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.ServiceDescriptor getServiceDescriptor() {
      return getFileDescriptor().findServiceByName("EmbeddingService");
    }
  }

  private static final class EmbeddingServiceFileDescriptorSupplier
      extends EmbeddingServiceBaseDescriptorSupplier {
    EmbeddingServiceFileDescriptorSupplier() {}
  }

  private static final class EmbeddingServiceMethodDescriptorSupplier
      extends EmbeddingServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoMethodDescriptorSupplier {
    private final java.lang.String methodName;

    EmbeddingServiceMethodDescriptorSupplier(java.lang.String methodName) {
      this.methodName = methodName;
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.MethodDescriptor getMethodDescriptor() {
      return getServiceDescriptor().findMethodByName(methodName);
    }
  }

  private static volatile io.grpc.ServiceDescriptor serviceDescriptor;

  public static io.grpc.ServiceDescriptor getServiceDescriptor() {
    io.grpc.ServiceDescriptor result = serviceDescriptor;
    if (result == null) {
      synchronized (EmbeddingServiceGrpc.class) {
        result = serviceDescriptor;
        if (result == null) {
          serviceDescriptor = result = io.grpc.ServiceDescriptor.newBuilder(SERVICE_NAME)
              .setSchemaDescriptor(new EmbeddingServiceFileDescriptorSupplier())
              .addMethod(getUpsertEmbeddingMethod())
              .addMethod(getDeleteEmbeddingMethod())
              .addMethod(getSearchMethod())
              .addMethod(getBatchSearchMethod())
              .addMethod(getImportEmbeddingsMethod())
              .addMethod(getEmbedMethod())
              .build();
        }
      }
    }
    return result;
  }
}
