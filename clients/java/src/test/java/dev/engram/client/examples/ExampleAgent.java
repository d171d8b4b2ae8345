package dev.engram.client.examples;

import dev.engram.client.EngramClient;
import dev.engram.v1.GetConfidenceRequest;
import dev.engram.v1.Outcome;
import dev.engram.v1.ReportOutcomeRequest;
import dev.engram.v1.SearchRequest;
import dev.engram.v1.SearchResponse;
import dev.engram.v1.UpsertEmbeddingRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * An agent's memory loop: remember a few facts, recall one by a question, report that the agent
 * acted on it, and read how much Engram now believes it.
 *
 * <p>Usage: {@code ExampleAgent [HOST:PORT]} (default {@code $ENGRAM_ADDRESS}, then
 * 127.0.0.1:50051).
 */
public final class ExampleAgent {
  private static final String NAMESPACE = "example-java";

  private ExampleAgent() {}

  public static void main(String[] args) {
    String env = System.getenv("ENGRAM_ADDRESS");
    String address = args.length > 0 ? args[0] : env != null ? env : "127.0.0.1:50051";
    String[][] memories = {
      {"kettle", "The kettle is in the cupboard above the sink."},
      {"standup", "The team standup is at 9:30 every weekday."},
      {"wifi", "The office wifi password is on the fridge."},
      {"plants", "The plants need watering on Mondays and Thursdays."},
    };
    try (EngramClient client = EngramClient.connect(address)) {
      String token = "";
      for (String[] memory : memories) {
        token = client.embedding().upsertEmbedding(UpsertEmbeddingRequest.newBuilder()
                .setNamespace(NAMESPACE).setRecordId(memory[0]).setText(memory[1]).build())
            .getConsistencyToken();
      }
      String question = "Where can I find the kettle?";
      System.out.println("question: " + question);
      List<SearchResponse> hits = new ArrayList<>();
      client.embedding().search(SearchRequest.newBuilder().setNamespace(NAMESPACE)
              .setText(question).setTopK(3).setConsistencyToken(token).build())
          .forEachRemaining(hits::add);
      for (SearchResponse hit : hits) {
        System.out.printf("  %d. %-8s score %.3f  %s%n",
            hit.getRank(), hit.getRecordId(), hit.getScore(), hit.getText());
      }
      SearchResponse top = hits.get(0);
      System.out.println("top hit: " + top.getRecordId() + " (" + top.getText() + ")");
      client.record().reportOutcome(ReportOutcomeRequest.newBuilder().setNamespace(NAMESPACE)
          .addRecordIds(top.getRecordId()).setOutcome(Outcome.OUTCOME_ACTED).build());
      double confidence = client.confidence().getConfidence(GetConfidenceRequest.newBuilder()
              .setNamespace(NAMESPACE).setRecordId(top.getRecordId()).build())
          .getState().getConfidence();
      System.out.printf("confidence: %s %.3f after acting on it%n", top.getRecordId(), confidence);
    }
  }
}
