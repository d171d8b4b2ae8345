// Package conformance plays clients/conformance/scenarios.json against a live Engram server
// through the Go client (engram.Dial, the generated stubs and protojson), as described in
// clients/conformance/README.md.
package conformance

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/encoding/protojson"
	"google.golang.org/protobuf/proto"

	engram "github.com/engram-memory/engram/clients/go"
)

const language = "go"

// Main runs the runner with the command line args (without the program name) and returns
// its exit status: 0 when every scenario passed, 1 when one failed, 2 on a usage or file
// error.
func Main(args []string, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("conformance", flag.ContinueOnError)
	flags.SetOutput(stderr)
	address := flags.String("address", "", "Engram server, HOST:PORT (required)")
	scenariosPath := flags.String("scenarios", "", "scenario file (required)")
	prefix := flags.String("namespace-prefix", fmt.Sprintf("conformance-%s-%d", language, os.Getpid()), "namespace prefix")
	apiKey := flags.String("api-key", "", "API key, sent as authorization: Bearer <key>")
	if err := flags.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if *address == "" || *scenariosPath == "" || flags.NArg() > 0 {
		fmt.Fprintln(stderr, "usage: conformance --address HOST:PORT --scenarios PATH [--namespace-prefix PREFIX] [--api-key KEY]")
		return 2
	}
	scenarios, err := load(*scenariosPath)
	if err != nil {
		fmt.Fprintf(stderr, "conformance: %s: %v\n", *scenariosPath, err)
		return 2
	}
	var opts []engram.Option
	if *apiKey != "" {
		opts = append(opts, engram.WithAPIKey(*apiKey))
	}
	client, err := engram.Dial(*address, opts...)
	if err != nil {
		fmt.Fprintf(stderr, "conformance: %v\n", err)
		return 2
	}
	defer client.Close()

	table := methods(client)
	passed, failed := 0, 0
	for i, sc := range scenarios {
		vars := map[string]string{"ns": fmt.Sprintf("%s-%d", *prefix, i)}
		ok := true
		for j, st := range sc.steps {
			if err := runStep(context.Background(), table, st, vars); err != nil {
				fmt.Fprintf(stdout, "FAIL %s: %d %s: %s\n", sc.name, j, st.method, oneLine(err.Error()))
				ok = false
				break
			}
		}
		if ok {
			fmt.Fprintf(stdout, "ok %s\n", sc.name)
			passed++
		} else {
			failed++
		}
	}
	fmt.Fprintf(stdout, "conformance %s: %d passed, %d failed, %d total\n", language, passed, failed, len(scenarios))
	if failed > 0 {
		return 1
	}
	return 0
}

type scenario struct {
	name  string
	steps []step
}

type step struct {
	method   string
	request  any   // unary and server-streaming methods; nil when not given
	requests []any // client- and bidirectional-streaming methods
	expect   map[string]any
}

// load reads and checks the scenario file.
func load(path string) ([]scenario, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	decoder := json.NewDecoder(bytes.NewReader(data))
	decoder.UseNumber() // keeps int64 request values exact
	var root any
	if err := decoder.Decode(&root); err != nil {
		return nil, fmt.Errorf("not JSON: %w", err)
	}
	if decoder.More() {
		return nil, errors.New("not JSON: text after the top-level value")
	}
	if path := findNull(root, "$"); path != "" {
		return nil, fmt.Errorf("null at %s: null is not allowed", path)
	}
	file, ok := root.(map[string]any)
	if !ok {
		return nil, errors.New("the top level is not an object")
	}
	if v, ok := file["version"].(json.Number); !ok || v.String() != "1" {
		return nil, fmt.Errorf("version is %v, not 1", file["version"])
	}
	list, ok := file["scenarios"].([]any)
	if !ok {
		return nil, errors.New("scenarios is not an array")
	}
	scenarios := make([]scenario, 0, len(list))
	for i, item := range list {
		sc, ok := item.(map[string]any)
		if !ok {
			return nil, fmt.Errorf("scenarios[%d] is not an object", i)
		}
		name, ok := sc["name"].(string)
		if !ok {
			return nil, fmt.Errorf("scenarios[%d].name is not a string", i)
		}
		steps, ok := sc["steps"].([]any)
		if !ok {
			return nil, fmt.Errorf("scenario %s: steps is not an array", name)
		}
		parsed := scenario{name: name}
		for j, item := range steps {
			s, ok := item.(map[string]any)
			if !ok {
				return nil, fmt.Errorf("scenario %s: steps[%d] is not an object", name, j)
			}
			st := step{request: s["request"], expect: map[string]any{}}
			if st.method, ok = s["method"].(string); !ok {
				return nil, fmt.Errorf("scenario %s: steps[%d].method is not a string", name, j)
			}
			if v, ok := s["requests"]; ok {
				if st.requests, ok = v.([]any); !ok {
					return nil, fmt.Errorf("scenario %s: steps[%d].requests is not an array", name, j)
				}
			}
			if v, ok := s["expect"]; ok {
				if st.expect, ok = v.(map[string]any); !ok {
					return nil, fmt.Errorf("scenario %s: steps[%d].expect is not an object", name, j)
				}
			}
			parsed.steps = append(parsed.steps, st)
		}
		scenarios = append(scenarios, parsed)
	}
	return scenarios, nil
}

func findNull(v any, path string) string {
	switch x := v.(type) {
	case nil:
		return path
	case map[string]any:
		for _, key := range sortedKeys(x) {
			if p := findNull(x[key], path+"."+key); p != "" {
				return p
			}
		}
	case []any:
		for i, item := range x {
			if p := findNull(item, fmt.Sprintf("%s[%d]", path, i)); p != "" {
				return p
			}
		}
	}
	return ""
}

