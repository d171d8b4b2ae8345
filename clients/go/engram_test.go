package engram_test

import (
	"context"
	"io"
	"net"
	"os"
	"sync"
	"testing"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/types/known/emptypb"

	engram "github.com/engram-memory/engram/clients/go"
	engramv1 "github.com/engram-memory/engram/clients/go/gen/engram/v1"
)

// call is what the fake server saw of one call.
type call struct {
	authorization []string
	deadline      time.Duration // 0: none
}

// fakeServer answers every method with empty replies, after failing the first
// failures[method] attempts with UNAVAILABLE.
type fakeServer struct {
	mu       sync.Mutex
	calls    map[string][]call
	failures map[string]int
}

func (f *fakeServer) handle(_ any, stream grpc.ServerStream) error {
	method, _ := grpc.MethodFromServerStream(stream)
	md, _ := metadata.FromIncomingContext(stream.Context())
	seen := call{authorization: md.Get("authorization")}
	if deadline, ok := stream.Context().Deadline(); ok {
		seen.deadline = time.Until(deadline)
	}
	f.mu.Lock()
	f.calls[method] = append(f.calls[method], seen)
	fail := len(f.calls[method]) <= f.failures[method]
	f.mu.Unlock()
	if fail {
		return status.Error(codes.Unavailable, "try again")
	}
	for {
		if err := stream.RecvMsg(&emptypb.Empty{}); err == io.EOF {
			break
		} else if err != nil {
			return err
		}
		if err := stream.SendMsg(&emptypb.Empty{}); err != nil {
			return err
		}
		if method != engramv1.EmbeddingService_ImportEmbeddings_FullMethodName {
			return nil // one request, one reply
		}
	}
	return nil
}

func (f *fakeServer) seen(method string) []call {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.calls[method]
}

func start(t *testing.T, failures map[string]int, opts ...engram.Option) (*fakeServer, *engram.Client) {
	t.Helper()
	fake := &fakeServer{calls: map[string][]call{}, failures: failures}
	listener, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	server := grpc.NewServer(grpc.UnknownServiceHandler(fake.handle))
	go func() { _ = server.Serve(listener) }()
	t.Cleanup(server.Stop)
	client, err := engram.Dial(listener.Addr().String(), opts...)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = client.Close() })
	return fake, client
}

func TestAPIKeyAndDefaultDeadline(t *testing.T) {
	fake, client := start(t, nil, engram.WithAPIKey("secret"), engram.WithDefaultTimeout(7*time.Second))
	ctx := context.Background()

	if _, err := client.Confidence.GetConfidence(ctx, &engramv1.GetConfidenceRequest{}); err != nil {
		t.Fatal(err)
	}
	search, err := client.Embedding.Search(ctx, &engramv1.SearchRequest{})
	if err != nil {
		t.Fatal(err)
	}
	for err == nil {
		_, err = search.Recv()
	}
	if err != io.EOF {
		t.Fatal(err)
	}
	imports, err := client.Embedding.ImportEmbeddings(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := imports.Send(&engramv1.ImportEmbeddingsRequest{}); err != nil {
		t.Fatal(err)
	}
	if err := imports.CloseSend(); err != nil {
		t.Fatal(err)
	}
	for err == nil {
		_, err = imports.Recv()
	}
	shortCtx, cancel := context.WithTimeout(ctx, time.Second)
	defer cancel()
	if _, err := client.Graph.Link(shortCtx, &engramv1.LinkRequest{}); err != nil {
		t.Fatal(err)
	}

	for method, want := range map[string]time.Duration{
		engramv1.ConfidenceService_GetConfidence_FullMethodName:   7 * time.Second,
		engramv1.EmbeddingService_Search_FullMethodName:           7 * time.Second,
		engramv1.EmbeddingService_ImportEmbeddings_FullMethodName: 0,
		engramv1.GraphService_Link_FullMethodName:                 time.Second,
	} {
		calls := fake.seen(method)
		if len(calls) != 1 {
			t.Fatalf("%s: %d calls", method, len(calls))
		}
		if got := calls[0].authorization; len(got) != 1 || got[0] != "Bearer secret" {
			t.Errorf("%s: authorization %q", method, got)
		}
		if got := calls[0].deadline; (want == 0) != (got == 0) || got > want || got < want-time.Second/2 {
			t.Errorf("%s: deadline in %v, want %v", method, got, want)
		}
	}
}

func TestRetriesOnlyRepeatableCalls(t *testing.T) {
	get := engramv1.ConfidenceService_GetConfidence_FullMethodName
	update := engramv1.ConfidenceService_UpdateConfidence_FullMethodName
	fake, client := start(t, map[string]int{get: 2, update: 1})
	ctx := context.Background()

	if _, err := client.Confidence.GetConfidence(ctx, &engramv1.GetConfidenceRequest{}); err != nil {
		t.Errorf("GetConfidence after two UNAVAILABLE: %v", err)
	}
	if n := len(fake.seen(get)); n != 3 {
		t.Errorf("GetConfidence: %d attempts, want 3", n)
	}
	if _, err := client.Confidence.UpdateConfidence(ctx, &engramv1.UpdateConfidenceRequest{}); status.Code(err) != codes.Unavailable {
		t.Errorf("UpdateConfidence: %v, want UNAVAILABLE", err)
	}
	if n := len(fake.seen(update)); n != 1 {
		t.Errorf("UpdateConfidence: %d attempts, want 1", n)
	}
	if len(fake.seen(update)[0].authorization) != 0 {
		t.Error("authorization sent without an API key")
	}
}

// The embedded service config is the shared one (make generate copies it).
func TestServiceConfigIsTheSharedOne(t *testing.T) {
	shared, err := os.ReadFile("../service-config.json")
	if err != nil {
		t.Fatal(err)
	}
	if string(shared) != engram.ServiceConfig {
		t.Error("service-config.json differs from ../service-config.json: run make generate")
	}
}
