package dev.engram.v1;

import static io.grpc.MethodDescriptor.generateFullMethodName;

/**
 * <pre>
 * Records across the four signals: report how an agent used records (the seeds'
 * ObservationProtocol), read a record's whole state, delete a record everywhere. Namespace
 * and record id rules: see NamespaceService.
 * </pre>
 */
@io.grpc.stub.annotations.GrpcGenerated
public final class RecordServiceGrpc {

  private RecordServiceGrpc() {}

  public static final java.lang.String SERVICE_NAME = "engram.v1.RecordService";

  // Static method descriptors that strictly reflect the proto.
  private static volatile io.grpc.MethodDescriptor<dev.engram.v1.ReportOutcomeRequest,
      dev.engram.v1.ReportOutcomeResponse> getReportOutcomeMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ReportOutcome",
      requestType = dev.engram.v1.ReportOutcomeRequest.class,
      responseType = dev.engram.v1.ReportOutcomeResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<dev.engram.v1.ReportOutcomeRequest,
      dev.engram.v1.ReportOutcomeResponse> getReportOutcomeMethod() {
    io.grpc.MethodDescriptor<dev.engram.v1.ReportOutcomeRequest, dev.engram.v1.ReportOutcomeResponse> getReportOutcomeMethod;
    if ((getReportOutcomeMethod = RecordServiceGrpc.getReportOutcomeMethod) == null) {
      synchronized (RecordServiceGrpc.class) {
        if ((getReportOutcomeMethod = RecordServiceGrpc.getReportOutcomeMethod) == null) {
          RecordServiceGrpc.getReportOutcomeMethod = getReportOutcomeMethod =
              io.grpc.MethodDescriptor.<dev.engram.v1.ReportOutcomeRequest, dev.engram.v1.ReportOutcomeResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ReportOutcome"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  dev.engram.v1.ReportOutcomeRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  dev.engram.v1.ReportOutcomeResponse.getDefaultInstance()))
              .setSchemaDescriptor(new RecordServiceMethodDescriptorSupplier("ReportOutcome"))
              .build();
        }
      }
    }
    return getReportOutcomeMethod;
  }

