package dev.engram.v1;

import static io.grpc.MethodDescriptor.generateFullMethodName;

/**
 * <pre>
 * Namespaces: their stored configuration, listing and deletion. Configuration lives in
 * Redis and is read by every replica inside the scripts that apply it, so servers cannot
 * disagree on it. A namespace without configuration uses the documented defaults; changing
 * configuration never rewrites stored state.
 * Names, in every service. A namespace is 1..256 bytes of UTF-8 with no control (Cc) or
 * invisible format (Cf: bidirectional overrides, zero-width characters) characters, no line
 * or paragraph separators, no space other than U+0020 and none at either end, no '{' or '}'
 * (Redis Cluster hash tag), no glob characters '*', '?', '[', ']', '&#92;' (API keys match
 * namespaces with "prefix*" patterns), no leading '/' and no '.' or '..' path segment.
 * Letters of any script, inner spaces, '/', ':' and '-' are fine. A record_id (and every
 * record id in a list or batch item, edge target, import record) is 1..512 bytes of UTF-8
 * under the same character and surrounding-space rules only; globs, braces, slashes and
 * dots are fine in ids. Any other name is refused with INVALID_ARGUMENT naming the field
 * and the rule, and nothing is written.
 * </pre>
 */
@io.grpc.stub.annotations.GrpcGenerated
public final class NamespaceServiceGrpc {

  private NamespaceServiceGrpc() {}

  public static final java.lang.String SERVICE_NAME = "engram.v1.NamespaceService";

  // Static method descriptors that strictly reflect the proto.
  private static volatile io.grpc.MethodDescriptor<dev.engram.v1.GetNamespaceConfigRequest,
      dev.engram.v1.GetNamespaceConfigResponse> getGetNamespaceConfigMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetNamespaceConfig",
      requestType = dev.engram.v1.GetNamespaceConfigRequest.class,
      responseType = dev.engram.v1.GetNamespaceConfigResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<dev.engram.v1.GetNamespaceConfigRequest,
      dev.engram.v1.GetNamespaceConfigResponse> getGetNamespaceConfigMethod() {
    io.grpc.MethodDescriptor<dev.engram.v1.GetNamespaceConfigRequest, dev.engram.v1.GetNamespaceConfigResponse> getGetNamespaceConfigMethod;
    if ((getGetNamespaceConfigMethod = NamespaceServiceGrpc.getGetNamespaceConfigMethod) == null) {
      synchronized (NamespaceServiceGrpc.class) {
        if ((getGetNamespaceConfigMethod = NamespaceServiceGrpc.getGetNamespaceConfigMethod) == null) {
          NamespaceServiceGrpc.getGetNamespaceConfigMethod = getGetNamespaceConfigMethod =
              io.grpc.MethodDescriptor.<dev.engram.v1.GetNamespaceConfigRequest, dev.engram.v1.GetNamespaceConfigResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetNamespaceConfig"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  dev.engram.v1.GetNamespaceConfigRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  dev.engram.v1.GetNamespaceConfigResponse.getDefaultInstance()))
              .setSchemaDescriptor(new NamespaceServiceMethodDescriptorSupplier("GetNamespaceConfig"))
              .build();
        }
      }
    }
    return getGetNamespaceConfigMethod;
  }

