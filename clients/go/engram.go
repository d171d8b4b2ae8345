// Package engram connects to an Engram server: one gRPC client connection carrying the API
// key, a default deadline and the retry policy of the shared service config, and the six
// generated service clients over it.
//
// The request and response types, and the service client interfaces, are the generated ones
// in package engramv1 (github.com/engram-memory/engram/clients/go/gen/engram/v1). Errors are
// gRPC's own: status.Code(err) is the status (INVALID_ARGUMENT names the offending field in
// status.Convert(err).Message()).
//
//	client, err := engram.Dial("127.0.0.1:50051", engram.WithAPIKey(key))
//	if err != nil { ... }
//	defer client.Close()
//	reply, err := client.Confidence.GetConfidence(ctx, &engramv1.GetConfidenceRequest{
//		Namespace: "agent", RecordId: "r1",
//	})
package engram

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	_ "embed"
	"fmt"
	"os"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials"
	"google.golang.org/grpc/credentials/insecure"

	engramv1 "github.com/engram-memory/engram/clients/go/gen/engram/v1"
)

// DefaultTimeout is the deadline given to a call made with a context that has none.
const DefaultTimeout = 30 * time.Second

// MaxMessageBytes is the largest message sent or received: the server's limit, 16 MiB.
const MaxMessageBytes = 16 << 20

// ServiceConfig is the gRPC service config shared by every Engram client
// (clients/service-config.json, copied here by `make generate`): calls that only read, or
// that can be repeated without changing the result, are retried on UNAVAILABLE.
//
//go:embed service-config.json
var ServiceConfig string

// noDefaultDeadline lists the methods that get no default deadline: a bulk stream runs as
// long as its input.
var noDefaultDeadline = map[string]bool{
	engramv1.EmbeddingService_ImportEmbeddings_FullMethodName: true,
}

// Client holds the six Engram service clients over one connection. It is safe for
// concurrent use; Close it when done.
type Client struct {
	Conn       *grpc.ClientConn
	Confidence engramv1.ConfidenceServiceClient
	Embedding  engramv1.EmbeddingServiceClient
	Graph      engramv1.GraphServiceClient
	Ledger     engramv1.LedgerServiceClient
	Namespace  engramv1.NamespaceServiceClient
	Record     engramv1.RecordServiceClient
}

// Close closes the connection; calls in flight fail with CANCELED.
func (c *Client) Close() error {
	return c.Conn.Close()
}

type options struct {
	apiKey         string
	tls            *tls.Config
	caFile         string
	defaultTimeout time.Duration
	dialOptions    []grpc.DialOption
}

// Option configures Dial.
type Option func(*options)

// WithAPIKey sends `authorization: Bearer <key>` metadata on every call, unary and streaming.
// It is sent over plaintext connections too (local development); use WithTLS in production.
func WithAPIKey(key string) Option {
	return func(o *options) { o.apiKey = key }
}

// WithTLS connects over TLS with config; nil means the system's root certificates and the
// address's host name. Without WithTLS or WithCAFile the connection is plaintext.
func WithTLS(config *tls.Config) Option {
	return func(o *options) {
		if config == nil {
			config = &tls.Config{}
		}
		o.tls = config
	}
}

// WithCAFile connects over TLS, trusting the PEM certificates in path instead of the
// system's roots (combined with WithTLS's config when both are given).
func WithCAFile(path string) Option {
	return func(o *options) { o.caFile = path }
}

// WithDefaultTimeout replaces DefaultTimeout as the deadline given to calls made without one;
// zero or less gives them none. ImportEmbeddings never gets one.
func WithDefaultTimeout(timeout time.Duration) Option {
	return func(o *options) { o.defaultTimeout = timeout }
}

// WithDialOptions adds gRPC dial options, applied after (and so overriding) Dial's own.
func WithDialOptions(dialOptions ...grpc.DialOption) Option {
	return func(o *options) { o.dialOptions = append(o.dialOptions, dialOptions...) }
}

