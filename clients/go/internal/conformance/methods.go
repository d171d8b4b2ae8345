package conformance

import (
	"context"
	"fmt"
	"io"

	"google.golang.org/grpc"
	"google.golang.org/protobuf/proto"

	engram "github.com/engram-memory/engram/clients/go"
)

type kind int

const (
	unaryKind        kind = iota // one request, one reply
	serverStreamKind             // one request, a stream of replies
	bidiKind                     // a stream of requests, a stream of replies
)

// rpc is one method of the contract, called through the generated client.
type rpc struct {
	kind       kind
	newRequest func() proto.Message
	// call sends the requests (exactly one unless bidi) and returns the replies received
	// and the call's error (nil when it ended OK).
	call func(ctx context.Context, requests []proto.Message) ([]proto.Message, error)
}

// methods maps every RPC of the contract, by full name ("engram.v1.Service/Method"), to
// its request type and its call through client.
func methods(c *engram.Client) map[string]rpc {
	return map[string]rpc{
		"engram.v1.ConfidenceService/UpdateConfidence":      unary(c.Confidence.UpdateConfidence),
		"engram.v1.ConfidenceService/GetConfidence":         unary(c.Confidence.GetConfidence),
		"engram.v1.ConfidenceService/BatchGetConfidence":    unary(c.Confidence.BatchGetConfidence),
		"engram.v1.ConfidenceService/BatchUpdateConfidence": unary(c.Confidence.BatchUpdateConfidence),
		"engram.v1.ConfidenceService/ListConfidence":        unary(c.Confidence.ListConfidence),

		"engram.v1.EmbeddingService/UpsertEmbedding":  unary(c.Embedding.UpsertEmbedding),
		"engram.v1.EmbeddingService/DeleteEmbedding":  unary(c.Embedding.DeleteEmbedding),
		"engram.v1.EmbeddingService/Search":           serverStream(c.Embedding.Search),
		"engram.v1.EmbeddingService/BatchSearch":      serverStream(c.Embedding.BatchSearch),
		"engram.v1.EmbeddingService/ImportEmbeddings": bidi(c.Embedding.ImportEmbeddings),
		"engram.v1.EmbeddingService/Embed":            unary(c.Embedding.Embed),

		"engram.v1.GraphService/Link":            unary(c.Graph.Link),
		"engram.v1.GraphService/Strengthen":      unary(c.Graph.Strengthen),
		"engram.v1.GraphService/Unlink":          unary(c.Graph.Unlink),
		"engram.v1.GraphService/WeakenAll":       unary(c.Graph.WeakenAll),
		"engram.v1.GraphService/GetLinked":       unary(c.Graph.GetLinked),
		"engram.v1.GraphService/Propagate":       unary(c.Graph.Propagate),
		"engram.v1.GraphService/BatchLink":       unary(c.Graph.BatchLink),
		"engram.v1.GraphService/BatchStrengthen": unary(c.Graph.BatchStrengthen),
		"engram.v1.GraphService/ListEdges":       unary(c.Graph.ListEdges),

		"engram.v1.LedgerService/RecordPrediction":      unary(c.Ledger.RecordPrediction),
		"engram.v1.LedgerService/ResolvePrediction":     unary(c.Ledger.ResolvePrediction),
		"engram.v1.LedgerService/AutoResolvePrediction": unary(c.Ledger.AutoResolvePrediction),
		"engram.v1.LedgerService/GetPrediction":         unary(c.Ledger.GetPrediction),
		"engram.v1.LedgerService/ListHighestErrors":     unary(c.Ledger.ListHighestErrors),
		"engram.v1.LedgerService/GetErrorSummary":       unary(c.Ledger.GetErrorSummary),
		"engram.v1.LedgerService/ListPredictions":       unary(c.Ledger.ListPredictions),

		"engram.v1.NamespaceService/GetNamespaceConfig":    unary(c.Namespace.GetNamespaceConfig),
		"engram.v1.NamespaceService/UpdateNamespaceConfig": unary(c.Namespace.UpdateNamespaceConfig),
		"engram.v1.NamespaceService/ListNamespaces":        unary(c.Namespace.ListNamespaces),
		"engram.v1.NamespaceService/DeleteNamespace":       unary(c.Namespace.DeleteNamespace),
		"engram.v1.NamespaceService/GetNamespaceStats":     unary(c.Namespace.GetNamespaceStats),

		"engram.v1.RecordService/ReportOutcome":          unary(c.Record.ReportOutcome),
		"engram.v1.RecordService/BatchGetRecords":        unary(c.Record.BatchGetRecords),
		"engram.v1.RecordService/DeleteRecord":           unary(c.Record.DeleteRecord),
		"engram.v1.RecordService/ListForgettableRecords": unary(c.Record.ListForgettableRecords),
		"engram.v1.RecordService/ListRecords":            unary(c.Record.ListRecords),
	}
}

// newMessage returns a new *M as a proto message (every generated message type is one).
func newMessage[M any]() proto.Message {
	return any(new(M)).(proto.Message)
}

func unary[Req, Resp any](call func(context.Context, *Req, ...grpc.CallOption) (*Resp, error)) rpc {
	return rpc{
		kind:       unaryKind,
		newRequest: newMessage[Req],
		call: func(ctx context.Context, requests []proto.Message) ([]proto.Message, error) {
			reply, err := call(ctx, requests[0].(any).(*Req))
			if err != nil {
				return nil, err
			}
			return []proto.Message{any(reply).(proto.Message)}, nil
		},
	}
}

func serverStream[Req, Resp any](call func(context.Context, *Req, ...grpc.CallOption) (grpc.ServerStreamingClient[Resp], error)) rpc {
	return rpc{
		kind:       serverStreamKind,
		newRequest: newMessage[Req],
		call: func(ctx context.Context, requests []proto.Message) ([]proto.Message, error) {
			stream, err := call(ctx, requests[0].(any).(*Req))
			if err != nil {
				return nil, err
			}
			return receiveAll[Resp](stream.Recv)
		},
	}
}

func bidi[Req, Resp any](call func(context.Context, ...grpc.CallOption) (grpc.BidiStreamingClient[Req, Resp], error)) rpc {
	return rpc{
		kind:       bidiKind,
		newRequest: newMessage[Req],
		call: func(ctx context.Context, requests []proto.Message) ([]proto.Message, error) {
			ctx, cancel := context.WithCancel(ctx)
			defer cancel()
			stream, err := call(ctx)
			if err != nil {
				return nil, err
			}
			// Send while receiving, so that neither side waits on the other's flow control.
			sent := make(chan error, 1)
			go func() {
				for _, request := range requests {
					// io.EOF: the server ended the call; Recv returns its status.
					if err := stream.Send(any(request).(*Req)); err != nil {
						sent <- nil
						return
					}
				}
				sent <- stream.CloseSend()
			}()
			replies, err := receiveAll[Resp](stream.Recv)
			cancel()
			if sendErr := <-sent; err == nil && sendErr != nil {
				err = fmt.Errorf("half-closing the stream: %w", sendErr)
			}
			return replies, err
		},
	}
}

// receiveAll reads a stream to its end: the replies, and nil or the call's error.
func receiveAll[Resp any](recv func() (*Resp, error)) ([]proto.Message, error) {
	var replies []proto.Message
	for {
		reply, err := recv()
		if err == io.EOF {
			return replies, nil
		}
		if err != nil {
			return replies, err
		}
		replies = append(replies, any(reply).(proto.Message))
	}
}
