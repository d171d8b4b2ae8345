package dev.engram.client.conformance;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.Descriptors.ServiceDescriptor;
import com.google.protobuf.Internal;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import dev.engram.client.EngramClient;
import dev.engram.v1.*;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Conformance runner of the Java client: plays {@code clients/conformance/scenarios.json}
 * against a live server through {@link EngramClient} and reports one line per scenario.
 *
 * <p>Format, command line and matching rules: {@code clients/conformance/README.md}.
 *
 * <pre>
 * ConformanceRunner --address HOST:PORT --scenarios PATH [--namespace-prefix P] [--api-key K]
 * </pre>
 */
public final class ConformanceRunner {
  private static final String USAGE =
      "usage: ConformanceRunner --address HOST:PORT --scenarios PATH"
          + " [--namespace-prefix PREFIX] [--api-key KEY]";
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z0-9_]+)\\}");
  /** How long a bidirectional stream, which has no default deadline, may take. */
  private static final long STREAM_WAIT_SECONDS = 120;
  private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();
  private static final JsonFormat.Parser PARSER = JsonFormat.parser();
  private static final JsonFormat.Printer PRINTER = JsonFormat.printer();

  private ConformanceRunner() {}

  /** A step that did not go as its expectation says. */
  static final class StepFailed extends Exception {
    private static final long serialVersionUID = 1L;

    StepFailed(String message) {
      super(message);
    }
  }

  /** Sends the parsed requests of one call and collects its replies, in order. */
  @FunctionalInterface
  interface Invoker {
    void call(EngramClient client, List<Message> requests, List<Message> replies)
        throws StepFailed;
  }

  /** One RPC of the contract: its request type, streaming kind and call. */
  record Rpc(
      Class<? extends Message> requestType,
      boolean clientStreaming,
      boolean serverStreaming,
      Invoker invoker) {}

  private static final Map<String, Rpc> RPCS = new LinkedHashMap<>();

  static {
    unary("engram.v1.ConfidenceService/UpdateConfidence", UpdateConfidenceRequest.class,
        (c, r) -> c.confidence().updateConfidence(r));
    unary("engram.v1.ConfidenceService/GetConfidence", GetConfidenceRequest.class,
        (c, r) -> c.confidence().getConfidence(r));
    unary("engram.v1.ConfidenceService/BatchGetConfidence", BatchGetConfidenceRequest.class,
        (c, r) -> c.confidence().batchGetConfidence(r));
    unary("engram.v1.ConfidenceService/BatchUpdateConfidence", BatchUpdateConfidenceRequest.class,
        (c, r) -> c.confidence().batchUpdateConfidence(r));
    unary("engram.v1.ConfidenceService/ListConfidence", ListConfidenceRequest.class,
        (c, r) -> c.confidence().listConfidence(r));
    unary("engram.v1.EmbeddingService/UpsertEmbedding", UpsertEmbeddingRequest.class,
        (c, r) -> c.embedding().upsertEmbedding(r));
    unary("engram.v1.EmbeddingService/DeleteEmbedding", DeleteEmbeddingRequest.class,
        (c, r) -> c.embedding().deleteEmbedding(r));
    serverStream("engram.v1.EmbeddingService/Search", SearchRequest.class,
        (c, r) -> c.embedding().search(r));
    serverStream("engram.v1.EmbeddingService/BatchSearch", BatchSearchRequest.class,
        (c, r) -> c.embedding().batchSearch(r));
    ConformanceRunner.<ImportEmbeddingsRequest, ImportEmbeddingsResponse>bidi(
        "engram.v1.EmbeddingService/ImportEmbeddings", ImportEmbeddingsRequest.class,
        (c, replies) -> c.embeddingAsync().importEmbeddings(replies));
    unary("engram.v1.EmbeddingService/Embed", EmbedRequest.class,
        (c, r) -> c.embedding().embed(r));
    unary("engram.v1.GraphService/Link", LinkRequest.class,
        (c, r) -> c.graph().link(r));
    unary("engram.v1.GraphService/Strengthen", StrengthenRequest.class,
        (c, r) -> c.graph().strengthen(r));
    unary("engram.v1.GraphService/Unlink", UnlinkRequest.class,
        (c, r) -> c.graph().unlink(r));
    unary("engram.v1.GraphService/WeakenAll", WeakenAllRequest.class,
        (c, r) -> c.graph().weakenAll(r));
    unary("engram.v1.GraphService/GetLinked", GetLinkedRequest.class,
        (c, r) -> c.graph().getLinked(r));
    unary("engram.v1.GraphService/Propagate", PropagateRequest.class,
        (c, r) -> c.graph().propagate(r));
    unary("engram.v1.GraphService/BatchLink", BatchLinkRequest.class,
        (c, r) -> c.graph().batchLink(r));
    unary("engram.v1.GraphService/BatchStrengthen", BatchStrengthenRequest.class,
        (c, r) -> c.graph().batchStrengthen(r));
    unary("engram.v1.GraphService/ListEdges", ListEdgesRequest.class,
        (c, r) -> c.graph().listEdges(r));
    unary("engram.v1.LedgerService/RecordPrediction", RecordPredictionRequest.class,
        (c, r) -> c.ledger().recordPrediction(r));
    unary("engram.v1.LedgerService/ResolvePrediction", ResolvePredictionRequest.class,
        (c, r) -> c.ledger().resolvePrediction(r));
    unary("engram.v1.LedgerService/AutoResolvePrediction", AutoResolvePredictionRequest.class,
        (c, r) -> c.ledger().autoResolvePrediction(r));
    unary("engram.v1.LedgerService/GetPrediction", GetPredictionRequest.class,
        (c, r) -> c.ledger().getPrediction(r));
    unary("engram.v1.LedgerService/ListHighestErrors", ListHighestErrorsRequest.class,
        (c, r) -> c.ledger().listHighestErrors(r));
    unary("engram.v1.LedgerService/GetErrorSummary", GetErrorSummaryRequest.class,
        (c, r) -> c.ledger().getErrorSummary(r));
    unary("engram.v1.LedgerService/ListPredictions", ListPredictionsRequest.class,
        (c, r) -> c.ledger().listPredictions(r));
    unary("engram.v1.NamespaceService/GetNamespaceConfig", GetNamespaceConfigRequest.class,
        (c, r) -> c.namespace().getNamespaceConfig(r));
    unary("engram.v1.NamespaceService/UpdateNamespaceConfig", UpdateNamespaceConfigRequest.class,
        (c, r) -> c.namespace().updateNamespaceConfig(r));
    unary("engram.v1.NamespaceService/ListNamespaces", ListNamespacesRequest.class,
        (c, r) -> c.namespace().listNamespaces(r));
    unary("engram.v1.NamespaceService/DeleteNamespace", DeleteNamespaceRequest.class,
        (c, r) -> c.namespace().deleteNamespace(r));
    unary("engram.v1.NamespaceService/GetNamespaceStats", GetNamespaceStatsRequest.class,
        (c, r) -> c.namespace().getNamespaceStats(r));
    unary("engram.v1.RecordService/ReportOutcome", ReportOutcomeRequest.class,
        (c, r) -> c.record().reportOutcome(r));
    unary("engram.v1.RecordService/BatchGetRecords", BatchGetRecordsRequest.class,
        (c, r) -> c.record().batchGetRecords(r));
    unary("engram.v1.RecordService/DeleteRecord", DeleteRecordRequest.class,
        (c, r) -> c.record().deleteRecord(r));
    unary("engram.v1.RecordService/ListForgettableRecords", ListForgettableRecordsRequest.class,
        (c, r) -> c.record().listForgettableRecords(r));
    unary("engram.v1.RecordService/ListRecords", ListRecordsRequest.class,
        (c, r) -> c.record().listRecords(r));
  }

  private static <Q extends Message> void unary(
      String name, Class<Q> type, BiFunction<EngramClient, Q, ? extends Message> call) {
    RPCS.put(
        name,
        new Rpc(
            type,
            false,
            false,
            (client, requests, replies) ->
                replies.add(call.apply(client, type.cast(requests.get(0))))));
  }

  private static <Q extends Message> void serverStream(
      String name, Class<Q> type, BiFunction<EngramClient, Q, Iterator<? extends Message>> call) {
    RPCS.put(
        name,
        new Rpc(
            type,
            false,
            true,
            (client, requests, replies) -> {
              Iterator<? extends Message> stream = call.apply(client, type.cast(requests.get(0)));
              while (stream.hasNext()) {
                replies.add(stream.next());
              }
            }));
  }

  private static <Q extends Message, R extends Message> void bidi(
      String name,
      Class<Q> type,
      BiFunction<EngramClient, StreamObserver<R>, StreamObserver<Q>> call) {
    RPCS.put(
        name,
        new Rpc(
            type,
            true,
            true,
            (client, requests, replies) -> {
              List<Message> received = Collections.synchronizedList(new ArrayList<>());
              AtomicReference<Throwable> error = new AtomicReference<>();
              CountDownLatch done = new CountDownLatch(1);
              StreamObserver<R> responses =
                  new StreamObserver<R>() {
                    @Override
                    public void onNext(R reply) {
                      received.add(reply);
                    }

                    @Override
                    public void onError(Throwable t) {
                      error.set(t);
                      done.countDown();
                    }

                    @Override
                    public void onCompleted() {
                      done.countDown();
                    }
                  };
              StreamObserver<Q> sender = call.apply(client, responses);
              for (Message request : requests) {
                sender.onNext(type.cast(request));
              }
              sender.onCompleted();
              try {
                if (!done.await(STREAM_WAIT_SECONDS, TimeUnit.SECONDS)) {
                  if (sender instanceof ClientCallStreamObserver<?> callObserver) {
                    callObserver.cancel("conformance runner gave up", null);
                  }
                  throw new StepFailed("no end of stream within " + STREAM_WAIT_SECONDS + " s");
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StepFailed("interrupted");
              }
              synchronized (received) {
                replies.addAll(received);
              }
              if (error.get() != null) {
                throw Status.fromThrowable(error.get()).asRuntimeException();
              }
            }));
  }

  /** Methods of the generated service descriptors that the table lacks (should be none). */
  static List<String> missingFromTable() {
    List<String> missing = new ArrayList<>();
    for (ServiceDescriptor service :
        List.of(
            ConfidenceProto.getDescriptor().findServiceByName("ConfidenceService"),
            EmbeddingProto.getDescriptor().findServiceByName("EmbeddingService"),
            GraphProto.getDescriptor().findServiceByName("GraphService"),
            LedgerProto.getDescriptor().findServiceByName("LedgerService"),
            NamespaceProto.getDescriptor().findServiceByName("NamespaceService"),
            RecordProto.getDescriptor().findServiceByName("RecordService"))) {
      for (MethodDescriptor method : service.getMethods()) {
        String name = service.getFullName() + "/" + method.getName();
        if (!RPCS.containsKey(name)) {
          missing.add(name);
        }
      }
    }
    return missing;
  }

  // ---- variables -------------------------------------------------------------------------

  /** A copy of {@code value} with {@code ${name}} replaced in every string (not in keys). */
  static JsonElement substitute(JsonElement value, Map<String, String> variables)
      throws StepFailed {
    if (value.isJsonPrimitive() && value.getAsJsonPrimitive().isString()) {
      Matcher m = VARIABLE.matcher(value.getAsString());
      StringBuilder out = new StringBuilder();
      while (m.find()) {
        String replacement = variables.get(m.group(1));
        if (replacement == null) {
          throw new StepFailed("unset variable ${" + m.group(1) + "}");
        }
        m.appendReplacement(out, Matcher.quoteReplacement(replacement));
      }
      m.appendTail(out);
      return new JsonPrimitive(out.toString());
    }
    if (value.isJsonArray()) {
      JsonArray copy = new JsonArray();
      for (JsonElement item : value.getAsJsonArray()) {
        copy.add(substitute(item, variables));
      }
      return copy;
    }
    if (value.isJsonObject()) {
      JsonObject copy = new JsonObject();
      for (Map.Entry<String, JsonElement> e : value.getAsJsonObject().entrySet()) {
        copy.add(e.getKey(), substitute(e.getValue(), variables));
      }
      return copy;
    }
    return value;
  }

  // ---- matching ---------------------------------------------------------------------------
  // `actual` is null where the reply has no such key (the printer left a zero value out).

  private static String show(JsonElement value) {
    return value == null ? "missing" : GSON.toJson(value);
  }

  /** What a printer that omits defaults leaves out: 0, false, "", [] and {}. */
  static boolean isZero(JsonElement expected) {
    if (expected.isJsonPrimitive()) {
      JsonPrimitive p = expected.getAsJsonPrimitive();
      if (p.isBoolean()) {
        return !p.getAsBoolean();
      }
      if (p.isNumber()) {
        return p.getAsDouble() == 0;
      }
      return p.getAsString().isEmpty();
    }
    if (expected.isJsonArray()) {
      return expected.getAsJsonArray().isEmpty();
    }
    return expected.isJsonObject() && expected.getAsJsonObject().isEmpty();
  }

  static boolean isMatcher(JsonElement expected) {
    if (!expected.isJsonObject() || expected.getAsJsonObject().isEmpty()) {
      return false;
    }
    for (String key : expected.getAsJsonObject().keySet()) {
      if (!key.startsWith("$")) {
        return false;
      }
    }
    return true;
  }

  /** A number, or a string holding a finite one (proto JSON prints 64-bit integers so). */
  static Double asNumber(JsonElement value) {
    if (value == null || !value.isJsonPrimitive()) {
      return null;
    }
    JsonPrimitive p = value.getAsJsonPrimitive();
    if (p.isNumber()) {
      return p.getAsDouble();
    }
    if (p.isString()) {
      try {
        double d = Double.parseDouble(p.getAsString().strip());
        return Double.isFinite(d) ? d : null;
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  /** Fails naming {@code path} when {@code actual} does not match {@code expected}. */
  static void match(JsonElement expected, JsonElement actual, String path, Map<String, String> vars)
      throws StepFailed {
    if (expected.isJsonNull()) {
      throw new StepFailed(path + ": null is not allowed in an expectation");
    }
    if (isMatcher(expected)) {
      matchSpecial(expected.getAsJsonObject(), actual, path, vars);
      return;
    }
    if (actual == null) {
      if (isZero(expected)) {
        return;
      }
      throw new StepFailed(path + ": missing, expected " + show(expected));
    }
    if (expected.isJsonObject()) {
      if (!actual.isJsonObject()) {
        throw new StepFailed(path + ": expected an object, got " + show(actual));
      }
      JsonObject object = actual.getAsJsonObject();
      for (Map.Entry<String, JsonElement> e : expected.getAsJsonObject().entrySet()) {
        match(e.getValue(), object.get(e.getKey()), path + "." + e.getKey(), vars);
      }
      return;
    }
    if (expected.isJsonArray()) {
      JsonArray want = expected.getAsJsonArray();
      if (!actual.isJsonArray() || actual.getAsJsonArray().size() != want.size()) {
        throw new StepFailed(
            path + ": expected " + want.size() + " elements, got " + show(actual));
      }
      JsonArray got = actual.getAsJsonArray();
      for (int i = 0; i < want.size(); i++) {
        match(want.get(i), got.get(i), path + "[" + i + "]", vars);
      }
      return;
    }
    JsonPrimitive want = expected.getAsJsonPrimitive();
    if (want.isNumber()) {
      double x = want.getAsDouble();
      Double number = asNumber(actual);
      if (number == null || !(Math.abs(number - x) <= 1e-6 * Math.max(1.0, Math.abs(x)))) {
        throw new StepFailed(path + ": expected " + show(expected) + ", got " + show(actual));
      }
      return;
    }
    // A string or a boolean: equal, and of the same JSON type.
    boolean sameType =
        actual.isJsonPrimitive()
            && (want.isString()
                ? actual.getAsJsonPrimitive().isString()
                : actual.getAsJsonPrimitive().isBoolean());
    if (!sameType || !want.equals(actual.getAsJsonPrimitive())) {
      throw new StepFailed(path + ": expected " + show(expected) + ", got " + show(actual));
    }
  }

  private static JsonElement operand(JsonObject matcher, String key, String path)
      throws StepFailed {
    JsonElement value = matcher.get(key);
    if (value == null || value.isJsonNull()) {
      throw new StepFailed(path + ": matcher " + show(matcher) + " lacks " + key);
    }
    return value;
  }

  private static double numberOperand(JsonObject matcher, String key, String path)
      throws StepFailed {
    JsonElement value = operand(matcher, key, path);
    if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isNumber()) {
      throw new StepFailed(path + ": " + key + " must be a number in " + show(matcher));
    }
    return value.getAsDouble();
  }

  static void matchSpecial(
      JsonObject expected, JsonElement actual, String path, Map<String, String> vars)
      throws StepFailed {
    if (expected.has("$absent")) {
      if (actual != null) {
        throw new StepFailed(path + ": expected absent, got " + show(actual));
      }
    } else if (expected.has("$nonempty")) {
      if (actual == null) {
        throw new StepFailed(path + ": missing, expected a value");
      }
    } else if (expected.has("$capture")) {
      JsonElement name = operand(expected, "$capture", path);
      if (actual == null) {
        throw new StepFailed(path + ": missing, expected a value to capture");
      }
      boolean isString = actual.isJsonPrimitive() && actual.getAsJsonPrimitive().isString();
      vars.put(name.getAsString(), isString ? actual.getAsString() : GSON.toJson(actual));
    } else if (expected.has("$approx")) {
      double x = numberOperand(expected, "$approx", path);
      double tolerance = numberOperand(expected, "$tolerance", path);
      Double number = asNumber(actual);
      if (number == null || !(Math.abs(number - x) <= tolerance)) {
        throw new StepFailed(
            path + ": expected " + show(expected.get("$approx")) + " ± "
                + show(expected.get("$tolerance")) + ", got " + show(actual));
      }
    } else if (expected.has("$contains")) {
      JsonElement wanted = operand(expected, "$contains", path);
      boolean wantString = wanted.isJsonPrimitive() && wanted.getAsJsonPrimitive().isString();
      if (wantString
          && actual != null
          && actual.isJsonPrimitive()
          && actual.getAsJsonPrimitive().isString()) {
        if (!actual.getAsString().contains(wanted.getAsString())) {
          throw new StepFailed(path + ": " + show(actual) + " does not contain " + show(wanted));
        }
        return;
      }
      JsonArray items = actual == null ? new JsonArray() : null;
      if (actual != null) {
        if (!actual.isJsonArray()) {
          throw new StepFailed(path + ": expected an array, got " + show(actual));
        }
        items = actual.getAsJsonArray();
      }
      for (JsonElement item : items) {
        try {
          match(wanted, item, path, new HashMap<>(vars));
        } catch (StepFailed e) {
          continue;
        }
        match(wanted, item, path, vars); // again, to keep its captures
        return;
      }
      throw new StepFailed(path + ": no element matches " + show(wanted));
    } else if (expected.has("$length")) {
      double length = numberOperand(expected, "$length", path);
      int size = actual == null ? 0 : actual.isJsonArray() ? actual.getAsJsonArray().size() : -1;
      if (size != length) {
        throw new StepFailed(
            path + ": expected " + show(expected.get("$length")) + " elements, got "
                + show(actual));
      }
    } else {
      throw new StepFailed(path + ": unknown matcher " + show(expected));
    }
  }

  // ---- steps -------------------------------------------------------------------------------

  private static Message parse(Class<? extends Message> type, JsonElement json) throws StepFailed {
    Message.Builder builder = Internal.getDefaultInstance(type).newBuilderForType();
    try {
      PARSER.merge(GSON.toJson(json), builder);
    } catch (InvalidProtocolBufferException e) {
      throw new StepFailed("request: " + e.getMessage());
    }
    return builder.build();
  }

  private static JsonElement toJson(Message message) throws StepFailed {
    try {
      return JsonParser.parseString(PRINTER.print(message));
    } catch (InvalidProtocolBufferException e) {
      throw new StepFailed("reply: " + e.getMessage());
    }
  }

  private static JsonElement field(JsonObject object, String key) throws StepFailed {
    JsonElement value = object.get(key);
    if (value == null) {
      throw new StepFailed("the step has no \"" + key + "\"");
    }
    return value;
  }

  static void runStep(EngramClient client, JsonObject step, Map<String, String> vars)
      throws StepFailed {
    String methodName = step.get("method").getAsString();
    Rpc rpc = RPCS.get(methodName);
    if (rpc == null) {
      throw new StepFailed("unknown method " + methodName);
    }
    JsonObject expect =
        step.has("expect")
            ? substitute(step.get("expect"), vars).getAsJsonObject()
            : new JsonObject();
    List<Message> requests = new ArrayList<>();
    if (rpc.clientStreaming()) {
      for (JsonElement item : field(step, "requests").getAsJsonArray()) {
        requests.add(parse(rpc.requestType(), substitute(item, vars)));
      }
    } else {
      requests.add(parse(rpc.requestType(), substitute(field(step, "request"), vars)));
    }

    List<Message> replies = new ArrayList<>();
    Status.Code code = Status.Code.OK;
    String details = "";
    try {
      rpc.invoker().call(client, requests, replies);
    } catch (StatusRuntimeException e) {
      code = e.getStatus().getCode();
      details = e.getStatus().getDescription() == null ? "" : e.getStatus().getDescription();
    }

    String wantStatus = expect.has("status") ? expect.get("status").getAsString() : "OK";
    if (!code.name().equals(wantStatus)) {
      throw new StepFailed(
          "status " + code.name() + " (" + GSON.toJson(details) + "), expected " + wantStatus);
    }
    if (expect.has("message_contains")) {
      String wanted = expect.get("message_contains").getAsString();
      if (!details.contains(wanted)) {
        throw new StepFailed(
            "status message " + GSON.toJson(details) + " does not contain "
                + GSON.toJson(wanted));
      }
    }
    JsonArray got = new JsonArray();
    for (Message reply : replies) {
      got.add(toJson(reply));
    }
    if (expect.has("response")) {
      if (got.size() != 1) {
        throw new StepFailed("expected one reply, got " + got.size());
      }
      match(expect.get("response"), got.get(0), "response", vars);
    } else if (expect.has("responses")) {
      match(expect.get("responses"), got, "responses", vars);
    } else if (wantStatus.equals("OK") && !rpc.serverStreaming()) {
      throw new StepFailed("a successful unary step needs expect.response");
    }
  }

  // ---- main --------------------------------------------------------------------------------

  private static int usage(String problem) {
    System.err.println(problem);
    System.err.println(USAGE);
    return 2;
  }

  /** The file's outline: scenarios with a name and steps, each step an object with a method. */
  static void checkShape(JsonArray scenarios) {
    if (scenarios == null) {
      throw new JsonParseException("no \"scenarios\" array");
    }
    for (int i = 0; i < scenarios.size(); i++) {
      JsonElement scenario = scenarios.get(i);
      if (!scenario.isJsonObject()
          || !isString(scenario.getAsJsonObject().get("name"))
          || !(scenario.getAsJsonObject().get("steps") instanceof JsonArray steps)) {
        throw new JsonParseException("scenario " + i + ": needs a string name and a steps array");
      }
      for (JsonElement step : steps) {
        if (!step.isJsonObject() || !isString(step.getAsJsonObject().get("method"))) {
          throw new JsonParseException("scenario " + i + ": every step needs a string method");
        }
      }
    }
  }

  private static boolean isString(JsonElement value) {
    return value != null && value.isJsonPrimitive() && value.getAsJsonPrimitive().isString();
  }

  static int run(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("-h") || arg.equals("--help")) {
        System.out.println(USAGE);
        return 0;
      }
      String name = arg;
      String value;
      int eq = arg.indexOf('=');
      if (arg.startsWith("--") && eq > 0) {
        name = arg.substring(0, eq);
        value = arg.substring(eq + 1);
      } else if (i + 1 < args.length) {
        value = args[++i];
      } else {
        return usage("missing value for " + arg);
      }
      switch (name) {
        case "--address", "--scenarios", "--namespace-prefix", "--api-key" ->
            options.put(name, value);
        default -> {
          return usage("unknown argument " + arg);
        }
      }
    }
    if (!options.containsKey("--address") || !options.containsKey("--scenarios")) {
      return usage("--address and --scenarios are required");
    }
    String prefix =
        options.getOrDefault(
            "--namespace-prefix", "conformance-java-" + ProcessHandle.current().pid());

    JsonArray scenarios;
    Path file = Path.of(options.get("--scenarios"));
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      scenarios = JsonParser.parseReader(reader).getAsJsonObject().getAsJsonArray("scenarios");
      checkShape(scenarios);
    } catch (IOException | RuntimeException e) {
      System.err.println("cannot read " + file + ": " + e);
      return 2;
    }
    List<String> missing = missingFromTable();
    if (!missing.isEmpty()) {
      System.err.println("warning: RPCs of the contract missing from the runner: " + missing);
    }

    int passed = 0;
    int failed = 0;
    EngramClient.Options.Builder connect = EngramClient.Options.builder(options.get("--address"));
    if (options.containsKey("--api-key")) {
      connect.apiKey(options.get("--api-key"));
    }
    try (EngramClient client = EngramClient.connect(connect.build())) {
      for (int index = 0; index < scenarios.size(); index++) {
        JsonObject scenario = scenarios.get(index).getAsJsonObject();
        String name = scenario.get("name").getAsString();
        Map<String, String> vars = new HashMap<>();
        vars.put("ns", prefix + "-" + index);
        String failure = null;
        JsonArray steps = scenario.getAsJsonArray("steps");
        for (int number = 0; number < steps.size() && failure == null; number++) {
          JsonObject step = steps.get(number).getAsJsonObject();
          String method = step.get("method").getAsString();
          try {
            runStep(client, step, vars);
          } catch (StepFailed e) {
            failure = number + " " + method + ": " + e.getMessage();
          } catch (RuntimeException e) { // a malformed step, say a string where a list belongs
            failure = number + " " + method + ": " + e;
          }
        }
        if (failure == null) {
          passed++;
          System.out.println("ok " + name);
        } else {
          failed++;
          // One line per scenario: a reason spanning lines (some parser messages do) is joined.
          String reason = failure.strip().replaceAll("\\s*\\R\\s*", " ");
          System.out.println("FAIL " + name + ": " + reason);
        }
      }
    }
    System.out.println(
        "conformance java: " + passed + " passed, " + failed + " failed, "
            + (passed + failed) + " total");
    return failed == 0 ? 0 : 1;
  }

  public static void main(String[] args) {
    System.exit(run(args));
  }
}
