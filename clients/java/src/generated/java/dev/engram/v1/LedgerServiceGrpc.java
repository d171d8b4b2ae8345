package dev.engram.v1;

import static io.grpc.MethodDescriptor.generateFullMethodName;

/**
 * <pre>
 * Predictions recorded before acting, resolved against outcomes (popoto's
 * PredictionLedgerMixin, spec 001). A resolution whose error exceeds 0.7 sends signal 0.2
 * to the record's confidence in the same atomic step.
 * An expired record (expires_at passed) is absent from reads until it is deleted:
 * GetPrediction returns found=false, ListPredictions and ListHighestErrors leave it out,
 * and GetErrorSummary leaves its error out of every statistic.
 * </pre>
 */
@io.grpc.stub.annotations.GrpcGenerated
public final class LedgerServiceGrpc {

  private LedgerServiceGrpc() {}

  public static final java.lang.String SERVICE_NAME = "engram.v1.LedgerService";

  // Static method descriptors that strictly reflect the proto.
  private static volatile io.grpc.MethodDescriptor<dev.engram.v1.RecordPredictionRequest,
      dev.engram.v1.RecordPredictionResponse> getRecordPredictionMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "RecordPrediction",
      requestType = dev.engram.v1.RecordPredictionRequest.class,
      responseType = dev.engram.v1.RecordPredictionResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<dev.engram.v1.RecordPredictionRequest,
      dev.engram.v1.RecordPredictionResponse> getRecordPredictionMethod() {
    io.grpc.MethodDescriptor<dev.engram.v1.RecordPredictionRequest, dev.engram.v1.RecordPredictionResponse> getRecordPredictionMethod;
    if ((getRecordPredictionMethod = LedgerServiceGrpc.getRecordPredictionMethod) == null) {
      synchronized (LedgerServiceGrpc.class) {
        if ((getRecordPredictionMethod = LedgerServiceGrpc.getRecordPredictionMethod) == null) {
          LedgerServiceGrpc.getRecordPredictionMethod = getRecordPredictionMethod =
              io.grpc.MethodDescriptor.<dev.engram.v1.RecordPredictionRequest, dev.engram.v1.RecordPredictionResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "RecordPrediction"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  dev.engram.v1.RecordPredictionRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  dev.engram.v1.RecordPredictionResponse.getDefaultInstance()))
              .setSchemaDescriptor(new LedgerServiceMethodDescriptorSupplier("RecordPrediction"))
              .build();
        }
      }
    }
    return getRecordPredictionMethod;
  }

  private static volatile io.grpc.MethodDescriptor<dev.engram.v1.ResolvePredictionRequest,
      dev.engram.v1.ResolvePredictionResponse> getResolvePredictionMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ResolvePrediction",
      requestType = dev.engram.v1.ResolvePredictionRequest.class,
      responseType = dev.engram.v1.ResolvePredictionResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<dev.engram.v1.ResolvePredictionRequest,
      dev.engram.v1.ResolvePredictionResponse> getResolvePredictionMethod() {
    io.grpc.MethodDescriptor<dev.engram.v1.ResolvePredictionRequest, dev.engram.v1.ResolvePredictionResponse> getResolvePredictionMethod;
    if ((getResolvePredictionMethod = LedgerServiceGrpc.getResolvePredictionMethod) == null) {
      synchronized (LedgerServiceGrpc.class) {
        if ((getResolvePredictionMethod = LedgerServiceGrpc.getResolvePredictionMethod) == null) {
          LedgerServiceGrpc.getResolvePredictionMethod = getResolvePredictionMethod =
              io.grpc.MethodDescriptor.<dev.engram.v1.ResolvePredictionRequest, dev.engram.v1.ResolvePredictionResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ResolvePrediction"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  dev.engram.v1.ResolvePredictionRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  dev.engram.v1.ResolvePredictionResponse.getDefaultInstance()))
              .setSchemaDescriptor(new LedgerServiceMethodDescriptorSupplier("ResolvePrediction"))
              .build();
        }
      }
    }
    return getResolvePredictionMethod;
  }

  private static volatile io.grpc.MethodDescriptor<dev.engram.v1.AutoResolvePredictionRequest,
      dev.engram.v1.AutoResolvePredictionResponse> getAutoResolvePredictionMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "AutoResolvePrediction",
      requestType = dev.engram.v1.AutoResolvePredictionRequest.class,
      responseType = dev.engram.v1.AutoResolvePredictionResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<dev.engram.v1.AutoResolvePredictionRequest,
      dev.engram.v1.AutoResolvePredictionResponse> getAutoResolvePredictionMethod() {
    io.grpc.MethodDescriptor<dev.engram.v1.AutoResolvePredictionRequest, dev.engram.v1.AutoResolvePredictionResponse> getAutoResolvePredictionMethod;
    if ((getAutoResolvePredictionMethod = LedgerServiceGrpc.getAutoResolvePredictionMethod) == null) {
      synchronized (LedgerServiceGrpc.class) {
        if ((getAutoResolvePredictionMethod = LedgerServiceGrpc.getAutoResolvePredictionMethod) == null) {
          LedgerServiceGrpc.getAutoResolvePredictionMethod = getAutoResolvePredictionMethod =
              io.grpc.MethodDescriptor.<dev.engram.v1.AutoResolvePredictionRequest, dev.engram.v1.AutoResolvePredictionResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "AutoResolvePrediction"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  dev.engram.v1.AutoResolvePredictionRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  dev.engram.v1.AutoResolvePredictionResponse.getDefaultInstance()))
              .setSchemaDescriptor(new LedgerServiceMethodDescriptorSupplier("AutoResolvePrediction"))
              .build();
        }
      }
    }
    return getAutoResolvePredictionMethod;
  }

  private static volatile io.grpc.MethodDescriptor<dev.engram.v1.GetPredictionRequest,
      dev.engram.v1.GetPredictionResponse> getGetPredictionMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetPrediction",
      requestType = dev.engram.v1.GetPredictionRequest.class,
      responseType = dev.engram.v1.GetPredictionResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<dev.engram.v1.GetPredictionRequest,
      dev.engram.v1.GetPredictionResponse> getGetPredictionMethod() {
    io.grpc.MethodDescriptor<dev.engram.v1.GetPredictionRequest, dev.engram.v1.GetPredictionResponse> getGetPredictionMethod;
    if ((getGetPredictionMethod = LedgerServiceGrpc.getGetPredictionMethod) == null) {
      synchronized (LedgerServiceGrpc.class) {
        if ((getGetPredictionMethod = LedgerServiceGrpc.getGetPredictionMethod) == null) {
          LedgerServiceGrpc.getGetPredictionMethod = getGetPredictionMethod =
              io.grpc.MethodDescriptor.<dev.engram.v1.GetPredictionRequest, dev.engram.v1.GetPredictionResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetPrediction"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  dev.engram.v1.GetPredictionRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  dev.engram.v1.GetPredictionResponse.getDefaultInstance()))
              .setSchemaDescriptor(new LedgerServiceMethodDescriptorSupplier("GetPrediction"))
              .build();
        }
      }
    }
    return getGetPredictionMethod;
  }

  private static volatile io.grpc.MethodDescriptor<dev.engram.v1.ListHighestErrorsRequest,
      dev.engram.v1.ListHighestErrorsResponse> getListHighestErrorsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListHighestErrors",
      requestType = dev.engram.v1.ListHighestErrorsRequest.class,
      responseType = dev.engram.v1.ListHighestErrorsResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<dev.engram.v1.ListHighestErrorsRequest,
      dev.engram.v1.ListHighestErrorsResponse> getListHighestErrorsMethod() {
    io.grpc.MethodDescriptor<dev.engram.v1.ListHighestErrorsRequest, dev.engram.v1.ListHighestErrorsResponse> getListHighestErrorsMethod;
    if ((getListHighestErrorsMethod = LedgerServiceGrpc.getListHighestErrorsMethod) == null) {
      synchronized (LedgerServiceGrpc.class) {
        if ((getListHighestErrorsMethod = LedgerServiceGrpc.getListHighestErrorsMethod) == null) {
          LedgerServiceGrpc.getListHighestErrorsMethod = getListHighestErrorsMethod =
              io.grpc.MethodDescriptor.<dev.engram.v1.ListHighestErrorsRequest, dev.engram.v1.ListHighestErrorsResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListHighestErrors"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  dev.engram.v1.ListHighestErrorsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  dev.engram.v1.ListHighestErrorsResponse.getDefaultInstance()))
              .setSchemaDescriptor(new LedgerServiceMethodDescriptorSupplier("ListHighestErrors"))
              .build();
        }
      }
    }
    return getListHighestErrorsMethod;
  }

  private static volatile io.grpc.MethodDescriptor<dev.engram.v1.GetErrorSummaryRequest,
      dev.engram.v1.GetErrorSummaryResponse> getGetErrorSummaryMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetErrorSummary",
      requestType = dev.engram.v1.GetErrorSummaryRequest.class,
      responseType = dev.engram.v1.GetErrorSummaryResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<dev.engram.v1.GetErrorSummaryRequest,
      dev.engram.v1.GetErrorSummaryResponse> getGetErrorSummaryMethod() {
    io.grpc.MethodDescriptor<dev.engram.v1.GetErrorSummaryRequest, dev.engram.v1.GetErrorSummaryResponse> getGetErrorSummaryMethod;
    if ((getGetErrorSummaryMethod = LedgerServiceGrpc.getGetErrorSummaryMethod) == null) {
      synchronized (LedgerServiceGrpc.class) {
        if ((getGetErrorSummaryMethod = LedgerServiceGrpc.getGetErrorSummaryMethod) == null) {
          LedgerServiceGrpc.getGetErrorSummaryMethod = getGetErrorSummaryMethod =
              io.grpc.MethodDescriptor.<dev.engram.v1.GetErrorSummaryRequest, dev.engram.v1.GetErrorSummaryResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetErrorSummary"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  dev.engram.v1.GetErrorSummaryRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  dev.engram.v1.GetErrorSummaryResponse.getDefaultInstance()))
              .setSchemaDescriptor(new LedgerServiceMethodDescriptorSupplier("GetErrorSummary"))
              .build();
        }
      }
    }
    return getGetErrorSummaryMethod;
  }

  private static volatile io.grpc.MethodDescriptor<dev.engram.v1.ListPredictionsRequest,
      dev.engram.v1.ListPredictionsResponse> getListPredictionsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListPredictions",
      requestType = dev.engram.v1.ListPredictionsRequest.class,
      responseType = dev.engram.v1.ListPredictionsResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<dev.engram.v1.ListPredictionsRequest,
      dev.engram.v1.ListPredictionsResponse> getListPredictionsMethod() {
    io.grpc.MethodDescriptor<dev.engram.v1.ListPredictionsRequest, dev.engram.v1.ListPredictionsResponse> getListPredictionsMethod;
    if ((getListPredictionsMethod = LedgerServiceGrpc.getListPredictionsMethod) == null) {
      synchronized (LedgerServiceGrpc.class) {
        if ((getListPredictionsMethod = LedgerServiceGrpc.getListPredictionsMethod) == null) {
          LedgerServiceGrpc.getListPredictionsMethod = getListPredictionsMethod =
              io.grpc.MethodDescriptor.<dev.engram.v1.ListPredictionsRequest, dev.engram.v1.ListPredictionsResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListPredictions"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  dev.engram.v1.ListPredictionsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  dev.engram.v1.ListPredictionsResponse.getDefaultInstance()))
              .setSchemaDescriptor(new LedgerServiceMethodDescriptorSupplier("ListPredictions"))
              .build();
        }
      }
    }
    return getListPredictionsMethod;
  }

  /**
   * Creates a new async stub that supports all call types for the service
   */
  public static LedgerServiceStub newStub(io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<LedgerServiceStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<LedgerServiceStub>() {
        @java.lang.Override
        public LedgerServiceStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new LedgerServiceStub(channel, callOptions);
        }
      };
    return LedgerServiceStub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports all types of calls on the service
   */
  public static LedgerServiceBlockingV2Stub newBlockingV2Stub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<LedgerServiceBlockingV2Stub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<LedgerServiceBlockingV2Stub>() {
        @java.lang.Override
        public LedgerServiceBlockingV2Stub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new LedgerServiceBlockingV2Stub(channel, callOptions);
        }
      };
    return LedgerServiceBlockingV2Stub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports unary and streaming output calls on the service
   */
  public static LedgerServiceBlockingStub newBlockingStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<LedgerServiceBlockingStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<LedgerServiceBlockingStub>() {
        @java.lang.Override
        public LedgerServiceBlockingStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new LedgerServiceBlockingStub(channel, callOptions);
        }
      };
    return LedgerServiceBlockingStub.newStub(factory, channel);
  }

  /**
   * Creates a new ListenableFuture-style stub that supports unary calls on the service
   */
  public static LedgerServiceFutureStub newFutureStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<LedgerServiceFutureStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<LedgerServiceFutureStub>() {
        @java.lang.Override
        public LedgerServiceFutureStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new LedgerServiceFutureStub(channel, callOptions);
        }
      };
    return LedgerServiceFutureStub.newStub(factory, channel);
  }

  /**
   * <pre>
   * Predictions recorded before acting, resolved against outcomes (popoto's
   * PredictionLedgerMixin, spec 001). A resolution whose error exceeds 0.7 sends signal 0.2
   * to the record's confidence in the same atomic step.
   * An expired record (expires_at passed) is absent from reads until it is deleted:
   * GetPrediction returns found=false, ListPredictions and ListHighestErrors leave it out,
   * and GetErrorSummary leaves its error out of every statistic.
   * </pre>
   */
  public interface AsyncService {

    /**
     * <pre>
     * Records a prediction for a record, replacing any earlier one.
     * </pre>
     */
    default void recordPrediction(dev.engram.v1.RecordPredictionRequest request,
        io.grpc.stub.StreamObserver<dev.engram.v1.RecordPredictionResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getRecordPredictionMethod(), responseObserver);
    }

    /**
     * <pre>
     * Resolves the open prediction against actual values. error = mean over the union of
     * keys: numbers |p - a| / max(|p|, |a|, 1); other values 0 if equal else 1; a key
     * missing on either side 1. No prediction or an already resolved one is reported in
     * the response's status, not as an error.
     * </pre>
     */
    default void resolvePrediction(dev.engram.v1.ResolvePredictionRequest request,
        io.grpc.stub.StreamObserver<dev.engram.v1.ResolvePredictionResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getResolvePredictionMethod(), responseObserver);
    }

    /**
     * <pre>
     * Resolves the open prediction from an observed outcome: acted 0.1, used 0.3,
     * dismissed 0.5, contradicted 0.9.
     * </pre>
     */
    default void autoResolvePrediction(dev.engram.v1.AutoResolvePredictionRequest request,
        io.grpc.stub.StreamObserver<dev.engram.v1.AutoResolvePredictionResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getAutoResolvePredictionMethod(), responseObserver);
    }

    /**
     * <pre>
     * Reads a record's latest prediction.
     * </pre>
     */
    default void getPrediction(dev.engram.v1.GetPredictionRequest request,
        io.grpc.stub.StreamObserver<dev.engram.v1.GetPredictionResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetPredictionMethod(), responseObserver);
    }

    /**
     * <pre>
     * Lists the records with the highest prediction errors, descending.
     * </pre>
     */
    default void listHighestErrors(dev.engram.v1.ListHighestErrorsRequest request,
        io.grpc.stub.StreamObserver<dev.engram.v1.ListHighestErrorsResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListHighestErrorsMethod(), responseObserver);
    }

    /**
     * <pre>
     * Summarises prediction errors: count, mean, population standard deviation,
     * p50, p90, p99 (linear interpolation) and max; optionally grouped by hour, weekday or
     * day of resolution (UTC).
     * </pre>
     */
    default void getErrorSummary(dev.engram.v1.GetErrorSummaryRequest request,
        io.grpc.stub.StreamObserver<dev.engram.v1.GetErrorSummaryResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetErrorSummaryMethod(), responseObserver);
    }

    /**
     * <pre>
     * Lists predictions by record_id, a page at a time, optionally only open or resolved ones.
     * </pre>
     */
    default void listPredictions(dev.engram.v1.ListPredictionsRequest request,
        io.grpc.stub.StreamObserver<dev.engram.v1.ListPredictionsResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListPredictionsMethod(), responseObserver);
    }
  }

  /**
   * Base class for the server implementation of the service LedgerService.
   * <pre>
   * Predictions recorded before acting, resolved against outcomes (popoto's
   * PredictionLedgerMixin, spec 001). A resolution whose error exceeds 0.7 sends signal 0.2
   * to the record's confidence in the same atomic step.
   * An expired record (expires_at passed) is absent from reads until it is deleted:
   * GetPrediction returns found=false, ListPredictions and ListHighestErrors leave it out,
   * and GetErrorSummary leaves its error out of every statistic.
   * </pre>
   */
  public static abstract class LedgerServiceImplBase
      implements io.grpc.BindableService, AsyncService {

    @java.lang.Override public final io.grpc.ServerServiceDefinition bindService() {
      return LedgerServiceGrpc.bindService(this);
    }
  }

  /**
   * A stub to allow clients to do asynchronous rpc calls to service LedgerService.
   * <pre>
   * Predictions recorded before acting, resolved against outcomes (popoto's
   * PredictionLedgerMixin, spec 001). A resolution whose error exceeds 0.7 sends signal 0.2
   * to the record's confidence in the same atomic step.
   * An expired record (expires_at passed) is absent from reads until it is deleted:
   * GetPrediction returns found=false, ListPredictions and ListHighestErrors leave it out,
   * and GetErrorSummary leaves its error out of every statistic.
   * </pre>
   */
  public static final class LedgerServiceStub
      extends io.grpc.stub.AbstractAsyncStub<LedgerServiceStub> {
    private LedgerServiceStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected LedgerServiceStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new LedgerServiceStub(channel, callOptions);
    }

    /**
     * <pre>
     * Records a prediction for a record, replacing any earlier one.
     * </pre>
     */
    public void recordPrediction(dev.engram.v1.RecordPredictionRequest request,
        io.grpc.stub.StreamObserver<dev.engram.v1.RecordPredictionResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getRecordPredictionMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Resolves the open prediction against actual values. error = mean over the union of
     * keys: numbers |p - a| / max(|p|, |a|, 1); other values 0 if equal else 1; a key
     * missing on either side 1. No prediction or an already resolved one is reported in
     * the response's status, not as an error.
     * </pre>
     */
    public void resolvePrediction(dev.engram.v1.ResolvePredictionRequest request,
        io.grpc.stub.StreamObserver<dev.engram.v1.ResolvePredictionResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getResolvePredictionMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Resolves the open prediction from an observed outcome: acted 0.1, used 0.3,
     * dismissed 0.5, contradicted 0.9.
     * </pre>
     */
    public void autoResolvePrediction(dev.engram.v1.AutoResolvePredictionRequest request,
        io.grpc.stub.StreamObserver<dev.engram.v1.AutoResolvePredictionResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getAutoResolvePredictionMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Reads a record's latest prediction.
     * </pre>
     */
    public void getPrediction(dev.engram.v1.GetPredictionRequest request,
        io.grpc.stub.StreamObserver<dev.engram.v1.GetPredictionResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetPredictionMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Lists the records with the highest prediction errors, descending.
     * </pre>
     */
    public void listHighestErrors(dev.engram.v1.ListHighestErrorsRequest request,
        io.grpc.stub.StreamObserver<dev.engram.v1.ListHighestErrorsResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListHighestErrorsMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Summarises prediction errors: count, mean, population standard deviation,
     * p50, p90, p99 (linear interpolation) and max; optionally grouped by hour, weekday or
     * day of resolution (UTC).
     * </pre>
     */
    public void getErrorSummary(dev.engram.v1.GetErrorSummaryRequest request,
        io.grpc.stub.StreamObserver<dev.engram.v1.GetErrorSummaryResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetErrorSummaryMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Lists predictions by record_id, a page at a time, optionally only open or resolved ones.
     * </pre>
     */
    public void listPredictions(dev.engram.v1.ListPredictionsRequest request,
        io.grpc.stub.StreamObserver<dev.engram.v1.ListPredictionsResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListPredictionsMethod(), getCallOptions()), request, responseObserver);
    }
  }

  /**
   * A stub to allow clients to do synchronous rpc calls to service LedgerService.
   * <pre>
   * Predictions recorded before acting, resolved against outcomes (popoto's
   * PredictionLedgerMixin, spec 001). A resolution whose error exceeds 0.7 sends signal 0.2
   * to the record's confidence in the same atomic step.
   * An expired record (expires_at passed) is absent from reads until it is deleted:
   * GetPrediction returns found=false, ListPredictions and ListHighestErrors leave it out,
   * and GetErrorSummary leaves its error out of every statistic.
   * </pre>
   */
  public static final class LedgerServiceBlockingV2Stub
      extends io.grpc.stub.AbstractBlockingStub<LedgerServiceBlockingV2Stub> {
    private LedgerServiceBlockingV2Stub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected LedgerServiceBlockingV2Stub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new LedgerServiceBlockingV2Stub(channel, callOptions);
    }

    /**
     * <pre>
     * Records a prediction for a record, replacing any earlier one.
     * </pre>
     */
    public dev.engram.v1.RecordPredictionResponse recordPrediction(dev.engram.v1.RecordPredictionRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getRecordPredictionMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Resolves the open prediction against actual values. error = mean over the union of
     * keys: numbers |p - a| / max(|p|, |a|, 1); other values 0 if equal else 1; a key
     * missing on either side 1. No prediction or an already resolved one is reported in
     * the response's status, not as an error.
     * </pre>
     */
    public dev.engram.v1.ResolvePredictionResponse resolvePrediction(dev.engram.v1.ResolvePredictionRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getResolvePredictionMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Resolves the open prediction from an observed outcome: acted 0.1, used 0.3,
     * dismissed 0.5, contradicted 0.9.
     * </pre>
     */
    public dev.engram.v1.AutoResolvePredictionResponse autoResolvePrediction(dev.engram.v1.AutoResolvePredictionRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getAutoResolvePredictionMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Reads a record's latest prediction.
     * </pre>
     */
    public dev.engram.v1.GetPredictionResponse getPrediction(dev.engram.v1.GetPredictionRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getGetPredictionMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists the records with the highest prediction errors, descending.
     * </pre>
     */
    public dev.engram.v1.ListHighestErrorsResponse listHighestErrors(dev.engram.v1.ListHighestErrorsRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getListHighestErrorsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Summarises prediction errors: count, mean, population standard deviation,
     * p50, p90, p99 (linear interpolation) and max; optionally grouped by hour, weekday or
     * day of resolution (UTC).
     * </pre>
     */
    public dev.engram.v1.GetErrorSummaryResponse getErrorSummary(dev.engram.v1.GetErrorSummaryRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getGetErrorSummaryMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists predictions by record_id, a page at a time, optionally only open or resolved ones.
     * </pre>
     */
    public dev.engram.v1.ListPredictionsResponse listPredictions(dev.engram.v1.ListPredictionsRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getListPredictionsMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do limited synchronous rpc calls to service LedgerService.
   * <pre>
   * Predictions recorded before acting, resolved against outcomes (popoto's
   * PredictionLedgerMixin, spec 001). A resolution whose error exceeds 0.7 sends signal 0.2
   * to the record's confidence in the same atomic step.
   * An expired record (expires_at passed) is absent from reads until it is deleted:
   * GetPrediction returns found=false, ListPredictions and ListHighestErrors leave it out,
   * and GetErrorSummary leaves its error out of every statistic.
   * </pre>
   */
  public static final class LedgerServiceBlockingStub
      extends io.grpc.stub.AbstractBlockingStub<LedgerServiceBlockingStub> {
    private LedgerServiceBlockingStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected LedgerServiceBlockingStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new LedgerServiceBlockingStub(channel, callOptions);
    }

    /**
     * <pre>
     * Records a prediction for a record, replacing any earlier one.
     * </pre>
     */
    public dev.engram.v1.RecordPredictionResponse recordPrediction(dev.engram.v1.RecordPredictionRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getRecordPredictionMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Resolves the open prediction against actual values. error = mean over the union of
     * keys: numbers |p - a| / max(|p|, |a|, 1); other values 0 if equal else 1; a key
     * missing on either side 1. No prediction or an already resolved one is reported in
     * the response's status, not as an error.
     * </pre>
     */
    public dev.engram.v1.ResolvePredictionResponse resolvePrediction(dev.engram.v1.ResolvePredictionRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getResolvePredictionMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Resolves the open prediction from an observed outcome: acted 0.1, used 0.3,
     * dismissed 0.5, contradicted 0.9.
     * </pre>
     */
    public dev.engram.v1.AutoResolvePredictionResponse autoResolvePrediction(dev.engram.v1.AutoResolvePredictionRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getAutoResolvePredictionMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Reads a record's latest prediction.
     * </pre>
     */
    public dev.engram.v1.GetPredictionResponse getPrediction(dev.engram.v1.GetPredictionRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetPredictionMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists the records with the highest prediction errors, descending.
     * </pre>
     */
    public dev.engram.v1.ListHighestErrorsResponse listHighestErrors(dev.engram.v1.ListHighestErrorsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListHighestErrorsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Summarises prediction errors: count, mean, population standard deviation,
     * p50, p90, p99 (linear interpolation) and max; optionally grouped by hour, weekday or
     * day of resolution (UTC).
     * </pre>
     */
    public dev.engram.v1.GetErrorSummaryResponse getErrorSummary(dev.engram.v1.GetErrorSummaryRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetErrorSummaryMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists predictions by record_id, a page at a time, optionally only open or resolved ones.
     * </pre>
     */
    public dev.engram.v1.ListPredictionsResponse listPredictions(dev.engram.v1.ListPredictionsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListPredictionsMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do ListenableFuture-style rpc calls to service LedgerService.
   * <pre>
   * Predictions recorded before acting, resolved against outcomes (popoto's
   * PredictionLedgerMixin, spec 001). A resolution whose error exceeds 0.7 sends signal 0.2
   * to the record's confidence in the same atomic step.
   * An expired record (expires_at passed) is absent from reads until it is deleted:
   * GetPrediction returns found=false, ListPredictions and ListHighestErrors leave it out,
   * and GetErrorSummary leaves its error out of every statistic.
   * </pre>
   */
  public static final class LedgerServiceFutureStub
      extends io.grpc.stub.AbstractFutureStub<LedgerServiceFutureStub> {
    private LedgerServiceFutureStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected LedgerServiceFutureStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new LedgerServiceFutureStub(channel, callOptions);
    }

    /**
     * <pre>
     * Records a prediction for a record, replacing any earlier one.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<dev.engram.v1.RecordPredictionResponse> recordPrediction(
        dev.engram.v1.RecordPredictionRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getRecordPredictionMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Resolves the open prediction against actual values. error = mean over the union of
     * keys: numbers |p - a| / max(|p|, |a|, 1); other values 0 if equal else 1; a key
     * missing on either side 1. No prediction or an already resolved one is reported in
     * the response's status, not as an error.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<dev.engram.v1.ResolvePredictionResponse> resolvePrediction(
        dev.engram.v1.ResolvePredictionRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getResolvePredictionMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Resolves the open prediction from an observed outcome: acted 0.1, used 0.3,
     * dismissed 0.5, contradicted 0.9.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<dev.engram.v1.AutoResolvePredictionResponse> autoResolvePrediction(
        dev.engram.v1.AutoResolvePredictionRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getAutoResolvePredictionMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Reads a record's latest prediction.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<dev.engram.v1.GetPredictionResponse> getPrediction(
        dev.engram.v1.GetPredictionRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetPredictionMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Lists the records with the highest prediction errors, descending.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<dev.engram.v1.ListHighestErrorsResponse> listHighestErrors(
        dev.engram.v1.ListHighestErrorsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListHighestErrorsMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Summarises prediction errors: count, mean, population standard deviation,
     * p50, p90, p99 (linear interpolation) and max; optionally grouped by hour, weekday or
     * day of resolution (UTC).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<dev.engram.v1.GetErrorSummaryResponse> getErrorSummary(
        dev.engram.v1.GetErrorSummaryRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetErrorSummaryMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Lists predictions by record_id, a page at a time, optionally only open or resolved ones.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<dev.engram.v1.ListPredictionsResponse> listPredictions(
        dev.engram.v1.ListPredictionsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListPredictionsMethod(), getCallOptions()), request);
    }
  }

  private static final int METHODID_RECORD_PREDICTION = 0;
  private static final int METHODID_RESOLVE_PREDICTION = 1;
  private static final int METHODID_AUTO_RESOLVE_PREDICTION = 2;
  private static final int METHODID_GET_PREDICTION = 3;
  private static final int METHODID_LIST_HIGHEST_ERRORS = 4;
  private static final int METHODID_GET_ERROR_SUMMARY = 5;
  private static final int METHODID_LIST_PREDICTIONS = 6;

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
        case METHODID_RECORD_PREDICTION:
          serviceImpl.recordPrediction((dev.engram.v1.RecordPredictionRequest) request,
              (io.grpc.stub.StreamObserver<dev.engram.v1.RecordPredictionResponse>) responseObserver);
          break;
        case METHODID_RESOLVE_PREDICTION:
          serviceImpl.resolvePrediction((dev.engram.v1.ResolvePredictionRequest) request,
              (io.grpc.stub.StreamObserver<dev.engram.v1.ResolvePredictionResponse>) responseObserver);
          break;
        case METHODID_AUTO_RESOLVE_PREDICTION:
          serviceImpl.autoResolvePrediction((dev.engram.v1.AutoResolvePredictionRequest) request,
              (io.grpc.stub.StreamObserver<dev.engram.v1.AutoResolvePredictionResponse>) responseObserver);
          break;
        case METHODID_GET_PREDICTION:
          serviceImpl.getPrediction((dev.engram.v1.GetPredictionRequest) request,
              (io.grpc.stub.StreamObserver<dev.engram.v1.GetPredictionResponse>) responseObserver);
          break;
        case METHODID_LIST_HIGHEST_ERRORS:
          serviceImpl.listHighestErrors((dev.engram.v1.ListHighestErrorsRequest) request,
              (io.grpc.stub.StreamObserver<dev.engram.v1.ListHighestErrorsResponse>) responseObserver);
          break;
        case METHODID_GET_ERROR_SUMMARY:
          serviceImpl.getErrorSummary((dev.engram.v1.GetErrorSummaryRequest) request,
              (io.grpc.stub.StreamObserver<dev.engram.v1.GetErrorSummaryResponse>) responseObserver);
          break;
        case METHODID_LIST_PREDICTIONS:
          serviceImpl.listPredictions((dev.engram.v1.ListPredictionsRequest) request,
              (io.grpc.stub.StreamObserver<dev.engram.v1.ListPredictionsResponse>) responseObserver);
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
          getRecordPredictionMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              dev.engram.v1.RecordPredictionRequest,
              dev.engram.v1.RecordPredictionResponse>(
                service, METHODID_RECORD_PREDICTION)))
        .addMethod(
          getResolvePredictionMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              dev.engram.v1.ResolvePredictionRequest,
              dev.engram.v1.ResolvePredictionResponse>(
                service, METHODID_RESOLVE_PREDICTION)))
        .addMethod(
          getAutoResolvePredictionMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              dev.engram.v1.AutoResolvePredictionRequest,
              dev.engram.v1.AutoResolvePredictionResponse>(
                service, METHODID_AUTO_RESOLVE_PREDICTION)))
        .addMethod(
          getGetPredictionMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              dev.engram.v1.GetPredictionRequest,
              dev.engram.v1.GetPredictionResponse>(
                service, METHODID_GET_PREDICTION)))
        .addMethod(
          getListHighestErrorsMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              dev.engram.v1.ListHighestErrorsRequest,
              dev.engram.v1.ListHighestErrorsResponse>(
                service, METHODID_LIST_HIGHEST_ERRORS)))
        .addMethod(
          getGetErrorSummaryMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              dev.engram.v1.GetErrorSummaryRequest,
              dev.engram.v1.GetErrorSummaryResponse>(
                service, METHODID_GET_ERROR_SUMMARY)))
        .addMethod(
          getListPredictionsMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              dev.engram.v1.ListPredictionsRequest,
              dev.engram.v1.ListPredictionsResponse>(
                service, METHODID_LIST_PREDICTIONS)))
        .build();
  }

  private static abstract class LedgerServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoFileDescriptorSupplier, io.grpc.protobuf.ProtoServiceDescriptorSupplier {
    LedgerServiceBaseDescriptorSupplier() {}

    @java.lang.Override
    public com.google.protobuf.Descriptors.FileDescriptor getFileDescriptor() {
      return dev.engram.v1.LedgerProto.getDescriptor();
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.ServiceDescriptor getServiceDescriptor() {
      return getFileDescriptor().findServiceByName("LedgerService");
    }
  }

  private static final class LedgerServiceFileDescriptorSupplier
      extends LedgerServiceBaseDescriptorSupplier {
    LedgerServiceFileDescriptorSupplier() {}
  }

  private static final class LedgerServiceMethodDescriptorSupplier
      extends LedgerServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoMethodDescriptorSupplier {
    private final java.lang.String methodName;

    LedgerServiceMethodDescriptorSupplier(java.lang.String methodName) {
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
      synchronized (LedgerServiceGrpc.class) {
        result = serviceDescriptor;
        if (result == null) {
          serviceDescriptor = result = io.grpc.ServiceDescriptor.newBuilder(SERVICE_NAME)
              .setSchemaDescriptor(new LedgerServiceFileDescriptorSupplier())
              .addMethod(getRecordPredictionMethod())
              .addMethod(getResolvePredictionMethod())
              .addMethod(getAutoResolvePredictionMethod())
              .addMethod(getGetPredictionMethod())
              .addMethod(getListHighestErrorsMethod())
              .addMethod(getGetErrorSummaryMethod())
              .addMethod(getListPredictionsMethod())
              .build();
        }
      }
    }
    return result;
  }
}
