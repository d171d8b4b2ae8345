// Command agent stores a few memories in Engram, finds one by a question, reports that it
// acted on it and reads the confidence that earned it.
//
//	go run ./examples/agent [HOST:PORT]   (default $ENGRAM_ADDRESS, then 127.0.0.1:50051)
package main

import (
	"context"
	"fmt"
	"io"
	"log"
	"os"

	engram "github.com/engram-memory/engram/clients/go"
	engramv1 "github.com/engram-memory/engram/clients/go/gen/engram/v1"
)

func main() {
	address := os.Getenv("ENGRAM_ADDRESS")
	if len(os.Args) > 1 {
		address = os.Args[1]
	} else if address == "" {
		address = "127.0.0.1:50051"
	}
	client, err := engram.Dial(address, engram.WithAPIKey(os.Getenv("ENGRAM_API_KEY")))
	check(err)
	defer client.Close()
	ctx, ns := context.Background(), "example-go"

	var token string // a search carrying the last write's token sees every write before it
	for id, text := range map[string]string{
		"deploy":  "Deployments go out on Tuesdays after the staging checks pass.",
		"coffee":  "The coffee machine is on the third floor, next to the printer.",
		"oncall":  "The on-call engineer rotates every Monday at 9am.",
		"backups": "Database backups run nightly at 2am and are kept for 30 days.",
	} {
		reply, err := client.Embedding.UpsertEmbedding(ctx, &engramv1.UpsertEmbeddingRequest{Namespace: ns, RecordId: id, Text: text})
		check(err)
		token = reply.GetConsistencyToken()
	}

	question, topK := "When do we ship releases?", uint32(3)
	stream, err := client.Embedding.Search(ctx, &engramv1.SearchRequest{Namespace: ns, Text: question, TopK: &topK, ConsistencyToken: token})
	check(err)
	fmt.Printf("search: %q\n", question)
	var top *engramv1.SearchResponse
	for hit, err := stream.Recv(); err != io.EOF; hit, err = stream.Recv() {
		check(err)
		if top == nil {
			top = hit
		}
		fmt.Printf("  %d. %-8s score %.3f  %s\n", hit.GetRank(), hit.GetRecordId(), hit.GetScore(), hit.GetText())
	}
	if top == nil {
		log.Fatal("no hits")
	}
	fmt.Printf("top hit: %s (%s)\n", top.GetRecordId(), top.GetText())

	// The agent acted on the top hit: its confidence goes up.
	_, err = client.Record.ReportOutcome(ctx, &engramv1.ReportOutcomeRequest{Namespace: ns, RecordIds: []string{top.GetRecordId()}, Outcome: engramv1.Outcome_OUTCOME_ACTED})
	check(err)
	reply, err := client.Confidence.GetConfidence(ctx, &engramv1.GetConfidenceRequest{Namespace: ns, RecordId: top.GetRecordId()})
	check(err)
	fmt.Printf("confidence: %.3f after %d observations\n", reply.GetState().GetConfidence(), reply.GetState().GetEvidenceCount())
}

func check(err error) {
	if err != nil {
		log.Fatal(err)
	}
}