// Dial creates a client for the Engram server at address ("host:port", or any gRPC target).
// It does not wait for the connection: the first call connects, and fails with UNAVAILABLE
// (after the retries the service config allows) if the server cannot be reached.
func Dial(address string, opts ...Option) (*Client, error) {
	o := options{defaultTimeout: DefaultTimeout}
	for _, opt := range opts {
		opt(&o)
	}

	transport := insecure.NewCredentials()
	if o.tls != nil || o.caFile != "" {
		config := &tls.Config{}
		if o.tls != nil {
			config = o.tls.Clone()
		}
		if o.caFile != "" {
			pem, err := os.ReadFile(o.caFile)
			if err != nil {
				return nil, fmt.Errorf("engram: reading CA file: %w", err)
			}
			roots := x509.NewCertPool()
			if !roots.AppendCertsFromPEM(pem) {
				return nil, fmt.Errorf("engram: no PEM certificate in %s", o.caFile)
			}
			config.RootCAs = roots
		}
		transport = credentials.NewTLS(config)
	}

	dialOptions := []grpc.DialOption{
		grpc.WithTransportCredentials(transport),
		grpc.WithDefaultServiceConfig(ServiceConfig),
		// The server's message limit; grpc-go's default receive limit is 4 MiB.
		grpc.WithDefaultCallOptions(grpc.MaxCallRecvMsgSize(MaxMessageBytes), grpc.MaxCallSendMsgSize(MaxMessageBytes)),
		grpc.WithChainUnaryInterceptor(unaryDeadline(o.defaultTimeout)),
		grpc.WithChainStreamInterceptor(streamDeadline(o.defaultTimeout)),
	}
	if o.apiKey != "" {
		dialOptions = append(dialOptions, grpc.WithPerRPCCredentials(bearer(o.apiKey)))
	}
	dialOptions = append(dialOptions, o.dialOptions...)

	conn, err := grpc.NewClient(address, dialOptions...)
	if err != nil {
		return nil, fmt.Errorf("engram: %w", err)
	}
	return &Client{
		Conn:       conn,
		Confidence: engramv1.NewConfidenceServiceClient(conn),
		Embedding:  engramv1.NewEmbeddingServiceClient(conn),
		Graph:      engramv1.NewGraphServiceClient(conn),
		Ledger:     engramv1.NewLedgerServiceClient(conn),
		Namespace:  engramv1.NewNamespaceServiceClient(conn),
		Record:     engramv1.NewRecordServiceClient(conn),
	}, nil
}

// bearer sends the API key as `authorization: Bearer <key>` on every call.
type bearer string

func (b bearer) GetRequestMetadata(context.Context, ...string) (map[string]string, error) {
	return map[string]string{"authorization": "Bearer " + string(b)}, nil
}

// RequireTransportSecurity is false so that the key is sent over plaintext connections too.
func (b bearer) RequireTransportSecurity() bool { return false }

// withDefaultDeadline returns ctx with the default timeout when it has no deadline and the
// method gets one; cancel is nil when ctx is returned unchanged.
func withDefaultDeadline(ctx context.Context, method string, timeout time.Duration) (context.Context, context.CancelFunc) {
	if timeout <= 0 || noDefaultDeadline[method] {
		return ctx, nil
	}
	if _, ok := ctx.Deadline(); ok {
		return ctx, nil
	}
	return context.WithTimeout(ctx, timeout)
}

func unaryDeadline(timeout time.Duration) grpc.UnaryClientInterceptor {
	return func(ctx context.Context, method string, req, reply any, cc *grpc.ClientConn, invoker grpc.UnaryInvoker, opts ...grpc.CallOption) error {
		ctx, cancel := withDefaultDeadline(ctx, method, timeout)
		if cancel != nil {
			defer cancel()
		}
		return invoker(ctx, method, req, reply, cc, opts...)
	}
}

func streamDeadline(timeout time.Duration) grpc.StreamClientInterceptor {
	return func(ctx context.Context, desc *grpc.StreamDesc, cc *grpc.ClientConn, method string, streamer grpc.Streamer, opts ...grpc.CallOption) (grpc.ClientStream, error) {
		ctx, cancel := withDefaultDeadline(ctx, method, timeout)
		if cancel == nil {
			return streamer(ctx, desc, cc, method, opts...)
		}
		stream, err := streamer(ctx, desc, cc, method, opts...)
		if err != nil {
			cancel()
			return nil, err
		}
		return &cancelOnEnd{ClientStream: stream, cancel: cancel, oneReply: !desc.ServerStreams}, nil
	}
}

// cancelOnEnd releases a stream's default deadline once the stream has ended (RecvMsg
// returned an error, io.EOF included, or the one reply of a client stream); a stream
// abandoned earlier releases it at the deadline.
type cancelOnEnd struct {
	grpc.ClientStream
	cancel   context.CancelFunc
	oneReply bool
}

func (s *cancelOnEnd) RecvMsg(m any) error {
	err := s.ClientStream.RecvMsg(m)
	if err != nil || s.oneReply {
		s.cancel()
	}
	return err
}
