package dev.engram.v1;

import static io.grpc.MethodDescriptor.generateFullMethodName;

/**
 * <pre>
 * Tracks how much to believe each record with the capped-evidence Bayesian rule
 * (spec 004): n_eff = min(evidence_count + 1, evidence_cap),
 * c' = c + (signal - c) / (n_eff + 1), clamped to [0, 1].
 * A record whose expires_at has passed (EmbeddingService ttl) reads as never seen until the
 * sweeper deletes it: GetConfidence and BatchGetConfidence return the namespace's
 * initial_confidence with zero counts, and ListConfidence leaves it out, so a page may hold
 * fewer states than page_size (even none) while next_page_token is set.
 * </pre>
 */
@io.grpc.stub.annotations.GrpcGenerated
public final class ConfidenceServiceGrpc {

  private ConfidenceServiceGrpc() {}

  public static final java.lang.String SERVICE_NAME = "engram.v1.ConfidenceService";

  // Static method descriptors that strictly reflect the proto.
  private static volatile io.grpc.MethodDescriptor<dev.engram.v1.UpdateConfidenceRequest,
      dev.engram.v1.UpdateConfidenceResponse> getUpdateConfidenceMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "UpdateConfidence",
      requestType = dev.engram.v1.UpdateConfidenceRequest.class,
      responseType = dev.engram.v1.UpdateConfidenceResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<dev.engram.v1.UpdateConfidenceRequest,
      dev.engram.v1.UpdateConfidenceResponse> getUpdateConfidenceMethod() {
    io.grpc.MethodDescriptor<dev.engram.v1.UpdateConfidenceRequest, dev.engram.v1.UpdateConfidenceResponse> getUpdateConfidenceMethod;
    if ((getUpdateConfidenceMethod = ConfidenceServiceGrpc.getUpdateConfidenceMethod) == null) {
      synchronized (ConfidenceServiceGrpc.class) {
        if ((getUpdateConfidenceMethod = ConfidenceServiceGrpc.getUpdateConfidenceMethod) == null) {
          ConfidenceServiceGrpc.getUpdateConfidenceMethod = getUpdateConfidenceMethod =
              io.grpc.MethodDescriptor.<dev.engram.v1.UpdateConfidenceRequest, dev.engram.v1.UpdateConfidenceResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "UpdateConfidence"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  dev.engram.v1.UpdateConfidenceRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  dev.engram.v1.UpdateConfidenceResponse.getDefaultInstance()))
              .setSchemaDescriptor(new ConfidenceServiceMethodDescriptorSupplier("UpdateConfidence"))
              .build();
        }
      }
    }
    return getUpdateConfidenceMethod;
  }

  private static volatile io.grpc.MethodDescriptor<dev.engram.v1.GetConfidenceRequest,
      dev.engram.v1.GetConfidenceResponse> getGetConfidenceMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetConfidence",
      requestType = dev.engram.v1.GetConfidenceRequest.class,
      responseType = dev.engram.v1.GetConfidenceResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<dev.engram.v1.GetConfidenceRequest,
      dev.engram.v1.GetConfidenceResponse> getGetConfidenceMethod() {
    io.grpc.MethodDescriptor<dev.engram.v1.GetConfidenceRequest, dev.engram.v1.GetConfidenceResponse> getGetConfidenceMethod;
    if ((getGetConfidenceMethod = ConfidenceServiceGrpc.getGetConfidenceMethod) == null) {
      synchronized (ConfidenceServiceGrpc.class) {
        if ((getGetConfidenceMethod = ConfidenceServiceGrpc.getGetConfidenceMethod) == null) {
          ConfidenceServiceGrpc.getGetConfidenceMethod = getGetConfidenceMethod =
              io.grpc.MethodDescriptor.<dev.engram.v1.GetConfidenceRequest, dev.engram.v1.GetConfidenceResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetConfidence"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  dev.engram.v1.GetConfidenceRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  dev.engram.v1.GetConfidenceResponse.getDefaultInstance()))
              .setSchemaDescriptor(new ConfidenceServiceMethodDescriptorSupplier("GetConfidence"))
              .build();
        }
      }
    }
    return getGetConfidenceMethod;
  }

  private static volatile io.grpc.MethodDescriptor<dev.engram.v1.BatchGetConfidenceRequest,
      dev.engram.v1.BatchGetConfidenceResponse> getBatchGetConfidenceMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "BatchGetConfidence",
      requestType = dev.engram.v1.BatchGetConfidenceRequest.class,
      responseType = dev.engram.v1.BatchGetConfidenceResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<dev.engram.v1.BatchGetConfidenceRequest,
      dev.engram.v1.BatchGetConfidenceResponse> getBatchGetConfidenceMethod() {
    io.grpc.MethodDescriptor<dev.engram.v1.BatchGetConfidenceRequest, dev.engram.v1.BatchGetConfidenceResponse> getBatchGetConfidenceMethod;
    if ((getBatchGetConfidenceMethod = ConfidenceServiceGrpc.getBatchGetConfidenceMethod) == null) {
      synchronized (ConfidenceServiceGrpc.class) {
        if ((getBatchGetConfidenceMethod = ConfidenceServiceGrpc.getBatchGetConfidenceMethod) == null) {
          ConfidenceServiceGrpc.getBatchGetConfidenceMethod = getBatchGetConfidenceMethod =
              io.grpc.MethodDescriptor.<dev.engram.v1.BatchGetConfidenceRequest, dev.engram.v1.BatchGetConfidenceResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "BatchGetConfidence"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  dev.engram.v1.BatchGetConfidenceRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  dev.engram.v1.BatchGetConfidenceResponse.getDefaultInstance()))
              .setSchemaDescriptor(new ConfidenceServiceMethodDescriptorSupplier("BatchGetConfidence"))
              .build();
        }
      }
    }
    return getBatchGetConfidenceMethod;
  }

  private static volatile io.grpc.MethodDescriptor<dev.engram.v1.BatchUpdateConfidenceRequest,
      dev.engram.v1.BatchUpdateConfidenceResponse> getBatchUpdateConfidenceMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "BatchUpdateConfidence",
      requestType = dev.engram.v1.BatchUpdateConfidenceRequest.class,
      responseType = dev.engram.v1.BatchUpdateConfidenceResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<dev.engram.v1.BatchUpdateConfidenceRequest,
      dev.engram.v1.BatchUpdateConfidenceResponse> getBatchUpdateConfidenceMethod() {
    io.grpc.MethodDescriptor<dev.engram.v1.BatchUpdateConfidenceRequest, dev.engram.v1.BatchUpdateConfidenceResponse> getBatchUpdateConfidenceMethod;
    if ((getBatchUpdateConfidenceMethod = ConfidenceServiceGrpc.getBatchUpdateConfidenceMethod) == null) {
      synchronized (ConfidenceServiceGrpc.class) {
        if ((getBatchUpdateConfidenceMethod = ConfidenceServiceGrpc.getBatchUpdateConfidenceMethod) == null) {
          ConfidenceServiceGrpc.getBatchUpdateConfidenceMethod = getBatchUpdateConfidenceMethod =
              io.grpc.MethodDescriptor.<dev.engram.v1.BatchUpdateConfidenceRequest, dev.engram.v1.BatchUpdateConfidenceResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "BatchUpdateConfidence"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  dev.engram.v1.BatchUpdateConfidenceRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  dev.engram.v1.BatchUpdateConfidenceResponse.getDefaultInstance()))
              .setSchemaDescriptor(new ConfidenceServiceMethodDescriptorSupplier("BatchUpdateConfidence"))
              .build();
        }
      }
    }
    return getBatchUpdateConfidenceMethod;
  }

  private static volatile io.grpc.MethodDescriptor<dev.engram.v1.ListConfidenceRequest,
      dev.engram.v1.ListConfidenceResponse> getListConfidenceMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListConfidence",
      requestType = dev.engram.v1.ListConfidenceRequest.class,
      responseType = dev.engram.v1.ListConfidenceResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<dev.engram.v1.ListConfidenceRequest,
      dev.engram.v1.ListConfidenceResponse> getListConfidenceMethod() {
    io.grpc.MethodDescriptor<dev.engram.v1.ListConfidenceRequest, dev.engram.v1.ListConfidenceResponse> getListConfidenceMethod;
    if ((getListConfidenceMethod = ConfidenceServiceGrpc.getListConfidenceMethod) == null) {
      synchronized (ConfidenceServiceGrpc.class) {
        if ((getListConfidenceMethod = ConfidenceServiceGrpc.getListConfidenceMethod) == null) {
          ConfidenceServiceGrpc.getListConfidenceMethod = getListConfidenceMethod =
              io.grpc.MethodDescriptor.<dev.engram.v1.ListConfidenceRequest, dev.engram.v1.ListConfidenceResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListConfidence"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  dev.engram.v1.ListConfidenceRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  dev.engram.v1.ListConfidenceResponse.getDefaultInstance()))
              .setSchemaDescriptor(new ConfidenceServiceMethodDescriptorSupplier("ListConfidence"))
              .build();
        }
      }
    }
    return getListConfidenceMethod;
  }

  /**
   * Creates a new async stub that supports all call types for the service
   */
  public static ConfidenceServiceStub newStub(io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<ConfidenceServiceStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<ConfidenceServiceStub>() {
        @java.lang.Override
        public ConfidenceServiceStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new ConfidenceServiceStub(channel, callOptions);
        }
      };
    return ConfidenceServiceStub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports all types of calls on the service
   */
  public static ConfidenceServiceBlockingV2Stub newBlockingV2Stub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<ConfidenceServiceBlockingV2Stub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<ConfidenceServiceBlockingV2Stub>() {
        @java.lang.Override
        public ConfidenceServiceBlockingV2Stub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new ConfidenceServiceBlockingV2Stub(channel, callOptions);
        }
      };
    return ConfidenceServiceBlockingV2Stub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports unary and streaming output calls on the service
   */
  public static ConfidenceServiceBlockingStub newBlockingStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<ConfidenceServiceBlockingStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<ConfidenceServiceBlockingStub>() {
        @java.lang.Override
        public ConfidenceServiceBlockingStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new ConfidenceServiceBlockingStub(channel, callOptions);
        }
      };
    return ConfidenceServiceBlockingStub.newStub(factory, channel);
  }

  /**
   * Creates a new ListenableFuture-style stub that supports unary calls on the service
   */
  public static ConfidenceServiceFutureStub newFutureStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<ConfidenceServiceFutureStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<ConfidenceServiceFutureStub>() {
        @java.lang.Override
        public ConfidenceServiceFutureStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new ConfidenceServiceFutureStub(channel, callOptions);
        }
      };
    return ConfidenceServiceFutureStub.newStub(factory, channel);
  }

  /**
   * <pre>
   * Tracks how much to believe each record with the capped-evidence Bayesian rule
   * (spec 004): n_eff = min(evidence_count + 1, evidence_cap),
   * c' = c + (signal - c) / (n_eff + 1), clamped to [0, 1].
   * A record whose expires_at has passed (EmbeddingService ttl) reads as never seen until the
   * sweeper deletes it: GetConfidence and BatchGetConfidence return the namespace's
   * initial_confidence with zero counts, and ListConfidence leaves it out, so a page may hold
   * fewer states than page_size (even none) while next_page_token is set.
   * </pre>
   */
  public interface AsyncService {

    /**
     * <pre>
     * Applies one observation to a record's confidence, atomically.
     * INVALID_ARGUMENT when signal is missing, not finite or outside [0, 1].
     * </pre>
     */
    default void updateConfidence(dev.engram.v1.UpdateConfidenceRequest request,
        io.grpc.stub.StreamObserver<dev.engram.v1.UpdateConfidenceResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getUpdateConfidenceMethod(), responseObserver);
    }

    /**
     * <pre>
     * Reads one record's confidence. An unknown record reads as the prior with zero counts.
     * </pre>
     */
    default void getConfidence(dev.engram.v1.GetConfidenceRequest request,
        io.grpc.stub.StreamObserver<dev.engram.v1.GetConfidenceResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetConfidenceMethod(), responseObserver);
    }

    /**
     * <pre>
     * Reads many records' confidence in one round trip, in request order.
     * </pre>
     */
    default void batchGetConfidence(dev.engram.v1.BatchGetConfidenceRequest request,
        io.grpc.stub.StreamObserver<dev.engram.v1.BatchGetConfidenceResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getBatchGetConfidenceMethod(), responseObserver);
    }

    /**
     * <pre>
     * Applies many observations, in order, pipelined to Redis. The whole batch (at most 1000
     * updates by default; the server's --max-batch-size) is validated before anything is
     * written; each update is atomic on its own.
     * </pre>
     */
    default void batchUpdateConfidence(dev.engram.v1.BatchUpdateConfidenceRequest request,
        io.grpc.stub.StreamObserver<dev.engram.v1.BatchUpdateConfidenceResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getBatchUpdateConfidenceMethod(), responseObserver);
    }

    /**
     * <pre>
     * Lists a namespace's confidence entries by record_id, a page at a time. An entry present
     * during the whole listing is returned exactly once.
     * </pre>
     */
    default void listConfidence(dev.engram.v1.ListConfidenceRequest request,
        io.grpc.stub.StreamObserver<dev.engram.v1.ListConfidenceResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListConfidenceMethod(), responseObserver);
    }
  }

  /**
   * Base class for the server implementation of the service ConfidenceService.
   * <pre>
   * Tracks how much to believe each record with the capped-evidence Bayesian rule
   * (spec 004): n_eff = min(evidence_count + 1, evidence_cap),
   * c' = c + (signal - c) / (n_eff + 1), clamped to [0, 1].
   * A record whose expires_at has passed (EmbeddingService ttl) reads as never seen until the
   * sweeper deletes it: GetConfidence and BatchGetConfidence return the namespace's
   * initial_confidence with zero counts, and ListConfidence leaves it out, so a page may hold
   * fewer states than page_size (even none) while next_page_token is set.
   * </pre>
   */
  public static abstract class ConfidenceServiceImplBase
      implements io.grpc.BindableService, AsyncService {

    @java.lang.Override public final io.grpc.ServerServiceDefinition bindService() {
      return ConfidenceServiceGrpc.bindService(this);
    }
  }

  /**
   * A stub to allow clients to do asynchronous rpc calls to service ConfidenceService.
   * <pre>
   * Tracks how much to believe each record with the capped-evidence Bayesian rule
   * (spec 004): n_eff = min(evidence_count + 1, evidence_cap),
   * c' = c + (signal - c) / (n_eff + 1), clamped to [0, 1].
   * A record whose expires_at has passed (EmbeddingService ttl) reads as never seen until the
   * sweeper deletes it: GetConfidence and BatchGetConfidence return the namespace's
   * initial_confidence with zero counts, and ListConfidence leaves it out, so a page may hold
   * fewer states than page_size (even none) while next_page_token is set.
   * </pre>
   */
  public static final class ConfidenceServiceStub
      extends io.grpc.stub.AbstractAsyncStub<ConfidenceServiceStub> {
    private ConfidenceServiceStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected ConfidenceServiceStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new ConfidenceServiceStub(channel, callOptions);
    }

    /**
     * <pre>
     * Applies one observation to a record's confidence, atomically.
     * INVALID_ARGUMENT when signal is missing, not finite or outside [0, 1].
     * </pre>
     */
    public void updateConfidence(dev.engram.v1.UpdateConfidenceRequest request,
        io.grpc.stub.StreamObserver<dev.engram.v1.UpdateConfidenceResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getUpdateConfidenceMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Reads one record's confidence. An unknown record reads as the prior with zero counts.
     * </pre>
     */
    public void getConfidence(dev.engram.v1.GetConfidenceRequest request,
        io.grpc.stub.StreamObserver<dev.engram.v1.GetConfidenceResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetConfidenceMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Reads many records' confidence in one round trip, in request order.
     * </pre>
     */
    public void batchGetConfidence(dev.engram.v1.BatchGetConfidenceRequest request,
        io.grpc.stub.StreamObserver<dev.engram.v1.BatchGetConfidenceResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getBatchGetConfidenceMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Applies many observations, in order, pipelined to Redis. The whole batch (at most 1000
     * updates by default; the server's --max-batch-size) is validated before anything is
     * written; each update is atomic on its own.
     * </pre>
     */
    public void batchUpdateConfidence(dev.engram.v1.BatchUpdateConfidenceRequest request,
        io.grpc.stub.StreamObserver<dev.engram.v1.BatchUpdateConfidenceResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getBatchUpdateConfidenceMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Lists a namespace's confidence entries by record_id, a page at a time. An entry present
     * during the whole listing is returned exactly once.
     * </pre>
     */
    public void listConfidence(dev.engram.v1.ListConfidenceRequest request,
        io.grpc.stub.StreamObserver<dev.engram.v1.ListConfidenceResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListConfidenceMethod(), getCallOptions()), request, responseObserver);
    }
  }

  /**
   * A stub to allow clients to do synchronous rpc calls to service ConfidenceService.
   * <pre>
   * Tracks how much to believe each record with the capped-evidence Bayesian rule
   * (spec 004): n_eff = min(evidence_count + 1, evidence_cap),
   * c' = c + (signal - c) / (n_eff + 1), clamped to [0, 1].
   * A record whose expires_at has passed (EmbeddingService ttl) reads as never seen until the
   * sweeper deletes it: GetConfidence and BatchGetConfidence return the namespace's
   * initial_confidence with zero counts, and ListConfidence leaves it out, so a page may hold
   * fewer states than page_size (even none) while next_page_token is set.
   * </pre>
   */
  public static final class ConfidenceServiceBlockingV2Stub
      extends io.grpc.stub.AbstractBlockingStub<ConfidenceServiceBlockingV2Stub> {
    private ConfidenceServiceBlockingV2Stub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected ConfidenceServiceBlockingV2Stub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new ConfidenceServiceBlockingV2Stub(channel, callOptions);
    }

    /**
     * <pre>
     * Applies one observation to a record's confidence, atomically.
     * INVALID_ARGUMENT when signal is missing, not finite or outside [0, 1].
     * </pre>
     */
    public dev.engram.v1.UpdateConfidenceResponse updateConfidence(dev.engram.v1.UpdateConfidenceRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getUpdateConfidenceMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Reads one record's confidence. An unknown record reads as the prior with zero counts.
     * </pre>
     */
    public dev.engram.v1.GetConfidenceResponse getConfidence(dev.engram.v1.GetConfidenceRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getGetConfidenceMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Reads many records' confidence in one round trip, in request order.
     * </pre>
     */
    public dev.engram.v1.BatchGetConfidenceResponse batchGetConfidence(dev.engram.v1.BatchGetConfidenceRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getBatchGetConfidenceMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Applies many observations, in order, pipelined to Redis. The whole batch (at most 1000
     * updates by default; the server's --max-batch-size) is validated before anything is
     * written; each update is atomic on its own.
     * </pre>
     */
    public dev.engram.v1.BatchUpdateConfidenceResponse batchUpdateConfidence(dev.engram.v1.BatchUpdateConfidenceRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getBatchUpdateConfidenceMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists a namespace's confidence entries by record_id, a page at a time. An entry present
     * during the whole listing is returned exactly once.
     * </pre>
     */
    public dev.engram.v1.ListConfidenceResponse listConfidence(dev.engram.v1.ListConfidenceRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getListConfidenceMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do limited synchronous rpc calls to service ConfidenceService.
   * <pre>
   * Tracks how much to believe each record with the capped-evidence Bayesian rule
   * (spec 004): n_eff = min(evidence_count + 1, evidence_cap),
   * c' = c + (signal - c) / (n_eff + 1), clamped to [0, 1].
   * A record whose expires_at has passed (EmbeddingService ttl) reads as never seen until the
   * sweeper deletes it: GetConfidence and BatchGetConfidence return the namespace's
   * initial_confidence with zero counts, and ListConfidence leaves it out, so a page may hold
   * fewer states than page_size (even none) while next_page_token is set.
   * </pre>
   */
  public static final class ConfidenceServiceBlockingStub
      extends io.grpc.stub.AbstractBlockingStub<ConfidenceServiceBlockingStub> {
    private ConfidenceServiceBlockingStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected ConfidenceServiceBlockingStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new ConfidenceServiceBlockingStub(channel, callOptions);
    }

    /**
     * <pre>
     * Applies one observation to a record's confidence, atomically.
     * INVALID_ARGUMENT when signal is missing, not finite or outside [0, 1].
     * </pre>
     */
    public dev.engram.v1.UpdateConfidenceResponse updateConfidence(dev.engram.v1.UpdateConfidenceRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getUpdateConfidenceMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Reads one record's confidence. An unknown record reads as the prior with zero counts.
     * </pre>
     */
    public dev.engram.v1.GetConfidenceResponse getConfidence(dev.engram.v1.GetConfidenceRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetConfidenceMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Reads many records' confidence in one round trip, in request order.
     * </pre>
     */
    public dev.engram.v1.BatchGetConfidenceResponse batchGetConfidence(dev.engram.v1.BatchGetConfidenceRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getBatchGetConfidenceMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Applies many observations, in order, pipelined to Redis. The whole batch (at most 1000
     * updates by default; the server's --max-batch-size) is validated before anything is
     * written; each update is atomic on its own.
     * </pre>
     */
    public dev.engram.v1.BatchUpdateConfidenceResponse batchUpdateConfidence(dev.engram.v1.BatchUpdateConfidenceRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getBatchUpdateConfidenceMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists a namespace's confidence entries by record_id, a page at a time. An entry present
     * during the whole listing is returned exactly once.
     * </pre>
     */
    public dev.engram.v1.ListConfidenceResponse listConfidence(dev.engram.v1.ListConfidenceRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListConfidenceMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do ListenableFuture-style rpc calls to service ConfidenceService.
   * <pre>
   * Tracks how much to believe each record with the capped-evidence Bayesian rule
   * (spec 004): n_eff = min(evidence_count + 1, evidence_cap),
   * c' = c + (signal - c) / (n_eff + 1), clamped to [0, 1].
   * A record whose expires_at has passed (EmbeddingService ttl) reads as never seen until the
   * sweeper deletes it: GetConfidence and BatchGetConfidence return the namespace's
   * initial_confidence with zero counts, and ListConfidence leaves it out, so a page may hold
   * fewer states than page_size (even none) while next_page_token is set.
   * </pre>
   */
  public static final class ConfidenceServiceFutureStub
      extends io.grpc.stub.AbstractFutureStub<ConfidenceServiceFutureStub> {
    private ConfidenceServiceFutureStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected ConfidenceServiceFutureStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new ConfidenceServiceFutureStub(channel, callOptions);
    }

    /**
     * <pre>
     * Applies one observation to a record's confidence, atomically.
     * INVALID_ARGUMENT when signal is missing, not finite or outside [0, 1].
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<dev.engram.v1.UpdateConfidenceResponse> updateConfidence(
        dev.engram.v1.UpdateConfidenceRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getUpdateConfidenceMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Reads one record's confidence. An unknown record reads as the prior with zero counts.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<dev.engram.v1.GetConfidenceResponse> getConfidence(
        dev.engram.v1.GetConfidenceRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetConfidenceMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Reads many records' confidence in one round trip, in request order.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<dev.engram.v1.BatchGetConfidenceResponse> batchGetConfidence(
        dev.engram.v1.BatchGetConfidenceRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getBatchGetConfidenceMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Applies many observations, in order, pipelined to Redis. The whole batch (at most 1000
     * updates by default; the server's --max-batch-size) is validated before anything is
     * written; each update is atomic on its own.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<dev.engram.v1.BatchUpdateConfidenceResponse> batchUpdateConfidence(
        dev.engram.v1.BatchUpdateConfidenceRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getBatchUpdateConfidenceMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Lists a namespace's confidence entries by record_id, a page at a time. An entry present
     * during the whole listing is returned exactly once.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<dev.engram.v1.ListConfidenceResponse> listConfidence(
        dev.engram.v1.ListConfidenceRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListConfidenceMethod(), getCallOptions()), request);
    }
  }

  private static final int METHODID_UPDATE_CONFIDENCE = 0;
  private static final int METHODID_GET_CONFIDENCE = 1;
  private static final int METHODID_BATCH_GET_CONFIDENCE = 2;
  private static final int METHODID_BATCH_UPDATE_CONFIDENCE = 3;
  private static final int METHODID_LIST_CONFIDENCE = 4;

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
        case METHODID_UPDATE_CONFIDENCE:
          serviceImpl.updateConfidence((dev.engram.v1.UpdateConfidenceRequest) request,
              (io.grpc.stub.StreamObserver<dev.engram.v1.UpdateConfidenceResponse>) responseObserver);
          break;
        case METHODID_GET_CONFIDENCE:
          serviceImpl.getConfidence((dev.engram.v1.GetConfidenceRequest) request,
              (io.grpc.stub.StreamObserver<dev.engram.v1.GetConfidenceResponse>) responseObserver);
          break;
        case METHODID_BATCH_GET_CONFIDENCE:
          serviceImpl.batchGetConfidence((dev.engram.v1.BatchGetConfidenceRequest) request,
              (io.grpc.stub.StreamObserver<dev.engram.v1.BatchGetConfidenceResponse>) responseObserver);
          break;
        case METHODID_BATCH_UPDATE_CONFIDENCE:
          serviceImpl.batchUpdateConfidence((dev.engram.v1.BatchUpdateConfidenceRequest) request,
              (io.grpc.stub.StreamObserver<dev.engram.v1.BatchUpdateConfidenceResponse>) responseObserver);
          break;
        case METHODID_LIST_CONFIDENCE:
          serviceImpl.listConfidence((dev.engram.v1.ListConfidenceRequest) request,
              (io.grpc.stub.StreamObserver<dev.engram.v1.ListConfidenceResponse>) responseObserver);
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
        default:
          throw new AssertionError();
      }
    }
  }

  public static final io.grpc.ServerServiceDefinition bindService(AsyncService service) {
    return io.grpc.ServerServiceDefinition.builder(getServiceDescriptor())
        .addMethod(
          getUpdateConfidenceMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              dev.engram.v1.UpdateConfidenceRequest,
              dev.engram.v1.UpdateConfidenceResponse>(
                service, METHODID_UPDATE_CONFIDENCE)))
        .addMethod(
          getGetConfidenceMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              dev.engram.v1.GetConfidenceRequest,
              dev.engram.v1.GetConfidenceResponse>(
                service, METHODID_GET_CONFIDENCE)))
        .addMethod(
          getBatchGetConfidenceMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              dev.engram.v1.BatchGetConfidenceRequest,
              dev.engram.v1.BatchGetConfidenceResponse>(
                service, METHODID_BATCH_GET_CONFIDENCE)))
        .addMethod(
          getBatchUpdateConfidenceMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              dev.engram.v1.BatchUpdateConfidenceRequest,
              dev.engram.v1.BatchUpdateConfidenceResponse>(
                service, METHODID_BATCH_UPDATE_CONFIDENCE)))
        .addMethod(
          getListConfidenceMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              dev.engram.v1.ListConfidenceRequest,
              dev.engram.v1.ListConfidenceResponse>(
                service, METHODID_LIST_CONFIDENCE)))
        .build();
  }

  private static abstract class ConfidenceServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoFileDescriptorSupplier, io.grpc.protobuf.ProtoServiceDescriptorSupplier {
    ConfidenceServiceBaseDescriptorSupplier() {}

    @java.lang.Override
    public com.google.protobuf.Descriptors.FileDescriptor getFileDescriptor() {
      return dev.engram.v1.ConfidenceProto.getDescriptor();
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.ServiceDescriptor getServiceDescriptor() {
      return getFileDescriptor().findServiceByName("ConfidenceService");
    }
  }

  private static final class ConfidenceServiceFileDescriptorSupplier
      extends ConfidenceServiceBaseDescriptorSupplier {
    ConfidenceServiceFileDescriptorSupplier() {}
  }

  private static final class ConfidenceServiceMethodDescriptorSupplier
      extends ConfidenceServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoMethodDescriptorSupplier {
    private final java.lang.String methodName;

    ConfidenceServiceMethodDescriptorSupplier(java.lang.String methodName) {
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
      synchronized (ConfidenceServiceGrpc.class) {
        result = serviceDescriptor;
        if (result == null) {
          serviceDescriptor = result = io.grpc.ServiceDescriptor.newBuilder(SERVICE_NAME)
              .setSchemaDescriptor(new ConfidenceServiceFileDescriptorSupplier())
              .addMethod(getUpdateConfidenceMethod())
              .addMethod(getGetConfidenceMethod())
              .addMethod(getBatchGetConfidenceMethod())
              .addMethod(getBatchUpdateConfidenceMethod())
              .addMethod(getListConfidenceMethod())
              .build();
        }
      }
    }
    return result;
  }
}
