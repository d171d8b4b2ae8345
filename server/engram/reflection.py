"""Server reflection under both names clients use: ``grpc.reflection.v1`` (tried first by current
grpcurl, grpcui and Postman) and the older ``grpc.reflection.v1alpha``.

grpcio-reflection 1.85 ships only the v1alpha module. The v1 protocol is the same messages, with
the same fields and numbers, under another package, so the library's own servicer answers both:
its v1alpha stubs serve the v1 method path byte for byte. So that a tool can also describe the v1
service it lists, the v1 file descriptor (derived from the library's v1alpha one by renaming the
package) is added to the default descriptor pool once.
"""

from __future__ import annotations

from collections.abc import Iterable

import grpc
from google.protobuf import descriptor_pb2, descriptor_pool
from grpc_reflection.v1alpha import reflection, reflection_pb2, reflection_pb2_grpc

V1ALPHA_SERVICE_NAME = reflection.SERVICE_NAME  # grpc.reflection.v1alpha.ServerReflection
V1_PACKAGE = "grpc.reflection.v1"
V1_SERVICE_NAME = f"{V1_PACKAGE}.ServerReflection"
V1_FILE = "grpc/reflection/v1/reflection.proto"


def _add_v1_descriptor(pool: descriptor_pool.DescriptorPool) -> None:
    """Adds grpc/reflection/v1/reflection.proto to ``pool`` unless it is already there."""
    try:
        pool.FindFileByName(V1_FILE)
        return
    except KeyError:
        pass
    proto = descriptor_pb2.FileDescriptorProto()
    reflection_pb2.DESCRIPTOR.CopyToProto(proto)
    old, new = f".{reflection_pb2.DESCRIPTOR.package}.", f".{V1_PACKAGE}."

    def rename(type_name: str) -> str:
        return new + type_name[len(old):] if type_name.startswith(old) else type_name

    proto.name, proto.package = V1_FILE, V1_PACKAGE
    proto.ClearField("options")  # v1alpha's are deprecated=true and its language packages
    for message in proto.message_type:  # these messages have no nested types
        for field in message.field:
            if field.HasField("type_name"):  # assigning sets it, even to ""
                field.type_name = rename(field.type_name)
    for service in proto.service:
        for method in service.method:
            method.input_type, method.output_type = rename(method.input_type), rename(method.output_type)
    pool.Add(proto)


def enable_reflection(service_names: Iterable[str], server: grpc.Server) -> None:
    """Serves reflection for ``service_names`` (plus both reflection services) on ``server``, as
    grpc.reflection.v1.ServerReflection and grpc.reflection.v1alpha.ServerReflection."""
    _add_v1_descriptor(descriptor_pool.Default())
    servicer = reflection.ReflectionServicer([*service_names, V1_SERVICE_NAME, V1ALPHA_SERVICE_NAME])
    reflection_pb2_grpc.add_ServerReflectionServicer_to_server(servicer, server)
    # The same servicer and messages under the v1 name (what the generated v1 stubs would register).
    handlers = {"ServerReflectionInfo": grpc.stream_stream_rpc_method_handler(
        servicer.ServerReflectionInfo,
        request_deserializer=reflection_pb2.ServerReflectionRequest.FromString,
        response_serializer=reflection_pb2.ServerReflectionResponse.SerializeToString)}
    server.add_generic_rpc_handlers((grpc.method_handlers_generic_handler(V1_SERVICE_NAME, handlers),))
    server.add_registered_method_handlers(V1_SERVICE_NAME, handlers)