  private static volatile io.grpc.MethodDescriptor<dev.engram.v1.UpdateNamespaceConfigRequest,
      dev.engram.v1.UpdateNamespaceConfigResponse> getUpdateNamespaceConfigMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "UpdateNamespaceConfig",
      requestType = dev.engram.v1.UpdateNamespaceConfigRequest.class,
      responseType = dev.engram.v1.UpdateNamespaceConfigResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<dev.engram.v1.UpdateNamespaceConfigRequest,
      dev.engram.v1.UpdateNamespaceConfigResponse> getUpdateNamespaceConfigMethod() {
    io.grpc.MethodDescriptor<dev.engram.v1.UpdateNamespaceConfigRequest, dev.engram.v1.UpdateNamespaceConfigResponse> getUpdateNamespaceConfigMethod;
    if ((getUpdateNamespaceConfigMethod = NamespaceServiceGrpc.getUpdateNamespaceConfigMethod) == null) {
      synchronized (NamespaceServiceGrpc.class) {
        if ((getUpdateNamespaceConfigMethod = NamespaceServiceGrpc.getUpdateNamespaceConfigMethod) == null) {
          NamespaceServiceGrpc.getUpdateNamespaceConfigMethod = getUpdateNamespaceConfigMethod =
              io.grpc.MethodDescriptor.<dev.engram.v1.UpdateNamespaceConfigRequest, dev.engram.v1.UpdateNamespaceConfigResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "UpdateNamespaceConfig"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  dev.engram.v1.UpdateNamespaceConfigRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  dev.engram.v1.UpdateNamespaceConfigResponse.getDefaultInstance()))
              .setSchemaDescriptor(new NamespaceServiceMethodDescriptorSupplier("UpdateNamespaceConfig"))
              .build();
        }
      }
    }
    return getUpdateNamespaceConfigMethod;
  }

  private static volatile io.grpc.MethodDescriptor<dev.engram.v1.ListNamespacesRequest,
      dev.engram.v1.ListNamespacesResponse> getListNamespacesMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListNamespaces",
      requestType = dev.engram.v1.ListNamespacesRequest.class,
      responseType = dev.engram.v1.ListNamespacesResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<dev.engram.v1.ListNamespacesRequest,
      dev.engram.v1.ListNamespacesResponse> getListNamespacesMethod() {
    io.grpc.MethodDescriptor<dev.engram.v1.ListNamespacesRequest, dev.engram.v1.ListNamespacesResponse> getListNamespacesMethod;
    if ((getListNamespacesMethod = NamespaceServiceGrpc.getListNamespacesMethod) == null) {
      synchronized (NamespaceServiceGrpc.class) {
        if ((getListNamespacesMethod = NamespaceServiceGrpc.getListNamespacesMethod) == null) {
          NamespaceServiceGrpc.getListNamespacesMethod = getListNamespacesMethod =
              io.grpc.MethodDescriptor.<dev.engram.v1.ListNamespacesRequest, dev.engram.v1.ListNamespacesResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListNamespaces"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  dev.engram.v1.ListNamespacesRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  dev.engram.v1.ListNamespacesResponse.getDefaultInstance()))
              .setSchemaDescriptor(new NamespaceServiceMethodDescriptorSupplier("ListNamespaces"))
              .build();
        }
      }
    }
    return getListNamespacesMethod;
  }

  private static volatile io.grpc.MethodDescriptor<dev.engram.v1.DeleteNamespaceRequest,
      dev.engram.v1.DeleteNamespaceResponse> getDeleteNamespaceMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "DeleteNamespace",
      requestType = dev.engram.v1.DeleteNamespaceRequest.class,
      responseType = dev.engram.v1.DeleteNamespaceResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<dev.engram.v1.DeleteNamespaceRequest,
      dev.engram.v1.DeleteNamespaceResponse> getDeleteNamespaceMethod() {
    io.grpc.MethodDescriptor<dev.engram.v1.DeleteNamespaceRequest, dev.engram.v1.DeleteNamespaceResponse> getDeleteNamespaceMethod;
    if ((getDeleteNamespaceMethod = NamespaceServiceGrpc.getDeleteNamespaceMethod) == null) {
      synchronized (NamespaceServiceGrpc.class) {
        if ((getDeleteNamespaceMethod = NamespaceServiceGrpc.getDeleteNamespaceMethod) == null) {
          NamespaceServiceGrpc.getDeleteNamespaceMethod = getDeleteNamespaceMethod =
              io.grpc.MethodDescriptor.<dev.engram.v1.DeleteNamespaceRequest, dev.engram.v1.DeleteNamespaceResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "DeleteNamespace"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  dev.engram.v1.DeleteNamespaceRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  dev.engram.v1.DeleteNamespaceResponse.getDefaultInstance()))
              .setSchemaDescriptor(new NamespaceServiceMethodDescriptorSupplier("DeleteNamespace"))
              .build();
        }
      }
    }
    return getDeleteNamespaceMethod;
  }

  private static volatile io.grpc.MethodDescriptor<dev.engram.v1.GetNamespaceStatsRequest,
      dev.engram.v1.GetNamespaceStatsResponse> getGetNamespaceStatsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetNamespaceStats",
      requestType = dev.engram.v1.GetNamespaceStatsRequest.class,
      responseType = dev.engram.v1.GetNamespaceStatsResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<dev.engram.v1.GetNamespaceStatsRequest,
      dev.engram.v1.GetNamespaceStatsResponse> getGetNamespaceStatsMethod() {
    io.grpc.MethodDescriptor<dev.engram.v1.GetNamespaceStatsRequest, dev.engram.v1.GetNamespaceStatsResponse> getGetNamespaceStatsMethod;
    if ((getGetNamespaceStatsMethod = NamespaceServiceGrpc.getGetNamespaceStatsMethod) == null) {
      synchronized (NamespaceServiceGrpc.class) {
        if ((getGetNamespaceStatsMethod = NamespaceServiceGrpc.getGetNamespaceStatsMethod) == null) {
          NamespaceServiceGrpc.getGetNamespaceStatsMethod = getGetNamespaceStatsMethod =
              io.grpc.MethodDescriptor.<dev.engram.v1.GetNamespaceStatsRequest, dev.engram.v1.GetNamespaceStatsResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetNamespaceStats"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  dev.engram.v1.GetNamespaceStatsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  dev.engram.v1.GetNamespaceStatsResponse.getDefaultInstance()))
              .setSchemaDescriptor(new NamespaceServiceMethodDescriptorSupplier("GetNamespaceStats"))
              .build();
        }
      }
    }
    return getGetNamespaceStatsMethod;
  }

  /**
   * Creates a new async stub that supports all call types for the service
   */
  public static NamespaceServiceStub newStub(io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<NamespaceServiceStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<NamespaceServiceStub>() {
        @java.lang.Override
        public NamespaceServiceStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new NamespaceServiceStub(channel, callOptions);
        }
      };
    return NamespaceServiceStub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports all types of calls on the service
   */
  public static NamespaceServiceBlockingV2Stub newBlockingV2Stub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<NamespaceServiceBlockingV2Stub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<NamespaceServiceBlockingV2Stub>() {
        @java.lang.Override
        public NamespaceServiceBlockingV2Stub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new NamespaceServiceBlockingV2Stub(channel, callOptions);
        }
      };
    return NamespaceServiceBlockingV2Stub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports unary and streaming output calls on the service
   */
  public static NamespaceServiceBlockingStub newBlockingStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<NamespaceServiceBlockingStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<NamespaceServiceBlockingStub>() {
        @java.lang.Override
        public NamespaceServiceBlockingStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new NamespaceServiceBlockingStub(channel, callOptions);
        }
      };
    return NamespaceServiceBlockingStub.newStub(factory, channel);
  }

  /**
   * Creates a new ListenableFuture-style stub that supports unary calls on the service
   */
  public static NamespaceServiceFutureStub newFutureStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<NamespaceServiceFutureStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<NamespaceServiceFutureStub>() {
        @java.lang.Override
        public NamespaceServiceFutureStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new NamespaceServiceFutureStub(channel, callOptions);
        }
      };
    return NamespaceServiceFutureStub.newStub(factory, channel);
  }

  /**
   * <pre>
   * Namespaces: their stored configuration, listing and deletion. Configuration lives in
   * Redis and is read by every replica inside the scripts that apply it, so servers cannot
   * disagree on it. A namespace without configuration uses the documented defaults; changing
   * configuration never rewrites stored state.
   * Names, in every service. A namespace is 1..256 bytes of UTF-8 with no control (Cc) or
   * invisible format (Cf: bidirectional overrides, zero-width characters) characters, no line
   * or paragraph separators, no space other than U+0020 and none at either end, no '{' or '}'
   * (Redis Cluster hash tag), no glob characters '*', '?', '[', ']', '&#92;' (API keys match
   * namespaces with "prefix*" patterns), no leading '/' and no '.' or '..' path segment.
   * Letters of any script, inner spaces, '/', ':' and '-' are fine. A record_id (and every
   * record id in a list or batch item, edge target, import record) is 1..512 bytes of UTF-8
   * under the same character and surrounding-space rules only; globs, braces, slashes and
   * dots are fine in ids. Any other name is refused with INVALID_ARGUMENT naming the field
   * and the rule, and nothing is written.
   * </pre>
   */
  public interface AsyncService {

    /**
     * <pre>
     * Reads a namespace's effective configuration (defaults filled in).
     * </pre>
     */
    default void getNamespaceConfig(dev.engram.v1.GetNamespaceConfigRequest request,
        io.grpc.stub.StreamObserver<dev.engram.v1.GetNamespaceConfigResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetNamespaceConfigMethod(), responseObserver);
    }

    /**
     * <pre>
     * Sets the fields present in `config` (and, with `reset`, first returns every field to its
     * default). The result is validated as a whole: evidence_cap &gt;= 1, probabilities in
     * [0, 1], max_edges &gt;= 1, weight_cap in (0, 1], decay_per_hop * weight_cap &lt; 1 (so
     * propagation weights strictly shrink); INVALID_ARGUMENT names the field, and nothing
     * is written.
     * </pre>
     */
    default void updateNamespaceConfig(dev.engram.v1.UpdateNamespaceConfigRequest request,
        io.grpc.stub.StreamObserver<dev.engram.v1.UpdateNamespaceConfigResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getUpdateNamespaceConfigMethod(), responseObserver);
    }

    /**
     * <pre>
     * Lists the namespaces written to, by name, a page at a time; including names stored by an
     * earlier version that the current naming rules refuse.
     * </pre>
     */
    default void listNamespaces(dev.engram.v1.ListNamespacesRequest request,
        io.grpc.stub.StreamObserver<dev.engram.v1.ListNamespacesResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListNamespacesMethod(), responseObserver);
    }

    /**
     * <pre>
     * Removes everything stored in a namespace: confidence, edges, predictions, vectors,
     * configuration. Also accepts a legacy name the current naming rules refuse (one an
     * earlier version could store: no control character below U+0020, DEL or brace), so it
     * can be cleaned up; every other RPC refuses such names.
     * </pre>
     */
    default void deleteNamespace(dev.engram.v1.DeleteNamespaceRequest request,
        io.grpc.stub.StreamObserver<dev.engram.v1.DeleteNamespaceResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getDeleteNamespaceMethod(), responseObserver);
    }

    /**
     * <pre>
     * Counts of what a namespace stores, each read in O(1) in one round trip (no scan), so
     * equally cheap at any size. An unknown namespace has every count 0 and no edge_count.
     * Counts are of what is stored: records expired but not yet deleted by the sweeper are
     * still counted. edge_count: see NamespaceStats.
     * </pre>
     */
    default void getNamespaceStats(dev.engram.v1.GetNamespaceStatsRequest request,
        io.grpc.stub.StreamObserver<dev.engram.v1.GetNamespaceStatsResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetNamespaceStatsMethod(), responseObserver);
    }
  }

  /**
   * Base class for the server implementation of the service NamespaceService.
   * <pre>
   * Namespaces: their stored configuration, listing and deletion. Configuration lives in
   * Redis and is read by every replica inside the scripts that apply it, so servers cannot
   * disagree on it. A namespace without configuration uses the documented defaults; changing
   * configuration never rewrites stored state.
   * Names, in every service. A namespace is 1..256 bytes of UTF-8 with no control (Cc) or
   * invisible format (Cf: bidirectional overrides, zero-width characters) characters, no line
   * or paragraph separators, no space other than U+0020 and none at either end, no '{' or '}'
   * (Redis Cluster hash tag), no glob characters '*', '?', '[', ']', '&#92;' (API keys match
   * namespaces with "prefix*" patterns), no leading '/' and no '.' or '..' path segment.
   * Letters of any script, inner spaces, '/', ':' and '-' are fine. A record_id (and every
   * record id in a list or batch item, edge target, import record) is 1..512 bytes of UTF-8
   * under the same character and surrounding-space rules only; globs, braces, slashes and
   * dots are fine in ids. Any other name is refused with INVALID_ARGUMENT naming the field
   * and the rule, and nothing is written.
   * </pre>
   */
  public static abstract class NamespaceServiceImplBase
      implements io.grpc.BindableService, AsyncService {

    @java.lang.Override public final io.grpc.ServerServiceDefinition bindService() {
      return NamespaceServiceGrpc.bindService(this);
    }
  }

  /**
   * A stub to allow clients to do asynchronous rpc calls to service NamespaceService.
   * <pre>
   * Namespaces: their stored configuration, listing and deletion. Configuration lives in
   * Redis and is read by every replica inside the scripts that apply it, so servers cannot
   * disagree on it. A namespace without configuration uses the documented defaults; changing
   * configuration never rewrites stored state.
   * Names, in every service. A namespace is 1..256 bytes of UTF-8 with no control (Cc) or
   * invisible format (Cf: bidirectional overrides, zero-width characters) characters, no line
   * or paragraph separators, no space other than U+0020 and none at either end, no '{' or '}'
   * (Redis Cluster hash tag), no glob characters '*', '?', '[', ']', '&#92;' (API keys match
   * namespaces with "prefix*" patterns), no leading '/' and no '.' or '..' path segment.
   * Letters of any script, inner spaces, '/', ':' and '-' are fine. A record_id (and every
   * record id in a list or batch item, edge target, import record) is 1..512 bytes of UTF-8
   * under the same character and surrounding-space rules only; globs, braces, slashes and
   * dots are fine in ids. Any other name is refused with INVALID_ARGUMENT naming the field
   * and the rule, and nothing is written.
   * </pre>
   */
  public static final class NamespaceServiceStub
      extends io.grpc.stub.AbstractAsyncStub<NamespaceServiceStub> {
    private NamespaceServiceStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected NamespaceServiceStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new NamespaceServiceStub(channel, callOptions);
    }

    /**
     * <pre>
     * Reads a namespace's effective configuration (defaults filled in).
     * </pre>
     */
    public void getNamespaceConfig(dev.engram.v1.GetNamespaceConfigRequest request,
        io.grpc.stub.StreamObserver<dev.engram.v1.GetNamespaceConfigResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetNamespaceConfigMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Sets the fields present in `config` (and, with `reset`, first returns every field to its
     * default). The result is validated as a whole: evidence_cap &gt;= 1, probabilities in
     * [0, 1], max_edges &gt;= 1, weight_cap in (0, 1], decay_per_hop * weight_cap &lt; 1 (so
     * propagation weights strictly shrink); INVALID_ARGUMENT names the field, and nothing
     * is written.
     * </pre>
     */
    public void updateNamespaceConfig(dev.engram.v1.UpdateNamespaceConfigRequest request,
        io.grpc.stub.StreamObserver<dev.engram.v1.UpdateNamespaceConfigResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getUpdateNamespaceConfigMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Lists the namespaces written to, by name, a page at a time; including names stored by an
     * earlier version that the current naming rules refuse.
     * </pre>
     */
    public void listNamespaces(dev.engram.v1.ListNamespacesRequest request,
        io.grpc.stub.StreamObserver<dev.engram.v1.ListNamespacesResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListNamespacesMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Removes everything stored in a namespace: confidence, edges, predictions, vectors,
     * configuration. Also accepts a legacy name the current naming rules refuse (one an
     * earlier version could store: no control character below U+0020, DEL or brace), so it
     * can be cleaned up; every other RPC refuses such names.
     * </pre>
     */
    public void deleteNamespace(dev.engram.v1.DeleteNamespaceRequest request,
        io.grpc.stub.StreamObserver<dev.engram.v1.DeleteNamespaceResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getDeleteNamespaceMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Counts of what a namespace stores, each read in O(1) in one round trip (no scan), so
     * equally cheap at any size. An unknown namespace has every count 0 and no edge_count.
     * Counts are of what is stored: records expired but not yet deleted by the sweeper are
     * still counted. edge_count: see NamespaceStats.
     * </pre>
     */
    public void getNamespaceStats(dev.engram.v1.GetNamespaceStatsRequest request,
        io.grpc.stub.StreamObserver<dev.engram.v1.GetNamespaceStatsResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetNamespaceStatsMethod(), getCallOptions()), request, responseObserver);
    }
  }

  /**
   * A stub to allow clients to do synchronous rpc calls to service NamespaceService.
   * <pre>
   * Namespaces: their stored configuration, listing and deletion. Configuration lives in
   * Redis and is read by every replica inside the scripts that apply it, so servers cannot
   * disagree on it. A namespace without configuration uses the documented defaults; changing
   * configuration never rewrites stored state.
   * Names, in every service. A namespace is 1..256 bytes of UTF-8 with no control (Cc) or
   * invisible format (Cf: bidirectional overrides, zero-width characters) characters, no line
   * or paragraph separators, no space other than U+0020 and none at either end, no '{' or '}'
   * (Redis Cluster hash tag), no glob characters '*', '?', '[', ']', '&#92;' (API keys match
   * namespaces with "prefix*" patterns), no leading '/' and no '.' or '..' path segment.
   * Letters of any script, inner spaces, '/', ':' and '-' are fine. A record_id (and every
   * record id in a list or batch item, edge target, import record) is 1..512 bytes of UTF-8
   * under the same character and surrounding-space rules only; globs, braces, slashes and
   * dots are fine in ids. Any other name is refused with INVALID_ARGUMENT naming the field
   * and the rule, and nothing is written.
   * </pre>
   */
  public static final class NamespaceServiceBlockingV2Stub
      extends io.grpc.stub.AbstractBlockingStub<NamespaceServiceBlockingV2Stub> {
    private NamespaceServiceBlockingV2Stub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected NamespaceServiceBlockingV2Stub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new NamespaceServiceBlockingV2Stub(channel, callOptions);
    }

    /**
     * <pre>
     * Reads a namespace's effective configuration (defaults filled in).
     * </pre>
     */
    public dev.engram.v1.GetNamespaceConfigResponse getNamespaceConfig(dev.engram.v1.GetNamespaceConfigRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getGetNamespaceConfigMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Sets the fields present in `config` (and, with `reset`, first returns every field to its
     * default). The result is validated as a whole: evidence_cap &gt;= 1, probabilities in
     * [0, 1], max_edges &gt;= 1, weight_cap in (0, 1], decay_per_hop * weight_cap &lt; 1 (so
     * propagation weights strictly shrink); INVALID_ARGUMENT names the field, and nothing
     * is written.
     * </pre>
     */
    public dev.engram.v1.UpdateNamespaceConfigResponse updateNamespaceConfig(dev.engram.v1.UpdateNamespaceConfigRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getUpdateNamespaceConfigMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists the namespaces written to, by name, a page at a time; including names stored by an
     * earlier version that the current naming rules refuse.
     * </pre>
     */
    public dev.engram.v1.ListNamespacesResponse listNamespaces(dev.engram.v1.ListNamespacesRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getListNamespacesMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Removes everything stored in a namespace: confidence, edges, predictions, vectors,
     * configuration. Also accepts a legacy name the current naming rules refuse (one an
     * earlier version could store: no control character below U+0020, DEL or brace), so it
     * can be cleaned up; every other RPC refuses such names.
     * </pre>
     */
    public dev.engram.v1.DeleteNamespaceResponse deleteNamespace(dev.engram.v1.DeleteNamespaceRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getDeleteNamespaceMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Counts of what a namespace stores, each read in O(1) in one round trip (no scan), so
     * equally cheap at any size. An unknown namespace has every count 0 and no edge_count.
     * Counts are of what is stored: records expired but not yet deleted by the sweeper are
     * still counted. edge_count: see NamespaceStats.
     * </pre>
     */
    public dev.engram.v1.GetNamespaceStatsResponse getNamespaceStats(dev.engram.v1.GetNamespaceStatsRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getGetNamespaceStatsMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do limited synchronous rpc calls to service NamespaceService.
   * <pre>
   * Namespaces: their stored configuration, listing and deletion. Configuration lives in
   * Redis and is read by every replica inside the scripts that apply it, so servers cannot
   * disagree on it. A namespace without configuration uses the documented defaults; changing
   * configuration never rewrites stored state.
   * Names, in every service. A namespace is 1..256 bytes of UTF-8 with no control (Cc) or
   * invisible format (Cf: bidirectional overrides, zero-width characters) characters, no line
   * or paragraph separators, no space other than U+0020 and none at either end, no '{' or '}'
   * (Redis Cluster hash tag), no glob characters '*', '?', '[', ']', '&#92;' (API keys match
   * namespaces with "prefix*" patterns), no leading '/' and no '.' or '..' path segment.
   * Letters of any script, inner spaces, '/', ':' and '-' are fine. A record_id (and every
   * record id in a list or batch item, edge target, import record) is 1..512 bytes of UTF-8
   * under the same character and surrounding-space rules only; globs, braces, slashes and
   * dots are fine in ids. Any other name is refused with INVALID_ARGUMENT naming the field
   * and the rule, and nothing is written.
   * </pre>
   */
  public static final class NamespaceServiceBlockingStub
      extends io.grpc.stub.AbstractBlockingStub<NamespaceServiceBlockingStub> {
    private NamespaceServiceBlockingStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected NamespaceServiceBlockingStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new NamespaceServiceBlockingStub(channel, callOptions);
    }

    /**
     * <pre>
     * Reads a namespace's effective configuration (defaults filled in).
     * </pre>
     */
    public dev.engram.v1.GetNamespaceConfigResponse getNamespaceConfig(dev.engram.v1.GetNamespaceConfigRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetNamespaceConfigMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Sets the fields present in `config` (and, with `reset`, first returns every field to its
     * default). The result is validated as a whole: evidence_cap &gt;= 1, probabilities in
     * [0, 1], max_edges &gt;= 1, weight_cap in (0, 1], decay_per_hop * weight_cap &lt; 1 (so
     * propagation weights strictly shrink); INVALID_ARGUMENT names the field, and nothing
     * is written.
     * </pre>
     */
    public dev.engram.v1.UpdateNamespaceConfigResponse updateNamespaceConfig(dev.engram.v1.UpdateNamespaceConfigRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getUpdateNamespaceConfigMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists the namespaces written to, by name, a page at a time; including names stored by an
     * earlier version that the current naming rules refuse.
     * </pre>
     */
    public dev.engram.v1.ListNamespacesResponse listNamespaces(dev.engram.v1.ListNamespacesRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListNamespacesMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Removes everything stored in a namespace: confidence, edges, predictions, vectors,
     * configuration. Also accepts a legacy name the current naming rules refuse (one an
     * earlier version could store: no control character below U+0020, DEL or brace), so it
     * can be cleaned up; every other RPC refuses such names.
     * </pre>
     */
    public dev.engram.v1.DeleteNamespaceResponse deleteNamespace(dev.engram.v1.DeleteNamespaceRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getDeleteNamespaceMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Counts of what a namespace stores, each read in O(1) in one round trip (no scan), so
     * equally cheap at any size. An unknown namespace has every count 0 and no edge_count.
     * Counts are of what is stored: records expired but not yet deleted by the sweeper are
     * still counted. edge_count: see NamespaceStats.
     * </pre>
     */
    public dev.engram.v1.GetNamespaceStatsResponse getNamespaceStats(dev.engram.v1.GetNamespaceStatsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetNamespaceStatsMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do ListenableFuture-style rpc calls to service NamespaceService.
   * <pre>
   * Namespaces: their stored configuration, listing and deletion. Configuration lives in
   * Redis and is read by every replica inside the scripts that apply it, so servers cannot
   * disagree on it. A namespace without configuration uses the documented defaults; changing
   * configuration never rewrites stored state.
   * Names, in every service. A namespace is 1..256 bytes of UTF-8 with no control (Cc) or
   * invisible format (Cf: bidirectional overrides, zero-width characters) characters, no line
   * or paragraph separators, no space other than U+0020 and none at either end, no '{' or '}'
   * (Redis Cluster hash tag), no glob characters '*', '?', '[', ']', '&#92;' (API keys match
   * namespaces with "prefix*" patterns), no leading '/' and no '.' or '..' path segment.
   * Letters of any script, inner spaces, '/', ':' and '-' are fine. A record_id (and every
   * record id in a list or batch item, edge target, import record) is 1..512 bytes of UTF-8
   * under the same character and surrounding-space rules only; globs, braces, slashes and
   * dots are fine in ids. Any other name is refused with INVALID_ARGUMENT naming the field
   * and the rule, and nothing is written.
   * </pre>
   */
  public static final class NamespaceServiceFutureStub
      extends io.grpc.stub.AbstractFutureStub<NamespaceServiceFutureStub> {
    private NamespaceServiceFutureStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected NamespaceServiceFutureStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new NamespaceServiceFutureStub(channel, callOptions);
    }

    /**
     * <pre>
     * Reads a namespace's effective configuration (defaults filled in).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<dev.engram.v1.GetNamespaceConfigResponse> getNamespaceConfig(
        dev.engram.v1.GetNamespaceConfigRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetNamespaceConfigMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Sets the fields present in `config` (and, with `reset`, first returns every field to its
     * default). The result is validated as a whole: evidence_cap &gt;= 1, probabilities in
     * [0, 1], max_edges &gt;= 1, weight_cap in (0, 1], decay_per_hop * weight_cap &lt; 1 (so
     * propagation weights strictly shrink); INVALID_ARGUMENT names the field, and nothing
     * is written.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<dev.engram.v1.UpdateNamespaceConfigResponse> updateNamespaceConfig(
        dev.engram.v1.UpdateNamespaceConfigRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getUpdateNamespaceConfigMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Lists the namespaces written to, by name, a page at a time; including names stored by an
     * earlier version that the current naming rules refuse.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<dev.engram.v1.ListNamespacesResponse> listNamespaces(
        dev.engram.v1.ListNamespacesRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListNamespacesMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Removes everything stored in a namespace: confidence, edges, predictions, vectors,
     * configuration. Also accepts a legacy name the current naming rules refuse (one an
     * earlier version could store: no control character below U+0020, DEL or brace), so it
     * can be cleaned up; every other RPC refuses such names.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<dev.engram.v1.DeleteNamespaceResponse> deleteNamespace(
        dev.engram.v1.DeleteNamespaceRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getDeleteNamespaceMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Counts of what a namespace stores, each read in O(1) in one round trip (no scan), so
     * equally cheap at any size. An unknown namespace has every count 0 and no edge_count.
     * Counts are of what is stored: records expired but not yet deleted by the sweeper are
     * still counted. edge_count: see NamespaceStats.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<dev.engram.v1.GetNamespaceStatsResponse> getNamespaceStats(
        dev.engram.v1.GetNamespaceStatsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetNamespaceStatsMethod(), getCallOptions()), request);
    }
  }

  private static final int METHODID_GET_NAMESPACE_CONFIG = 0;
  private static final int METHODID_UPDATE_NAMESPACE_CONFIG = 1;
  private static final int METHODID_LIST_NAMESPACES = 2;
  private static final int METHODID_DELETE_NAMESPACE = 3;
  private static final int METHODID_GET_NAMESPACE_STATS = 4;

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
        case METHODID_GET_NAMESPACE_CONFIG:
          serviceImpl.getNamespaceConfig((dev.engram.v1.GetNamespaceConfigRequest) request,
              (io.grpc.stub.StreamObserver<dev.engram.v1.GetNamespaceConfigResponse>) responseObserver);
          break;
        case METHODID_UPDATE_NAMESPACE_CONFIG:
          serviceImpl.updateNamespaceConfig((dev.engram.v1.UpdateNamespaceConfigRequest) request,
              (io.grpc.stub.StreamObserver<dev.engram.v1.UpdateNamespaceConfigResponse>) responseObserver);
          break;
        case METHODID_LIST_NAMESPACES:
          serviceImpl.listNamespaces((dev.engram.v1.ListNamespacesRequest) request,
              (io.grpc.stub.StreamObserver<dev.engram.v1.ListNamespacesResponse>) responseObserver);
          break;
        case METHODID_DELETE_NAMESPACE:
          serviceImpl.deleteNamespace((dev.engram.v1.DeleteNamespaceRequest) request,
              (io.grpc.stub.StreamObserver<dev.engram.v1.DeleteNamespaceResponse>) responseObserver);
          break;
        case METHODID_GET_NAMESPACE_STATS:
          serviceImpl.getNamespaceStats((dev.engram.v1.GetNamespaceStatsRequest) request,
              (io.grpc.stub.StreamObserver<dev.engram.v1.GetNamespaceStatsResponse>) responseObserver);
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
          getGetNamespaceConfigMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              dev.engram.v1.GetNamespaceConfigRequest,
              dev.engram.v1.GetNamespaceConfigResponse>(
                service, METHODID_GET_NAMESPACE_CONFIG)))
        .addMethod(
          getUpdateNamespaceConfigMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              dev.engram.v1.UpdateNamespaceConfigRequest,
              dev.engram.v1.UpdateNamespaceConfigResponse>(
                service, METHODID_UPDATE_NAMESPACE_CONFIG)))
        .addMethod(
          getListNamespacesMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              dev.engram.v1.ListNamespacesRequest,
              dev.engram.v1.ListNamespacesResponse>(
                service, METHODID_LIST_NAMESPACES)))
        .addMethod(
          getDeleteNamespaceMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              dev.engram.v1.DeleteNamespaceRequest,
              dev.engram.v1.DeleteNamespaceResponse>(
                service, METHODID_DELETE_NAMESPACE)))
        .addMethod(
          getGetNamespaceStatsMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              dev.engram.v1.GetNamespaceStatsRequest,
              dev.engram.v1.GetNamespaceStatsResponse>(
                service, METHODID_GET_NAMESPACE_STATS)))
        .build();
  }

  private static abstract class NamespaceServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoFileDescriptorSupplier, io.grpc.protobuf.ProtoServiceDescriptorSupplier {
    NamespaceServiceBaseDescriptorSupplier() {}

    @java.lang.Override
    public com.google.protobuf.Descriptors.FileDescriptor getFileDescriptor() {
      return dev.engram.v1.NamespaceProto.getDescriptor();
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.ServiceDescriptor getServiceDescriptor() {
      return getFileDescriptor().findServiceByName("NamespaceService");
    }
  }

  private static final class NamespaceServiceFileDescriptorSupplier
      extends NamespaceServiceBaseDescriptorSupplier {
    NamespaceServiceFileDescriptorSupplier() {}
  }

  private static final class NamespaceServiceMethodDescriptorSupplier
      extends NamespaceServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoMethodDescriptorSupplier {
    private final java.lang.String methodName;

    NamespaceServiceMethodDescriptorSupplier(java.lang.String methodName) {
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
      synchronized (NamespaceServiceGrpc.class) {
        result = serviceDescriptor;
        if (result == null) {
          serviceDescriptor = result = io.grpc.ServiceDescriptor.newBuilder(SERVICE_NAME)
              .setSchemaDescriptor(new NamespaceServiceFileDescriptorSupplier())
              .addMethod(getGetNamespaceConfigMethod())
              .addMethod(getUpdateNamespaceConfigMethod())
              .addMethod(getListNamespacesMethod())
              .addMethod(getDeleteNamespaceMethod())
              .addMethod(getGetNamespaceStatsMethod())
              .build();
        }
      }
    }
    return result;
  }
}