  private static volatile io.grpc.MethodDescriptor<dev.engram.v1.BatchGetRecordsRequest,
      dev.engram.v1.BatchGetRecordsResponse> getBatchGetRecordsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "BatchGetRecords",
      requestType = dev.engram.v1.BatchGetRecordsRequest.class,
      responseType = dev.engram.v1.BatchGetRecordsResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<dev.engram.v1.BatchGetRecordsRequest,
      dev.engram.v1.BatchGetRecordsResponse> getBatchGetRecordsMethod() {
    io.grpc.MethodDescriptor<dev.engram.v1.BatchGetRecordsRequest, dev.engram.v1.BatchGetRecordsResponse> getBatchGetRecordsMethod;
    if ((getBatchGetRecordsMethod = RecordServiceGrpc.getBatchGetRecordsMethod) == null) {
      synchronized (RecordServiceGrpc.class) {
        if ((getBatchGetRecordsMethod = RecordServiceGrpc.getBatchGetRecordsMethod) == null) {
          RecordServiceGrpc.getBatchGetRecordsMethod = getBatchGetRecordsMethod =
              io.grpc.MethodDescriptor.<dev.engram.v1.BatchGetRecordsRequest, dev.engram.v1.BatchGetRecordsResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "BatchGetRecords"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  dev.engram.v1.BatchGetRecordsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  dev.engram.v1.BatchGetRecordsResponse.getDefaultInstance()))
              .setSchemaDescriptor(new RecordServiceMethodDescriptorSupplier("BatchGetRecords"))
              .build();
        }
      }
    }
    return getBatchGetRecordsMethod;
  }

  private static volatile io.grpc.MethodDescriptor<dev.engram.v1.DeleteRecordRequest,
      dev.engram.v1.DeleteRecordResponse> getDeleteRecordMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "DeleteRecord",
      requestType = dev.engram.v1.DeleteRecordRequest.class,
      responseType = dev.engram.v1.DeleteRecordResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<dev.engram.v1.DeleteRecordRequest,
      dev.engram.v1.DeleteRecordResponse> getDeleteRecordMethod() {
    io.grpc.MethodDescriptor<dev.engram.v1.DeleteRecordRequest, dev.engram.v1.DeleteRecordResponse> getDeleteRecordMethod;
    if ((getDeleteRecordMethod = RecordServiceGrpc.getDeleteRecordMethod) == null) {
      synchronized (RecordServiceGrpc.class) {
        if ((getDeleteRecordMethod = RecordServiceGrpc.getDeleteRecordMethod) == null) {
          RecordServiceGrpc.getDeleteRecordMethod = getDeleteRecordMethod =
              io.grpc.MethodDescriptor.<dev.engram.v1.DeleteRecordRequest, dev.engram.v1.DeleteRecordResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "DeleteRecord"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  dev.engram.v1.DeleteRecordRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  dev.engram.v1.DeleteRecordResponse.getDefaultInstance()))
              .setSchemaDescriptor(new RecordServiceMethodDescriptorSupplier("DeleteRecord"))
              .build();
        }
      }
    }
    return getDeleteRecordMethod;
  }

  private static volatile io.grpc.MethodDescriptor<dev.engram.v1.ListForgettableRecordsRequest,
      dev.engram.v1.ListForgettableRecordsResponse> getListForgettableRecordsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListForgettableRecords",
      requestType = dev.engram.v1.ListForgettableRecordsRequest.class,
      responseType = dev.engram.v1.ListForgettableRecordsResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<dev.engram.v1.ListForgettableRecordsRequest,
      dev.engram.v1.ListForgettableRecordsResponse> getListForgettableRecordsMethod() {
    io.grpc.MethodDescriptor<dev.engram.v1.ListForgettableRecordsRequest, dev.engram.v1.ListForgettableRecordsResponse> getListForgettableRecordsMethod;
    if ((getListForgettableRecordsMethod = RecordServiceGrpc.getListForgettableRecordsMethod) == null) {
      synchronized (RecordServiceGrpc.class) {
        if ((getListForgettableRecordsMethod = RecordServiceGrpc.getListForgettableRecordsMethod) == null) {
          RecordServiceGrpc.getListForgettableRecordsMethod = getListForgettableRecordsMethod =
              io.grpc.MethodDescriptor.<dev.engram.v1.ListForgettableRecordsRequest, dev.engram.v1.ListForgettableRecordsResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListForgettableRecords"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  dev.engram.v1.ListForgettableRecordsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  dev.engram.v1.ListForgettableRecordsResponse.getDefaultInstance()))
              .setSchemaDescriptor(new RecordServiceMethodDescriptorSupplier("ListForgettableRecords"))
              .build();
        }
      }
    }
    return getListForgettableRecordsMethod;
  }

  private static volatile io.grpc.MethodDescriptor<dev.engram.v1.ListRecordsRequest,
      dev.engram.v1.ListRecordsResponse> getListRecordsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListRecords",
      requestType = dev.engram.v1.ListRecordsRequest.class,
      responseType = dev.engram.v1.ListRecordsResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<dev.engram.v1.ListRecordsRequest,
      dev.engram.v1.ListRecordsResponse> getListRecordsMethod() {
    io.grpc.MethodDescriptor<dev.engram.v1.ListRecordsRequest, dev.engram.v1.ListRecordsResponse> getListRecordsMethod;
    if ((getListRecordsMethod = RecordServiceGrpc.getListRecordsMethod) == null) {
      synchronized (RecordServiceGrpc.class) {
        if ((getListRecordsMethod = RecordServiceGrpc.getListRecordsMethod) == null) {
          RecordServiceGrpc.getListRecordsMethod = getListRecordsMethod =
              io.grpc.MethodDescriptor.<dev.engram.v1.ListRecordsRequest, dev.engram.v1.ListRecordsResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListRecords"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  dev.engram.v1.ListRecordsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  dev.engram.v1.ListRecordsResponse.getDefaultInstance()))
              .setSchemaDescriptor(new RecordServiceMethodDescriptorSupplier("ListRecords"))
              .build();
        }
      }
    }
    return getListRecordsMethod;
  }

  /**
   * Creates a new async stub that supports all call types for the service
   */
  public static RecordServiceStub newStub(io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<RecordServiceStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<RecordServiceStub>() {
        @java.lang.Override
        public RecordServiceStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new RecordServiceStub(channel, callOptions);
        }
      };
    return RecordServiceStub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports all types of calls on the service
   */
  public static RecordServiceBlockingV2Stub newBlockingV2Stub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<RecordServiceBlockingV2Stub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<RecordServiceBlockingV2Stub>() {
        @java.lang.Override
        public RecordServiceBlockingV2Stub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new RecordServiceBlockingV2Stub(channel, callOptions);
        }
      };
    return RecordServiceBlockingV2Stub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports unary and streaming output calls on the service
   */
  public static RecordServiceBlockingStub newBlockingStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<RecordServiceBlockingStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<RecordServiceBlockingStub>() {
        @java.lang.Override
        public RecordServiceBlockingStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new RecordServiceBlockingStub(channel, callOptions);
        }
      };
    return RecordServiceBlockingStub.newStub(factory, channel);
  }

  /**
   * Creates a new ListenableFuture-style stub that supports unary calls on the service
   */
  public static RecordServiceFutureStub newFutureStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<RecordServiceFutureStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<RecordServiceFutureStub>() {
        @java.lang.Override
        public RecordServiceFutureStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new RecordServiceFutureStub(channel, callOptions);
        }
      };
    return RecordServiceFutureStub.newStub(factory, channel);
  }

  /**
   * <pre>
   * Records across the four signals: report how an agent used records (the seeds'
   * ObservationProtocol), read a record's whole state, delete a record everywhere. Namespace
   * and record id rules: see NamespaceService.
   * </pre>
   */
  public interface AsyncService {

    /**
     * <pre>
     * Reports the outcome of one decision for the records retrieved together for it,
     * atomically within the namespace. acted sends confidence signal 0.9, contradicted 0.1,
     * the others leave confidence alone; every outcome but deferred resolves each record's
     * open prediction with the namespace's outcome error (which may lower confidence in
     * turn); records acted on together strengthen their mutual edges by 0.05. Acted and used
     * set each record's last_used_at.
     * </pre>
     */
    default void reportOutcome(dev.engram.v1.ReportOutcomeRequest request,
        io.grpc.stub.StreamObserver<dev.engram.v1.ReportOutcomeResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getReportOutcomeMethod(), responseObserver);
    }

    /**
     * <pre>
     * Reads records' confidence, text, metadata, prediction, edge count and times, in request
     * order.
     * </pre>
     */
    default void batchGetRecords(dev.engram.v1.BatchGetRecordsRequest request,
        io.grpc.stub.StreamObserver<dev.engram.v1.BatchGetRecordsResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getBatchGetRecordsMethod(), responseObserver);
    }

    /**
     * <pre>
     * Removes a record from all four signals: its confidence entry, its edges and every
     * edge pointing at it, its prediction and error, its vector and text.
     * </pre>
     */
    default void deleteRecord(dev.engram.v1.DeleteRecordRequest request,
        io.grpc.stub.StreamObserver<dev.engram.v1.DeleteRecordResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getDeleteRecordMethod(), responseObserver);
    }

    /**
     * <pre>
     * Dry run of forgetting: the records the server's sweeper would delete now, because they
     * expired or because the namespace's forgetting policy (forget_below_confidence and
     * forget_unused_after) selects them. Changes nothing.
     * </pre>
     */
    default void listForgettableRecords(dev.engram.v1.ListForgettableRecordsRequest request,
        io.grpc.stub.StreamObserver<dev.engram.v1.ListForgettableRecordsResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListForgettableRecordsMethod(), responseObserver);
    }

    /**
     * <pre>
     * Lists a namespace's records that have a text or vector, by record_id, a page at a time,
     * as BatchGetRecords reads them. An entry present during the whole listing is returned
     * exactly once. An expired record is left out, so a page may hold fewer records than
     * page_size (even none) while next_page_token is set. Records stored by an earlier version
     * of the server are listed once a server of this version has warmed up the namespace (it
     * indexes them then) or once they are written again.
     * </pre>
     */
    default void listRecords(dev.engram.v1.ListRecordsRequest request,
        io.grpc.stub.StreamObserver<dev.engram.v1.ListRecordsResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListRecordsMethod(), responseObserver);
    }
  }

  /**
   * Base class for the server implementation of the service RecordService.
   * <pre>
   * Records across the four signals: report how an agent used records (the seeds'
   * ObservationProtocol), read a record's whole state, delete a record everywhere. Namespace
   * and record id rules: see NamespaceService.
   * </pre>
   */
  public static abstract class RecordServiceImplBase
      implements io.grpc.BindableService, AsyncService {

    @java.lang.Override public final io.grpc.ServerServiceDefinition bindService() {
      return RecordServiceGrpc.bindService(this);
    }
  }

  /**
   * A stub to allow clients to do asynchronous rpc calls to service RecordService.
   * <pre>
   * Records across the four signals: report how an agent used records (the seeds'
   * ObservationProtocol), read a record's whole state, delete a record everywhere. Namespace
   * and record id rules: see NamespaceService.
   * </pre>
   */
  public static final class RecordServiceStub
      extends io.grpc.stub.AbstractAsyncStub<RecordServiceStub> {
    private RecordServiceStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected RecordServiceStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new RecordServiceStub(channel, callOptions);
    }

    /**
     * <pre>
     * Reports the outcome of one decision for the records retrieved together for it,
     * atomically within the namespace. acted sends confidence signal 0.9, contradicted 0.1,
     * the others leave confidence alone; every outcome but deferred resolves each record's
     * open prediction with the namespace's outcome error (which may lower confidence in
     * turn); records acted on together strengthen their mutual edges by 0.05. Acted and used
     * set each record's last_used_at.
     * </pre>
     */
    public void reportOutcome(dev.engram.v1.ReportOutcomeRequest request,
        io.grpc.stub.StreamObserver<dev.engram.v1.ReportOutcomeResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getReportOutcomeMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Reads records' confidence, text, metadata, prediction, edge count and times, in request
     * order.
     * </pre>
     */
    public void batchGetRecords(dev.engram.v1.BatchGetRecordsRequest request,
        io.grpc.stub.StreamObserver<dev.engram.v1.BatchGetRecordsResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getBatchGetRecordsMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Removes a record from all four signals: its confidence entry, its edges and every
     * edge pointing at it, its prediction and error, its vector and text.
     * </pre>
     */
    public void deleteRecord(dev.engram.v1.DeleteRecordRequest request,
        io.grpc.stub.StreamObserver<dev.engram.v1.DeleteRecordResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getDeleteRecordMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Dry run of forgetting: the records the server's sweeper would delete now, because they
     * expired or because the namespace's forgetting policy (forget_below_confidence and
     * forget_unused_after) selects them. Changes nothing.
     * </pre>
     */
    public void listForgettableRecords(dev.engram.v1.ListForgettableRecordsRequest request,
        io.grpc.stub.StreamObserver<dev.engram.v1.ListForgettableRecordsResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListForgettableRecordsMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Lists a namespace's records that have a text or vector, by record_id, a page at a time,
     * as BatchGetRecords reads them. An entry present during the whole listing is returned
     * exactly once. An expired record is left out, so a page may hold fewer records than
     * page_size (even none) while next_page_token is set. Records stored by an earlier version
     * of the server are listed once a server of this version has warmed up the namespace (it
     * indexes them then) or once they are written again.
     * </pre>
     */
    public void listRecords(dev.engram.v1.ListRecordsRequest request,
        io.grpc.stub.StreamObserver<dev.engram.v1.ListRecordsResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListRecordsMethod(), getCallOptions()), request, responseObserver);
    }
  }

  /**
   * A stub to allow clients to do synchronous rpc calls to service RecordService.
   * <pre>
   * Records across the four signals: report how an agent used records (the seeds'
   * ObservationProtocol), read a record's whole state, delete a record everywhere. Namespace
   * and record id rules: see NamespaceService.
   * </pre>
   */
  public static final class RecordServiceBlockingV2Stub
      extends io.grpc.stub.AbstractBlockingStub<RecordServiceBlockingV2Stub> {
    private RecordServiceBlockingV2Stub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected RecordServiceBlockingV2Stub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new RecordServiceBlockingV2Stub(channel, callOptions);
    }

    /**
     * <pre>
     * Reports the outcome of one decision for the records retrieved together for it,
     * atomically within the namespace. acted sends confidence signal 0.9, contradicted 0.1,
     * the others leave confidence alone; every outcome but deferred resolves each record's
     * open prediction with the namespace's outcome error (which may lower confidence in
     * turn); records acted on together strengthen their mutual edges by 0.05. Acted and used
     * set each record's last_used_at.
     * </pre>
     */
    public dev.engram.v1.ReportOutcomeResponse reportOutcome(dev.engram.v1.ReportOutcomeRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getReportOutcomeMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Reads records' confidence, text, metadata, prediction, edge count and times, in request
     * order.
     * </pre>
     */
    public dev.engram.v1.BatchGetRecordsResponse batchGetRecords(dev.engram.v1.BatchGetRecordsRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getBatchGetRecordsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Removes a record from all four signals: its confidence entry, its edges and every
     * edge pointing at it, its prediction and error, its vector and text.
     * </pre>
     */
    public dev.engram.v1.DeleteRecordResponse deleteRecord(dev.engram.v1.DeleteRecordRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getDeleteRecordMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Dry run of forgetting: the records the server's sweeper would delete now, because they
     * expired or because the namespace's forgetting policy (forget_below_confidence and
     * forget_unused_after) selects them. Changes nothing.
     * </pre>
     */
    public dev.engram.v1.ListForgettableRecordsResponse listForgettableRecords(dev.engram.v1.ListForgettableRecordsRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getListForgettableRecordsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists a namespace's records that have a text or vector, by record_id, a page at a time,
     * as BatchGetRecords reads them. An entry present during the whole listing is returned
     * exactly once. An expired record is left out, so a page may hold fewer records than
     * page_size (even none) while next_page_token is set. Records stored by an earlier version
     * of the server are listed once a server of this version has warmed up the namespace (it
     * indexes them then) or once they are written again.
     * </pre>
     */
    public dev.engram.v1.ListRecordsResponse listRecords(dev.engram.v1.ListRecordsRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getListRecordsMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do limited synchronous rpc calls to service RecordService.
   * <pre>
   * Records across the four signals: report how an agent used records (the seeds'
   * ObservationProtocol), read a record's whole state, delete a record everywhere. Namespace
   * and record id rules: see NamespaceService.
   * </pre>
   */
  public static final class RecordServiceBlockingStub
      extends io.grpc.stub.AbstractBlockingStub<RecordServiceBlockingStub> {
    private RecordServiceBlockingStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected RecordServiceBlockingStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new RecordServiceBlockingStub(channel, callOptions);
    }

    /**
     * <pre>
     * Reports the outcome of one decision for the records retrieved together for it,
     * atomically within the namespace. acted sends confidence signal 0.9, contradicted 0.1,
     * the others leave confidence alone; every outcome but deferred resolves each record's
     * open prediction with the namespace's outcome error (which may lower confidence in
     * turn); records acted on together strengthen their mutual edges by 0.05. Acted and used
     * set each record's last_used_at.
     * </pre>
     */
    public dev.engram.v1.ReportOutcomeResponse reportOutcome(dev.engram.v1.ReportOutcomeRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getReportOutcomeMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Reads records' confidence, text, metadata, prediction, edge count and times, in request
     * order.
     * </pre>
     */
    public dev.engram.v1.BatchGetRecordsResponse batchGetRecords(dev.engram.v1.BatchGetRecordsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getBatchGetRecordsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Removes a record from all four signals: its confidence entry, its edges and every
     * edge pointing at it, its prediction and error, its vector and text.
     * </pre>
     */
    public dev.engram.v1.DeleteRecordResponse deleteRecord(dev.engram.v1.DeleteRecordRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getDeleteRecordMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Dry run of forgetting: the records the server's sweeper would delete now, because they
     * expired or because the namespace's forgetting policy (forget_below_confidence and
     * forget_unused_after) selects them. Changes nothing.
     * </pre>
     */
    public dev.engram.v1.ListForgettableRecordsResponse listForgettableRecords(dev.engram.v1.ListForgettableRecordsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListForgettableRecordsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists a namespace's records that have a text or vector, by record_id, a page at a time,
     * as BatchGetRecords reads them. An entry present during the whole listing is returned
     * exactly once. An expired record is left out, so a page may hold fewer records than
     * page_size (even none) while next_page_token is set. Records stored by an earlier version
     * of the server are listed once a server of this version has warmed up the namespace (it
     * indexes them then) or once they are written again.
     * </pre>
     */
    public dev.engram.v1.ListRecordsResponse listRecords(dev.engram.v1.ListRecordsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListRecordsMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do ListenableFuture-style rpc calls to service RecordService.
   * <pre>
   * Records across the four signals: report how an agent used records (the seeds'
   * ObservationProtocol), read a record's whole state, delete a record everywhere. Namespace
   * and record id rules: see NamespaceService.
   * </pre>
   */
  public static final class RecordServiceFutureStub
      extends io.grpc.stub.AbstractFutureStub<RecordServiceFutureStub> {
    private RecordServiceFutureStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected RecordServiceFutureStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new RecordServiceFutureStub(channel, callOptions);
    }

    /**
     * <pre>
     * Reports the outcome of one decision for the records retrieved together for it,
     * atomically within the namespace. acted sends confidence signal 0.9, contradicted 0.1,
     * the others leave confidence alone; every outcome but deferred resolves each record's
     * open prediction with the namespace's outcome error (which may lower confidence in
     * turn); records acted on together strengthen their mutual edges by 0.05. Acted and used
     * set each record's last_used_at.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<dev.engram.v1.ReportOutcomeResponse> reportOutcome(
        dev.engram.v1.ReportOutcomeRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getReportOutcomeMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Reads records' confidence, text, metadata, prediction, edge count and times, in request
     * order.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<dev.engram.v1.BatchGetRecordsResponse> batchGetRecords(
        dev.engram.v1.BatchGetRecordsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getBatchGetRecordsMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Removes a record from all four signals: its confidence entry, its edges and every
     * edge pointing at it, its prediction and error, its vector and text.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<dev.engram.v1.DeleteRecordResponse> deleteRecord(
        dev.engram.v1.DeleteRecordRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getDeleteRecordMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Dry run of forgetting: the records the server's sweeper would delete now, because they
     * expired or because the namespace's forgetting policy (forget_below_confidence and
     * forget_unused_after) selects them. Changes nothing.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<dev.engram.v1.ListForgettableRecordsResponse> listForgettableRecords(
        dev.engram.v1.ListForgettableRecordsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListForgettableRecordsMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Lists a namespace's records that have a text or vector, by record_id, a page at a time,
     * as BatchGetRecords reads them. An entry present during the whole listing is returned
     * exactly once. An expired record is left out, so a page may hold fewer records than
     * page_size (even none) while next_page_token is set. Records stored by an earlier version
     * of the server are listed once a server of this version has warmed up the namespace (it
     * indexes them then) or once they are written again.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<dev.engram.v1.ListRecordsResponse> listRecords(
        dev.engram.v1.ListRecordsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListRecordsMethod(), getCallOptions()), request);
    }
  }

  private static final int METHODID_REPORT_OUTCOME = 0;
  private static final int METHODID_BATCH_GET_RECORDS = 1;
  private static final int METHODID_DELETE_RECORD = 2;
  private static final int METHODID_LIST_FORGETTABLE_RECORDS = 3;
  private static final int METHODID_LIST_RECORDS = 4;

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
        case METHODID_REPORT_OUTCOME:
          serviceImpl.reportOutcome((dev.engram.v1.ReportOutcomeRequest) request,
              (io.grpc.stub.StreamObserver<dev.engram.v1.ReportOutcomeResponse>) responseObserver);
          break;
        case METHODID_BATCH_GET_RECORDS:
          serviceImpl.batchGetRecords((dev.engram.v1.BatchGetRecordsRequest) request,
              (io.grpc.stub.StreamObserver<dev.engram.v1.BatchGetRecordsResponse>) responseObserver);
          break;
        case METHODID_DELETE_RECORD:
          serviceImpl.deleteRecord((dev.engram.v1.DeleteRecordRequest) request,
              (io.grpc.stub.StreamObserver<dev.engram.v1.DeleteRecordResponse>) responseObserver);
          break;
        case METHODID_LIST_FORGETTABLE_RECORDS:
          serviceImpl.listForgettableRecords((dev.engram.v1.ListForgettableRecordsRequest) request,
              (io.grpc.stub.StreamObserver<dev.engram.v1.ListForgettableRecordsResponse>) responseObserver);
          break;
        case METHODID_LIST_RECORDS:
          serviceImpl.listRecords((dev.engram.v1.ListRecordsRequest) request,
              (io.grpc.stub.StreamObserver<dev.engram.v1.ListRecordsResponse>) responseObserver);
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
          getReportOutcomeMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              dev.engram.v1.ReportOutcomeRequest,
              dev.engram.v1.ReportOutcomeResponse>(
                service, METHODID_REPORT_OUTCOME)))
        .addMethod(
          getBatchGetRecordsMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              dev.engram.v1.BatchGetRecordsRequest,
              dev.engram.v1.BatchGetRecordsResponse>(
                service, METHODID_BATCH_GET_RECORDS)))
        .addMethod(
          getDeleteRecordMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              dev.engram.v1.DeleteRecordRequest,
              dev.engram.v1.DeleteRecordResponse>(
                service, METHODID_DELETE_RECORD)))
        .addMethod(
          getListForgettableRecordsMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              dev.engram.v1.ListForgettableRecordsRequest,
              dev.engram.v1.ListForgettableRecordsResponse>(
                service, METHODID_LIST_FORGETTABLE_RECORDS)))
        .addMethod(
          getListRecordsMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              dev.engram.v1.ListRecordsRequest,
              dev.engram.v1.ListRecordsResponse>(
                service, METHODID_LIST_RECORDS)))
        .build();
  }

  private static abstract class RecordServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoFileDescriptorSupplier, io.grpc.protobuf.ProtoServiceDescriptorSupplier {
    RecordServiceBaseDescriptorSupplier() {}

    @java.lang.Override
    public com.google.protobuf.Descriptors.FileDescriptor getFileDescriptor() {
      return dev.engram.v1.RecordProto.getDescriptor();
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.ServiceDescriptor getServiceDescriptor() {
      return getFileDescriptor().findServiceByName("RecordService");
    }
  }

  private static final class RecordServiceFileDescriptorSupplier
      extends RecordServiceBaseDescriptorSupplier {
    RecordServiceFileDescriptorSupplier() {}
  }

  private static final class RecordServiceMethodDescriptorSupplier
      extends RecordServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoMethodDescriptorSupplier {
    private final java.lang.String methodName;

    RecordServiceMethodDescriptorSupplier(java.lang.String methodName) {
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
      synchronized (RecordServiceGrpc.class) {
        result = serviceDescriptor;
        if (result == null) {
          serviceDescriptor = result = io.grpc.ServiceDescriptor.newBuilder(SERVICE_NAME)
              .setSchemaDescriptor(new RecordServiceFileDescriptorSupplier())
              .addMethod(getReportOutcomeMethod())
              .addMethod(getBatchGetRecordsMethod())
              .addMethod(getDeleteRecordMethod())
              .addMethod(getListForgettableRecordsMethod())
              .addMethod(getListRecordsMethod())
              .build();
        }
      }
    }
    return result;
  }
}
