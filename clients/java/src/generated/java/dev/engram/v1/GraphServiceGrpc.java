package dev.engram.v1;

import static io.grpc.MethodDescriptor.generateFullMethodName;

/**
 * <pre>
 * Weighted association edges between records, and multi-hop propagation over them
 * (popoto's CoOccurrenceField, spec 002). Edges are symmetric unless the server is
 * configured otherwise: linking A to B also links B to A, in one atomic step.
 * An expired record (expires_at passed) is absent from reads until it is deleted: it has
 * no edges, edges pointing to it are left out of GetLinked and ListEdges, and Propagate
 * neither reaches nor passes through it; as a seed it spreads nothing and is not returned at
 * depth 0.
 * </pre>
 */
@io.grpc.stub.annotations.GrpcGenerated
public final class GraphServiceGrpc {

  private GraphServiceGrpc() {}

  public static final java.lang.String SERVICE_NAME = "engram.v1.GraphService";

  // Static method descriptors that strictly reflect the proto.
  private static volatile io.grpc.MethodDescriptor<dev.engram.v1.LinkRequest,
      dev.engram.v1.LinkResponse> getLinkMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "Link",
      requestType = dev.engram.v1.LinkRequest.class,
      responseType = dev.engram.v1.LinkResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<dev.engram.v1.LinkRequest,
      dev.engram.v1.LinkResponse> getLinkMethod() {
    io.grpc.MethodDescriptor<dev.engram.v1.LinkRequest, dev.engram.v1.LinkResponse> getLinkMethod;
    if ((getLinkMethod = GraphServiceGrpc.getLinkMethod) == null) {
      synchronized (GraphServiceGrpc.class) {
        if ((getLinkMethod = GraphServiceGrpc.getLinkMethod) == null) {
          GraphServiceGrpc.getLinkMethod = getLinkMethod =
              io.grpc.MethodDescriptor.<dev.engram.v1.LinkRequest, dev.engram.v1.LinkResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "Link"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  dev.engram.v1.LinkRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  dev.engram.v1.LinkResponse.getDefaultInstance()))
              .setSchemaDescriptor(new GraphServiceMethodDescriptorSupplier("Link"))
              .build();
        }
      }
    }
    return getLinkMethod;
  }

  private static volatile io.grpc.MethodDescriptor<dev.engram.v1.StrengthenRequest,
      dev.engram.v1.StrengthenResponse> getStrengthenMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "Strengthen",
      requestType = dev.engram.v1.StrengthenRequest.class,
      responseType = dev.engram.v1.StrengthenResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<dev.engram.v1.StrengthenRequest,
      dev.engram.v1.StrengthenResponse> getStrengthenMethod() {
    io.grpc.MethodDescriptor<dev.engram.v1.StrengthenRequest, dev.engram.v1.StrengthenResponse> getStrengthenMethod;
    if ((getStrengthenMethod = GraphServiceGrpc.getStrengthenMethod) == null) {
      synchronized (GraphServiceGrpc.class) {
        if ((getStrengthenMethod = GraphServiceGrpc.getStrengthenMethod) == null) {
          GraphServiceGrpc.getStrengthenMethod = getStrengthenMethod =
              io.grpc.MethodDescriptor.<dev.engram.v1.StrengthenRequest, dev.engram.v1.StrengthenResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "Strengthen"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  dev.engram.v1.StrengthenRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  dev.engram.v1.StrengthenResponse.getDefaultInstance()))
              .setSchemaDescriptor(new GraphServiceMethodDescriptorSupplier("Strengthen"))
              .build();
        }
      }
    }
    return getStrengthenMethod;
  }

  private static volatile io.grpc.MethodDescriptor<dev.engram.v1.UnlinkRequest,
      dev.engram.v1.UnlinkResponse> getUnlinkMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "Unlink",
      requestType = dev.engram.v1.UnlinkRequest.class,
      responseType = dev.engram.v1.UnlinkResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<dev.engram.v1.UnlinkRequest,
      dev.engram.v1.UnlinkResponse> getUnlinkMethod() {
    io.grpc.MethodDescriptor<dev.engram.v1.UnlinkRequest, dev.engram.v1.UnlinkResponse> getUnlinkMethod;
    if ((getUnlinkMethod = GraphServiceGrpc.getUnlinkMethod) == null) {
      synchronized (GraphServiceGrpc.class) {
        if ((getUnlinkMethod = GraphServiceGrpc.getUnlinkMethod) == null) {
          GraphServiceGrpc.getUnlinkMethod = getUnlinkMethod =
              io.grpc.MethodDescriptor.<dev.engram.v1.UnlinkRequest, dev.engram.v1.UnlinkResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "Unlink"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  dev.engram.v1.UnlinkRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  dev.engram.v1.UnlinkResponse.getDefaultInstance()))
              .setSchemaDescriptor(new GraphServiceMethodDescriptorSupplier("Unlink"))
              .build();
        }
      }
    }
    return getUnlinkMethod;
  }

  private static volatile io.grpc.MethodDescriptor<dev.engram.v1.WeakenAllRequest,
      dev.engram.v1.WeakenAllResponse> getWeakenAllMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "WeakenAll",
      requestType = dev.engram.v1.WeakenAllRequest.class,
      responseType = dev.engram.v1.WeakenAllResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<dev.engram.v1.WeakenAllRequest,
      dev.engram.v1.WeakenAllResponse> getWeakenAllMethod() {
    io.grpc.MethodDescriptor<dev.engram.v1.WeakenAllRequest, dev.engram.v1.WeakenAllResponse> getWeakenAllMethod;
    if ((getWeakenAllMethod = GraphServiceGrpc.getWeakenAllMethod) == null) {
      synchronized (GraphServiceGrpc.class) {
        if ((getWeakenAllMethod = GraphServiceGrpc.getWeakenAllMethod) == null) {
          GraphServiceGrpc.getWeakenAllMethod = getWeakenAllMethod =
              io.grpc.MethodDescriptor.<dev.engram.v1.WeakenAllRequest, dev.engram.v1.WeakenAllResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "WeakenAll"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  dev.engram.v1.WeakenAllRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  dev.engram.v1.WeakenAllResponse.getDefaultInstance()))
              .setSchemaDescriptor(new GraphServiceMethodDescriptorSupplier("WeakenAll"))
              .build();
        }
      }
    }
    return getWeakenAllMethod;
  }

  private static volatile io.grpc.MethodDescriptor<dev.engram.v1.GetLinkedRequest,
      dev.engram.v1.GetLinkedResponse> getGetLinkedMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetLinked",
      requestType = dev.engram.v1.GetLinkedRequest.class,
      responseType = dev.engram.v1.GetLinkedResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<dev.engram.v1.GetLinkedRequest,
      dev.engram.v1.GetLinkedResponse> getGetLinkedMethod() {
    io.grpc.MethodDescriptor<dev.engram.v1.GetLinkedRequest, dev.engram.v1.GetLinkedResponse> getGetLinkedMethod;
    if ((getGetLinkedMethod = GraphServiceGrpc.getGetLinkedMethod) == null) {
      synchronized (GraphServiceGrpc.class) {
        if ((getGetLinkedMethod = GraphServiceGrpc.getGetLinkedMethod) == null) {
          GraphServiceGrpc.getGetLinkedMethod = getGetLinkedMethod =
              io.grpc.MethodDescriptor.<dev.engram.v1.GetLinkedRequest, dev.engram.v1.GetLinkedResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetLinked"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  dev.engram.v1.GetLinkedRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  dev.engram.v1.GetLinkedResponse.getDefaultInstance()))
              .setSchemaDescriptor(new GraphServiceMethodDescriptorSupplier("GetLinked"))
              .build();
        }
      }
    }
    return getGetLinkedMethod;
  }

  private static volatile io.grpc.MethodDescriptor<dev.engram.v1.PropagateRequest,
      dev.engram.v1.PropagateResponse> getPropagateMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "Propagate",
      requestType = dev.engram.v1.PropagateRequest.class,
      responseType = dev.engram.v1.PropagateResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<dev.engram.v1.PropagateRequest,
      dev.engram.v1.PropagateResponse> getPropagateMethod() {
    io.grpc.MethodDescriptor<dev.engram.v1.PropagateRequest, dev.engram.v1.PropagateResponse> getPropagateMethod;
    if ((getPropagateMethod = GraphServiceGrpc.getPropagateMethod) == null) {
      synchronized (GraphServiceGrpc.class) {
        if ((getPropagateMethod = GraphServiceGrpc.getPropagateMethod) == null) {
          GraphServiceGrpc.getPropagateMethod = getPropagateMethod =
              io.grpc.MethodDescriptor.<dev.engram.v1.PropagateRequest, dev.engram.v1.PropagateResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "Propagate"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  dev.engram.v1.PropagateRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  dev.engram.v1.PropagateResponse.getDefaultInstance()))
              .setSchemaDescriptor(new GraphServiceMethodDescriptorSupplier("Propagate"))
              .build();
        }
      }
    }
    return getPropagateMethod;
  }

  private static volatile io.grpc.MethodDescriptor<dev.engram.v1.BatchLinkRequest,
      dev.engram.v1.BatchLinkResponse> getBatchLinkMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "BatchLink",
      requestType = dev.engram.v1.BatchLinkRequest.class,
      responseType = dev.engram.v1.BatchLinkResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<dev.engram.v1.BatchLinkRequest,
      dev.engram.v1.BatchLinkResponse> getBatchLinkMethod() {
    io.grpc.MethodDescriptor<dev.engram.v1.BatchLinkRequest, dev.engram.v1.BatchLinkResponse> getBatchLinkMethod;
    if ((getBatchLinkMethod = GraphServiceGrpc.getBatchLinkMethod) == null) {
      synchronized (GraphServiceGrpc.class) {
        if ((getBatchLinkMethod = GraphServiceGrpc.getBatchLinkMethod) == null) {
          GraphServiceGrpc.getBatchLinkMethod = getBatchLinkMethod =
              io.grpc.MethodDescriptor.<dev.engram.v1.BatchLinkRequest, dev.engram.v1.BatchLinkResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "BatchLink"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  dev.engram.v1.BatchLinkRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  dev.engram.v1.BatchLinkResponse.getDefaultInstance()))
              .setSchemaDescriptor(new GraphServiceMethodDescriptorSupplier("BatchLink"))
              .build();
        }
      }
    }
    return getBatchLinkMethod;
  }

  private static volatile io.grpc.MethodDescriptor<dev.engram.v1.BatchStrengthenRequest,
      dev.engram.v1.BatchStrengthenResponse> getBatchStrengthenMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "BatchStrengthen",
      requestType = dev.engram.v1.BatchStrengthenRequest.class,
      responseType = dev.engram.v1.BatchStrengthenResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<dev.engram.v1.BatchStrengthenRequest,
      dev.engram.v1.BatchStrengthenResponse> getBatchStrengthenMethod() {
    io.grpc.MethodDescriptor<dev.engram.v1.BatchStrengthenRequest, dev.engram.v1.BatchStrengthenResponse> getBatchStrengthenMethod;
    if ((getBatchStrengthenMethod = GraphServiceGrpc.getBatchStrengthenMethod) == null) {
      synchronized (GraphServiceGrpc.class) {
        if ((getBatchStrengthenMethod = GraphServiceGrpc.getBatchStrengthenMethod) == null) {
          GraphServiceGrpc.getBatchStrengthenMethod = getBatchStrengthenMethod =
              io.grpc.MethodDescriptor.<dev.engram.v1.BatchStrengthenRequest, dev.engram.v1.BatchStrengthenResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "BatchStrengthen"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  dev.engram.v1.BatchStrengthenRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  dev.engram.v1.BatchStrengthenResponse.getDefaultInstance()))
              .setSchemaDescriptor(new GraphServiceMethodDescriptorSupplier("BatchStrengthen"))
              .build();
        }
      }
    }
    return getBatchStrengthenMethod;
  }

  private static volatile io.grpc.MethodDescriptor<dev.engram.v1.ListEdgesRequest,
      dev.engram.v1.ListEdgesResponse> getListEdgesMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListEdges",
      requestType = dev.engram.v1.ListEdgesRequest.class,
      responseType = dev.engram.v1.ListEdgesResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<dev.engram.v1.ListEdgesRequest,
      dev.engram.v1.ListEdgesResponse> getListEdgesMethod() {
    io.grpc.MethodDescriptor<dev.engram.v1.ListEdgesRequest, dev.engram.v1.ListEdgesResponse> getListEdgesMethod;
    if ((getListEdgesMethod = GraphServiceGrpc.getListEdgesMethod) == null) {
      synchronized (GraphServiceGrpc.class) {
        if ((getListEdgesMethod = GraphServiceGrpc.getListEdgesMethod) == null) {
          GraphServiceGrpc.getListEdgesMethod = getListEdgesMethod =
              io.grpc.MethodDescriptor.<dev.engram.v1.ListEdgesRequest, dev.engram.v1.ListEdgesResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListEdges"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  dev.engram.v1.ListEdgesRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  dev.engram.v1.ListEdgesResponse.getDefaultInstance()))
              .setSchemaDescriptor(new GraphServiceMethodDescriptorSupplier("ListEdges"))
              .build();
        }
      }
    }
    return getListEdgesMethod;
  }

  /**
   * Creates a new async stub that supports all call types for the service
   */
  public static GraphServiceStub newStub(io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<GraphServiceStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<GraphServiceStub>() {
        @java.lang.Override
        public GraphServiceStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new GraphServiceStub(channel, callOptions);
        }
      };
    return GraphServiceStub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports all types of calls on the service
   */
  public static GraphServiceBlockingV2Stub newBlockingV2Stub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<GraphServiceBlockingV2Stub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<GraphServiceBlockingV2Stub>() {
        @java.lang.Override
        public GraphServiceBlockingV2Stub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new GraphServiceBlockingV2Stub(channel, callOptions);
        }
      };
    return GraphServiceBlockingV2Stub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports unary and streaming output calls on the service
   */
  public static GraphServiceBlockingStub newBlockingStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<GraphServiceBlockingStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<GraphServiceBlockingStub>() {
        @java.lang.Override
        public GraphServiceBlockingStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new GraphServiceBlockingStub(channel, callOptions);
        }
      };
    return GraphServiceBlockingStub.newStub(factory, channel);
  }

  /**
   * Creates a new ListenableFuture-style stub that supports unary calls on the service
   */
  public static GraphServiceFutureStub newFutureStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<GraphServiceFutureStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<GraphServiceFutureStub>() {
        @java.lang.Override
        public GraphServiceFutureStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new GraphServiceFutureStub(channel, callOptions);
        }
      };
    return GraphServiceFutureStub.newStub(factory, channel);
  }

  /**
   * <pre>
   * Weighted association edges between records, and multi-hop propagation over them
   * (popoto's CoOccurrenceField, spec 002). Edges are symmetric unless the server is
   * configured otherwise: linking A to B also links B to A, in one atomic step.
   * An expired record (expires_at passed) is absent from reads until it is deleted: it has
   * no edges, edges pointing to it are left out of GetLinked and ListEdges, and Propagate
   * neither reaches nor passes through it; as a seed it spreads nothing and is not returned at
   * depth 0.
   * </pre>
   */
  public interface AsyncService {

    /**
     * <pre>
     * Creates an edge. An existing edge keeps its weight. When a record has more than
     * max_edges edges (default 500) its lowest-weight edges are pruned.
     * INVALID_ARGUMENT for a self-loop or a weight outside (0, 1].
     * </pre>
     */
    default void link(dev.engram.v1.LinkRequest request,
        io.grpc.stub.StreamObserver<dev.engram.v1.LinkResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getLinkMethod(), responseObserver);
    }

    /**
     * <pre>
     * Adds delta (&gt; 0, default 0.05) to an edge's weight, capped at 1.0; creates the edge
     * at weight delta if absent.
     * </pre>
     */
    default void strengthen(dev.engram.v1.StrengthenRequest request,
        io.grpc.stub.StreamObserver<dev.engram.v1.StrengthenResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getStrengthenMethod(), responseObserver);
    }

    /**
     * <pre>
     * Removes an edge.
     * </pre>
     */
    default void unlink(dev.engram.v1.UnlinkRequest request,
        io.grpc.stub.StreamObserver<dev.engram.v1.UnlinkResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getUnlinkMethod(), responseObserver);
    }

    /**
     * <pre>
     * Multiplies every edge of a record by factor in [0, 1] (default 0.95) and prunes
     * edges below 0.001; factor 0 removes them all.
     * </pre>
     */
    default void weakenAll(dev.engram.v1.WeakenAllRequest request,
        io.grpc.stub.StreamObserver<dev.engram.v1.WeakenAllResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getWeakenAllMethod(), responseObserver);
    }

    /**
     * <pre>
     * Lists a record's edges by weight, descending.
     * </pre>
     */
    default void getLinked(dev.engram.v1.GetLinkedRequest request,
        io.grpc.stub.StreamObserver<dev.engram.v1.GetLinkedResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetLinkedMethod(), responseObserver);
    }

    /**
     * <pre>
     * Breadth-first propagation from seed records: a neighbour reached from a record of
     * weight w over an edge of weight e gets w * decay_per_hop * e, kept while &gt;= threshold;
     * the maximum over paths wins; seeds are excluded (depth 0 returns the seeds at 1.0).
     * Each result carries its hop count and the best path from a seed.
     * </pre>
     */
    default void propagate(dev.engram.v1.PropagateRequest request,
        io.grpc.stub.StreamObserver<dev.engram.v1.PropagateResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getPropagateMethod(), responseObserver);
    }

    /**
     * <pre>
     * Creates many edges (at most 1000 by default: the server's --max-batch-size) as Link
     * does, pipelined; validated as a whole first.
     * </pre>
     */
    default void batchLink(dev.engram.v1.BatchLinkRequest request,
        io.grpc.stub.StreamObserver<dev.engram.v1.BatchLinkResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getBatchLinkMethod(), responseObserver);
    }

    /**
     * <pre>
     * Strengthens many edges (at most 1000 by default: the server's --max-batch-size) as
     * Strengthen does, pipelined; validated first.
     * </pre>
     */
    default void batchStrengthen(dev.engram.v1.BatchStrengthenRequest request,
        io.grpc.stub.StreamObserver<dev.engram.v1.BatchStrengthenResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getBatchStrengthenMethod(), responseObserver);
    }

    /**
     * <pre>
     * Lists a record's outgoing edges by record_id, a page at a time.
     * </pre>
     */
    default void listEdges(dev.engram.v1.ListEdgesRequest request,
        io.grpc.stub.StreamObserver<dev.engram.v1.ListEdgesResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListEdgesMethod(), responseObserver);
    }
  }

  /**
   * Base class for the server implementation of the service GraphService.
   * <pre>
   * Weighted association edges between records, and multi-hop propagation over them
   * (popoto's CoOccurrenceField, spec 002). Edges are symmetric unless the server is
   * configured otherwise: linking A to B also links B to A, in one atomic step.
   * An expired record (expires_at passed) is absent from reads until it is deleted: it has
   * no edges, edges pointing to it are left out of GetLinked and ListEdges, and Propagate
   * neither reaches nor passes through it; as a seed it spreads nothing and is not returned at
   * depth 0.
   * </pre>
   */
  public static abstract class GraphServiceImplBase
      implements io.grpc.BindableService, AsyncService {

    @java.lang.Override public final io.grpc.ServerServiceDefinition bindService() {
      return GraphServiceGrpc.bindService(this);
    }
  }

  /**
   * A stub to allow clients to do asynchronous rpc calls to service GraphService.
   * <pre>
   * Weighted association edges between records, and multi-hop propagation over them
   * (popoto's CoOccurrenceField, spec 002). Edges are symmetric unless the server is
   * configured otherwise: linking A to B also links B to A, in one atomic step.
   * An expired record (expires_at passed) is absent from reads until it is deleted: it has
   * no edges, edges pointing to it are left out of GetLinked and ListEdges, and Propagate
   * neither reaches nor passes through it; as a seed it spreads nothing and is not returned at
   * depth 0.
   * </pre>
   */
  public static final class GraphServiceStub
      extends io.grpc.stub.AbstractAsyncStub<GraphServiceStub> {
    private GraphServiceStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected GraphServiceStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new GraphServiceStub(channel, callOptions);
    }

    /**
     * <pre>
     * Creates an edge. An existing edge keeps its weight. When a record has more than
     * max_edges edges (default 500) its lowest-weight edges are pruned.
     * INVALID_ARGUMENT for a self-loop or a weight outside (0, 1].
     * </pre>
     */
    public void link(dev.engram.v1.LinkRequest request,
        io.grpc.stub.StreamObserver<dev.engram.v1.LinkResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getLinkMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Adds delta (&gt; 0, default 0.05) to an edge's weight, capped at 1.0; creates the edge
     * at weight delta if absent.
     * </pre>
     */
    public void strengthen(dev.engram.v1.StrengthenRequest request,
        io.grpc.stub.StreamObserver<dev.engram.v1.StrengthenResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getStrengthenMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Removes an edge.
     * </pre>
     */
    public void unlink(dev.engram.v1.UnlinkRequest request,
        io.grpc.stub.StreamObserver<dev.engram.v1.UnlinkResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getUnlinkMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Multiplies every edge of a record by factor in [0, 1] (default 0.95) and prunes
     * edges below 0.001; factor 0 removes them all.
     * </pre>
     */
    public void weakenAll(dev.engram.v1.WeakenAllRequest request,
        io.grpc.stub.StreamObserver<dev.engram.v1.WeakenAllResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getWeakenAllMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Lists a record's edges by weight, descending.
     * </pre>
     */
    public void getLinked(dev.engram.v1.GetLinkedRequest request,
        io.grpc.stub.StreamObserver<dev.engram.v1.GetLinkedResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetLinkedMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Breadth-first propagation from seed records: a neighbour reached from a record of
     * weight w over an edge of weight e gets w * decay_per_hop * e, kept while &gt;= threshold;
     * the maximum over paths wins; seeds are excluded (depth 0 returns the seeds at 1.0).
     * Each result carries its hop count and the best path from a seed.
     * </pre>
     */
    public void propagate(dev.engram.v1.PropagateRequest request,
        io.grpc.stub.StreamObserver<dev.engram.v1.PropagateResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getPropagateMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Creates many edges (at most 1000 by default: the server's --max-batch-size) as Link
     * does, pipelined; validated as a whole first.
     * </pre>
     */
    public void batchLink(dev.engram.v1.BatchLinkRequest request,
        io.grpc.stub.StreamObserver<dev.engram.v1.BatchLinkResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getBatchLinkMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Strengthens many edges (at most 1000 by default: the server's --max-batch-size) as
     * Strengthen does, pipelined; validated first.
     * </pre>
     */
    public void batchStrengthen(dev.engram.v1.BatchStrengthenRequest request,
        io.grpc.stub.StreamObserver<dev.engram.v1.BatchStrengthenResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getBatchStrengthenMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Lists a record's outgoing edges by record_id, a page at a time.
     * </pre>
     */
    public void listEdges(dev.engram.v1.ListEdgesRequest request,
        io.grpc.stub.StreamObserver<dev.engram.v1.ListEdgesResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListEdgesMethod(), getCallOptions()), request, responseObserver);
    }
  }

  /**
   * A stub to allow clients to do synchronous rpc calls to service GraphService.
   * <pre>
   * Weighted association edges between records, and multi-hop propagation over them
   * (popoto's CoOccurrenceField, spec 002). Edges are symmetric unless the server is
   * configured otherwise: linking A to B also links B to A, in one atomic step.
   * An expired record (expires_at passed) is absent from reads until it is deleted: it has
   * no edges, edges pointing to it are left out of GetLinked and ListEdges, and Propagate
   * neither reaches nor passes through it; as a seed it spreads nothing and is not returned at
   * depth 0.
   * </pre>
   */
  public static final class GraphServiceBlockingV2Stub
      extends io.grpc.stub.AbstractBlockingStub<GraphServiceBlockingV2Stub> {
    private GraphServiceBlockingV2Stub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected GraphServiceBlockingV2Stub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new GraphServiceBlockingV2Stub(channel, callOptions);
    }

    /**
     * <pre>
     * Creates an edge. An existing edge keeps its weight. When a record has more than
     * max_edges edges (default 500) its lowest-weight edges are pruned.
     * INVALID_ARGUMENT for a self-loop or a weight outside (0, 1].
     * </pre>
     */
    public dev.engram.v1.LinkResponse link(dev.engram.v1.LinkRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getLinkMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Adds delta (&gt; 0, default 0.05) to an edge's weight, capped at 1.0; creates the edge
     * at weight delta if absent.
     * </pre>
     */
    public dev.engram.v1.StrengthenResponse strengthen(dev.engram.v1.StrengthenRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getStrengthenMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Removes an edge.
     * </pre>
     */
    public dev.engram.v1.UnlinkResponse unlink(dev.engram.v1.UnlinkRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getUnlinkMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Multiplies every edge of a record by factor in [0, 1] (default 0.95) and prunes
     * edges below 0.001; factor 0 removes them all.
     * </pre>
     */
    public dev.engram.v1.WeakenAllResponse weakenAll(dev.engram.v1.WeakenAllRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getWeakenAllMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists a record's edges by weight, descending.
     * </pre>
     */
    public dev.engram.v1.GetLinkedResponse getLinked(dev.engram.v1.GetLinkedRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getGetLinkedMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Breadth-first propagation from seed records: a neighbour reached from a record of
     * weight w over an edge of weight e gets w * decay_per_hop * e, kept while &gt;= threshold;
     * the maximum over paths wins; seeds are excluded (depth 0 returns the seeds at 1.0).
     * Each result carries its hop count and the best path from a seed.
     * </pre>
     */
    public dev.engram.v1.PropagateResponse propagate(dev.engram.v1.PropagateRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getPropagateMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Creates many edges (at most 1000 by default: the server's --max-batch-size) as Link
     * does, pipelined; validated as a whole first.
     * </pre>
     */
    public dev.engram.v1.BatchLinkResponse batchLink(dev.engram.v1.BatchLinkRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getBatchLinkMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Strengthens many edges (at most 1000 by default: the server's --max-batch-size) as
     * Strengthen does, pipelined; validated first.
     * </pre>
     */
    public dev.engram.v1.BatchStrengthenResponse batchStrengthen(dev.engram.v1.BatchStrengthenRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getBatchStrengthenMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists a record's outgoing edges by record_id, a page at a time.
     * </pre>
     */
    public dev.engram.v1.ListEdgesResponse listEdges(dev.engram.v1.ListEdgesRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getListEdgesMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do limited synchronous rpc calls to service GraphService.
   * <pre>
   * Weighted association edges between records, and multi-hop propagation over them
   * (popoto's CoOccurrenceField, spec 002). Edges are symmetric unless the server is
   * configured otherwise: linking A to B also links B to A, in one atomic step.
   * An expired record (expires_at passed) is absent from reads until it is deleted: it has
   * no edges, edges pointing to it are left out of GetLinked and ListEdges, and Propagate
   * neither reaches nor passes through it; as a seed it spreads nothing and is not returned at
   * depth 0.
   * </pre>
   */
  public static final class GraphServiceBlockingStub
      extends io.grpc.stub.AbstractBlockingStub<GraphServiceBlockingStub> {
    private GraphServiceBlockingStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected GraphServiceBlockingStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new GraphServiceBlockingStub(channel, callOptions);
    }

    /**
     * <pre>
     * Creates an edge. An existing edge keeps its weight. When a record has more than
     * max_edges edges (default 500) its lowest-weight edges are pruned.
     * INVALID_ARGUMENT for a self-loop or a weight outside (0, 1].
     * </pre>
     */
    public dev.engram.v1.LinkResponse link(dev.engram.v1.LinkRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getLinkMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Adds delta (&gt; 0, default 0.05) to an edge's weight, capped at 1.0; creates the edge
     * at weight delta if absent.
     * </pre>
     */
    public dev.engram.v1.StrengthenResponse strengthen(dev.engram.v1.StrengthenRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getStrengthenMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Removes an edge.
     * </pre>
     */
    public dev.engram.v1.UnlinkResponse unlink(dev.engram.v1.UnlinkRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getUnlinkMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Multiplies every edge of a record by factor in [0, 1] (default 0.95) and prunes
     * edges below 0.001; factor 0 removes them all.
     * </pre>
     */
    public dev.engram.v1.WeakenAllResponse weakenAll(dev.engram.v1.WeakenAllRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getWeakenAllMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists a record's edges by weight, descending.
     * </pre>
     */
    public dev.engram.v1.GetLinkedResponse getLinked(dev.engram.v1.GetLinkedRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetLinkedMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Breadth-first propagation from seed records: a neighbour reached from a record of
     * weight w over an edge of weight e gets w * decay_per_hop * e, kept while &gt;= threshold;
     * the maximum over paths wins; seeds are excluded (depth 0 returns the seeds at 1.0).
     * Each result carries its hop count and the best path from a seed.
     * </pre>
     */
    public dev.engram.v1.PropagateResponse propagate(dev.engram.v1.PropagateRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getPropagateMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Creates many edges (at most 1000 by default: the server's --max-batch-size) as Link
     * does, pipelined; validated as a whole first.
     * </pre>
     */
    public dev.engram.v1.BatchLinkResponse batchLink(dev.engram.v1.BatchLinkRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getBatchLinkMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Strengthens many edges (at most 1000 by default: the server's --max-batch-size) as
     * Strengthen does, pipelined; validated first.
     * </pre>
     */
    public dev.engram.v1.BatchStrengthenResponse batchStrengthen(dev.engram.v1.BatchStrengthenRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getBatchStrengthenMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists a record's outgoing edges by record_id, a page at a time.
     * </pre>
     */
    public dev.engram.v1.ListEdgesResponse listEdges(dev.engram.v1.ListEdgesRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListEdgesMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do ListenableFuture-style rpc calls to service GraphService.
   * <pre>
   * Weighted association edges between records, and multi-hop propagation over them
   * (popoto's CoOccurrenceField, spec 002). Edges are symmetric unless the server is
   * configured otherwise: linking A to B also links B to A, in one atomic step.
   * An expired record (expires_at passed) is absent from reads until it is deleted: it has
   * no edges, edges pointing to it are left out of GetLinked and ListEdges, and Propagate
   * neither reaches nor passes through it; as a seed it spreads nothing and is not returned at
   * depth 0.
   * </pre>
   */
  public static final class GraphServiceFutureStub
      extends io.grpc.stub.AbstractFutureStub<GraphServiceFutureStub> {
    private GraphServiceFutureStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected GraphServiceFutureStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new GraphServiceFutureStub(channel, callOptions);
    }

    /**
     * <pre>
     * Creates an edge. An existing edge keeps its weight. When a record has more than
     * max_edges edges (default 500) its lowest-weight edges are pruned.
     * INVALID_ARGUMENT for a self-loop or a weight outside (0, 1].
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<dev.engram.v1.LinkResponse> link(
        dev.engram.v1.LinkRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getLinkMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Adds delta (&gt; 0, default 0.05) to an edge's weight, capped at 1.0; creates the edge
     * at weight delta if absent.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<dev.engram.v1.StrengthenResponse> strengthen(
        dev.engram.v1.StrengthenRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getStrengthenMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Removes an edge.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<dev.engram.v1.UnlinkResponse> unlink(
        dev.engram.v1.UnlinkRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getUnlinkMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Multiplies every edge of a record by factor in [0, 1] (default 0.95) and prunes
     * edges below 0.001; factor 0 removes them all.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<dev.engram.v1.WeakenAllResponse> weakenAll(
        dev.engram.v1.WeakenAllRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getWeakenAllMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Lists a record's edges by weight, descending.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<dev.engram.v1.GetLinkedResponse> getLinked(
        dev.engram.v1.GetLinkedRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetLinkedMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Breadth-first propagation from seed records: a neighbour reached from a record of
     * weight w over an edge of weight e gets w * decay_per_hop * e, kept while &gt;= threshold;
     * the maximum over paths wins; seeds are excluded (depth 0 returns the seeds at 1.0).
     * Each result carries its hop count and the best path from a seed.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<dev.engram.v1.PropagateResponse> propagate(
        dev.engram.v1.PropagateRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getPropagateMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Creates many edges (at most 1000 by default: the server's --max-batch-size) as Link
     * does, pipelined; validated as a whole first.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<dev.engram.v1.BatchLinkResponse> batchLink(
        dev.engram.v1.BatchLinkRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getBatchLinkMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Strengthens many edges (at most 1000 by default: the server's --max-batch-size) as
     * Strengthen does, pipelined; validated first.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<dev.engram.v1.BatchStrengthenResponse> batchStrengthen(
        dev.engram.v1.BatchStrengthenRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getBatchStrengthenMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Lists a record's outgoing edges by record_id, a page at a time.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<dev.engram.v1.ListEdgesResponse> listEdges(
        dev.engram.v1.ListEdgesRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListEdgesMethod(), getCallOptions()), request);
    }
  }

  private static final int METHODID_LINK = 0;
  private static final int METHODID_STRENGTHEN = 1;
  private static final int METHODID_UNLINK = 2;
  private static final int METHODID_WEAKEN_ALL = 3;
  private static final int METHODID_GET_LINKED = 4;
  private static final int METHODID_PROPAGATE = 5;
  private static final int METHODID_BATCH_LINK = 6;
  private static final int METHODID_BATCH_STRENGTHEN = 7;
  private static final int METHODID_LIST_EDGES = 8;

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
        case METHODID_LINK:
          serviceImpl.link((dev.engram.v1.LinkRequest) request,
              (io.grpc.stub.StreamObserver<dev.engram.v1.LinkResponse>) responseObserver);
          break;
        case METHODID_STRENGTHEN:
          serviceImpl.strengthen((dev.engram.v1.StrengthenRequest) request,
              (io.grpc.stub.StreamObserver<dev.engram.v1.StrengthenResponse>) responseObserver);
          break;
        case METHODID_UNLINK:
          serviceImpl.unlink((dev.engram.v1.UnlinkRequest) request,
              (io.grpc.stub.StreamObserver<dev.engram.v1.UnlinkResponse>) responseObserver);
          break;
        case METHODID_WEAKEN_ALL:
          serviceImpl.weakenAll((dev.engram.v1.WeakenAllRequest) request,
              (io.grpc.stub.StreamObserver<dev.engram.v1.WeakenAllResponse>) responseObserver);
          break;
        case METHODID_GET_LINKED:
          serviceImpl.getLinked((dev.engram.v1.GetLinkedRequest) request,
              (io.grpc.stub.StreamObserver<dev.engram.v1.GetLinkedResponse>) responseObserver);
          break;
        case METHODID_PROPAGATE:
          serviceImpl.propagate((dev.engram.v1.PropagateRequest) request,
              (io.grpc.stub.StreamObserver<dev.engram.v1.PropagateResponse>) responseObserver);
          break;
        case METHODID_BATCH_LINK:
          serviceImpl.batchLink((dev.engram.v1.BatchLinkRequest) request,
              (io.grpc.stub.StreamObserver<dev.engram.v1.BatchLinkResponse>) responseObserver);
          break;
        case METHODID_BATCH_STRENGTHEN:
          serviceImpl.batchStrengthen((dev.engram.v1.BatchStrengthenRequest) request,
              (io.grpc.stub.StreamObserver<dev.engram.v1.BatchStrengthenResponse>) responseObserver);
          break;
        case METHODID_LIST_EDGES:
          serviceImpl.listEdges((dev.engram.v1.ListEdgesRequest) request,
              (io.grpc.stub.StreamObserver<dev.engram.v1.ListEdgesResponse>) responseObserver);
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
          getLinkMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              dev.engram.v1.LinkRequest,
              dev.engram.v1.LinkResponse>(
                service, METHODID_LINK)))
        .addMethod(
          getStrengthenMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              dev.engram.v1.StrengthenRequest,
              dev.engram.v1.StrengthenResponse>(
                service, METHODID_STRENGTHEN)))
        .addMethod(
          getUnlinkMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              dev.engram.v1.UnlinkRequest,
              dev.engram.v1.UnlinkResponse>(
                service, METHODID_UNLINK)))
        .addMethod(
          getWeakenAllMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              dev.engram.v1.WeakenAllRequest,
              dev.engram.v1.WeakenAllResponse>(
                service, METHODID_WEAKEN_ALL)))
        .addMethod(
          getGetLinkedMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              dev.engram.v1.GetLinkedRequest,
              dev.engram.v1.GetLinkedResponse>(
                service, METHODID_GET_LINKED)))
        .addMethod(
          getPropagateMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              dev.engram.v1.PropagateRequest,
              dev.engram.v1.PropagateResponse>(
                service, METHODID_PROPAGATE)))
        .addMethod(
          getBatchLinkMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              dev.engram.v1.BatchLinkRequest,
              dev.engram.v1.BatchLinkResponse>(
                service, METHODID_BATCH_LINK)))
        .addMethod(
          getBatchStrengthenMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              dev.engram.v1.BatchStrengthenRequest,
              dev.engram.v1.BatchStrengthenResponse>(
                service, METHODID_BATCH_STRENGTHEN)))
        .addMethod(
          getListEdgesMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              dev.engram.v1.ListEdgesRequest,
              dev.engram.v1.ListEdgesResponse>(
                service, METHODID_LIST_EDGES)))
        .build();
  }

  private static abstract class GraphServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoFileDescriptorSupplier, io.grpc.protobuf.ProtoServiceDescriptorSupplier {
    GraphServiceBaseDescriptorSupplier() {}

    @java.lang.Override
    public com.google.protobuf.Descriptors.FileDescriptor getFileDescriptor() {
      return dev.engram.v1.GraphProto.getDescriptor();
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.ServiceDescriptor getServiceDescriptor() {
      return getFileDescriptor().findServiceByName("GraphService");
    }
  }

  private static final class GraphServiceFileDescriptorSupplier
      extends GraphServiceBaseDescriptorSupplier {
    GraphServiceFileDescriptorSupplier() {}
  }

  private static final class GraphServiceMethodDescriptorSupplier
      extends GraphServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoMethodDescriptorSupplier {
    private final java.lang.String methodName;

    GraphServiceMethodDescriptorSupplier(java.lang.String methodName) {
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
      synchronized (GraphServiceGrpc.class) {
        result = serviceDescriptor;
        if (result == null) {
          serviceDescriptor = result = io.grpc.ServiceDescriptor.newBuilder(SERVICE_NAME)
              .setSchemaDescriptor(new GraphServiceFileDescriptorSupplier())
              .addMethod(getLinkMethod())
              .addMethod(getStrengthenMethod())
              .addMethod(getUnlinkMethod())
              .addMethod(getWeakenAllMethod())
              .addMethod(getGetLinkedMethod())
              .addMethod(getPropagateMethod())
              .addMethod(getBatchLinkMethod())
              .addMethod(getBatchStrengthenMethod())
              .addMethod(getListEdgesMethod())
              .build();
        }
      }
    }
    return result;
  }
}