// runStep makes one call and checks its outcome against the step's expectation; a nil error
// means the step passed.
func runStep(ctx context.Context, table map[string]rpc, st step, vars map[string]string) error {
	method, ok := table[st.method]
	if !ok {
		return errors.New("unknown method")
	}
	expectValue, err := substitute(st.expect, vars)
	if err != nil {
		return fmt.Errorf("expect: %w", err)
	}
	expect := expectValue.(map[string]any)

	var messages []any
	if method.kind == bidiKind {
		if st.request != nil {
			return errors.New("a streaming request takes \"requests\", not \"request\"")
		}
		messages = st.requests
	} else {
		if st.requests != nil {
			return errors.New("this method takes \"request\", not \"requests\"")
		}
		if st.request == nil {
			messages = []any{map[string]any{}}
		} else {
			messages = []any{st.request}
		}
	}
	requests := make([]proto.Message, len(messages))
	for i, m := range messages {
		if requests[i], err = buildRequest(method, m, vars); err != nil {
			if method.kind == bidiKind {
				return fmt.Errorf("requests[%d]: %w", i, err)
			}
			return fmt.Errorf("request: %w", err)
		}
	}

	replies, callErr := method.call(ctx, requests)

	got := status.Convert(callErr)
	wantCode := "OK"
	if v, ok := expect["status"]; ok {
		if wantCode, ok = v.(string); !ok {
			return errors.New("expect.status is not a string")
		}
	}
	if gotCode := codeName(got.Code()); gotCode != wantCode {
		if callErr == nil {
			return fmt.Errorf("status: expected %s, got OK", wantCode)
		}
		return fmt.Errorf("status: expected %s, got %s: %s", wantCode, gotCode, got.Message())
	}
	if v, ok := expect["message_contains"]; ok {
		want, ok := v.(string)
		if !ok {
			return errors.New("expect.message_contains is not a string")
		}
		if !strings.Contains(got.Message(), want) {
			return fmt.Errorf("message: expected one containing %q, got %q", want, got.Message())
		}
	}

	printed := make([]any, len(replies))
	for i, reply := range replies {
		if printed[i], err = printReply(reply); err != nil {
			return err
		}
	}
	m := &matcher{vars: vars}
	if method.kind == unaryKind {
		if _, ok := expect["responses"]; ok {
			return errors.New("a unary method takes expect.response, not expect.responses")
		}
		want, ok := expect["response"]
		if !ok {
			if callErr == nil {
				return errors.New("expect.response is required for a successful unary call")
			}
		} else {
			if callErr != nil {
				return errors.New("expect.response given, but the call failed")
			}
			if err := m.match("response", want, printed[0], true); err != nil {
				return err
			}
		}
	} else {
		if _, ok := expect["response"]; ok {
			return errors.New("a streaming method takes expect.responses, not expect.response")
		}
		if want, ok := expect["responses"]; ok {
			if err := m.match("responses", want, printed, true); err != nil {
				return err
			}
		}
	}
	for name, value := range m.vars {
		vars[name] = value
	}
	return nil
}

// buildRequest substitutes variables into one request written in the proto3 JSON mapping
// and parses it with protojson.
func buildRequest(method rpc, message any, vars map[string]string) (proto.Message, error) {
	value, err := substitute(message, vars)
	if err != nil {
		return nil, err
	}
	text, err := json.Marshal(value)
	if err != nil {
		return nil, err
	}
	request := method.newRequest()
	if err := protojson.Unmarshal(text, request); err != nil {
		return nil, err
	}
	return request, nil
}

// printReply is a reply in protojson's default printing (zero values left out), parsed back.
func printReply(reply proto.Message) (any, error) {
	text, err := protojson.Marshal(reply)
	if err != nil {
		return nil, fmt.Errorf("printing the reply: %w", err)
	}
	decoder := json.NewDecoder(bytes.NewReader(text))
	decoder.UseNumber()
	var value any
	if err := decoder.Decode(&value); err != nil {
		return nil, fmt.Errorf("parsing the printed reply: %w", err)
	}
	return value, nil
}

// codeName is the status code's canonical name (INVALID_ARGUMENT, not InvalidArgument).
func codeName(code codes.Code) string {
	if name, ok := codeNames[code]; ok {
		return name
	}
	return fmt.Sprintf("CODE_%d", uint32(code))
}

var codeNames = map[codes.Code]string{
	codes.OK:                 "OK",
	codes.Canceled:           "CANCELLED",
	codes.Unknown:            "UNKNOWN",
	codes.InvalidArgument:    "INVALID_ARGUMENT",
	codes.DeadlineExceeded:   "DEADLINE_EXCEEDED",
	codes.NotFound:           "NOT_FOUND",
	codes.AlreadyExists:      "ALREADY_EXISTS",
	codes.PermissionDenied:   "PERMISSION_DENIED",
	codes.ResourceExhausted:  "RESOURCE_EXHAUSTED",
	codes.FailedPrecondition: "FAILED_PRECONDITION",
	codes.Aborted:            "ABORTED",
	codes.OutOfRange:         "OUT_OF_RANGE",
	codes.Unimplemented:      "UNIMPLEMENTED",
	codes.Internal:           "INTERNAL",
	codes.Unavailable:        "UNAVAILABLE",
	codes.DataLoss:           "DATA_LOSS",
	codes.Unauthenticated:    "UNAUTHENTICATED",
}

func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
