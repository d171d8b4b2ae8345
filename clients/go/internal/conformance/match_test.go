package conformance

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"google.golang.org/protobuf/reflect/protoreflect"
	"google.golang.org/protobuf/reflect/protoregistry"

	engram "github.com/engram-memory/engram/clients/go"
	_ "github.com/engram-memory/engram/clients/go/gen/engram/v1"
)

func parse(t *testing.T, text string) any {
	t.Helper()
	decoder := json.NewDecoder(bytes.NewReader([]byte(text)))
	decoder.UseNumber()
	var v any
	if err := decoder.Decode(&v); err != nil {
		t.Fatalf("parse %s: %v", text, err)
	}
	return v
}

func TestMatch(t *testing.T) {
	cases := []struct {
		want, got string
		ok        bool
	}{
		// objects: extra keys ignored, missing keys read as zero values
		{`{"a": 1}`, `{"a": 1, "b": 2}`, true},
		{`{"a": 1}`, `{"a": 2}`, false},
		{`{"a": 0, "b": false, "c": "", "d": [], "e": {}}`, `{}`, true},
		{`{"a": "x"}`, `{}`, false},
		{`{"s": {"n": 0}}`, `{}`, true},
		{`{"s": {"n": 1}}`, `{}`, false},
		// numbers: tolerance 1e-6 × max(1, |x|), int64 printed as strings
		{`{"a": 0.7}`, `{"a": 0.7000004}`, true},
		{`{"a": 0.7}`, `{"a": 0.70001}`, false},
		{`{"a": 3000000}`, `{"a": 3000002}`, true},
		{`{"a": 3}`, `{"a": "3"}`, true},
		{`{"a": 3}`, `{"a": "three"}`, false},
		{`{"a": 1}`, `{"a": true}`, false},
		// strings and booleans are equal or not
		{`{"a": "x"}`, `{"a": "x"}`, true},
		{`{"a": "x"}`, `{"a": "xy"}`, false},
		{`{"a": "1"}`, `{"a": 1}`, false},
		{`{"a": true}`, `{"a": true}`, true},
		{`{"a": true}`, `{}`, false},
		// arrays: same length, in order
		{`{"a": [1, 2]}`, `{"a": [1, 2]}`, true},
		{`{"a": [1, 2]}`, `{"a": [2, 1]}`, false},
		{`{"a": [1]}`, `{"a": [1, 2]}`, false},
		{`{"a": [{"x": 1}]}`, `{"a": [{"x": 1, "y": 2}]}`, true},
		// matchers
		{`{"a": {"$absent": true}}`, `{}`, true},
		{`{"a": {"$absent": true}}`, `{"a": 0}`, false},
		{`{"a": {"$nonempty": true}}`, `{"a": "t"}`, true},
		{`{"a": {"$nonempty": true}}`, `{}`, false},
		{`{"a": {"$approx": 0.5, "$tolerance": 0.1}}`, `{"a": 0.58}`, true},
		{`{"a": {"$approx": 0.5, "$tolerance": 0.1}}`, `{"a": 0.62}`, false},
		{`{"a": {"$approx": 0}}`, `{}`, true},
		{`{"a": {"$contains": {"id": "b"}}}`, `{"a": [{"id": "a"}, {"id": "b", "w": 1}]}`, true},
		{`{"a": {"$contains": {"id": "c"}}}`, `{"a": [{"id": "a"}]}`, false},
		{`{"a": {"$contains": "lo w"}}`, `{"a": "hello world"}`, true},
		{`{"a": {"$contains": "x"}}`, `{"a": "hello"}`, false},
		{`{"a": {"$contains": "x"}}`, `{"a": ["y", "x"]}`, true},
		{`{"a": {"$contains": 1}}`, `{}`, false},
		{`{"a": {"$length": 2}}`, `{"a": [1, 2]}`, true},
		{`{"a": {"$length": 0}}`, `{}`, true},
		{`{"a": {"$length": 1}}`, `{}`, false},
		{`{"a": {"$bogus": 1}}`, `{"a": 1}`, false},
		{`{"a": {"$tolerance": 1}}`, `{"a": 1}`, false},
	}
	for _, c := range cases {
		m := &matcher{vars: map[string]string{}}
		err := m.match("response", parse(t, c.want), parse(t, c.got), true)
		if (err == nil) != c.ok {
			t.Errorf("match(%s, %s) = %v, want ok=%v", c.want, c.got, err, c.ok)
		}
	}
}

func TestCapture(t *testing.T) {
	m := &matcher{vars: map[string]string{}}
	want := parse(t, `{"token": {"$capture": "t"}, "n": {"$capture": "n"}, "o": {"$capture": "o"},
		"list": {"$contains": {"id": "b", "v": {"$capture": "v"}}}}`)
	got := parse(t, `{"token": "abc", "n": 5, "o": {"x": [1]}, "list": [{"id": "a", "v": 1}, {"id": "b", "v": 2}]}`)
	if err := m.match("response", want, got, true); err != nil {
		t.Fatal(err)
	}
	for name, value := range map[string]string{"t": "abc", "n": "5", "o": `{"x":[1]}`, "v": "2"} {
		if m.vars[name] != value {
			t.Errorf("${%s} = %q, want %q", name, m.vars[name], value)
		}
	}
	if err := m.match("response", parse(t, `{"x": {"$capture": "x"}}`), parse(t, `{}`), true); err == nil {
		t.Error("capture of a missing key matched")
	}
}

func TestSubstitute(t *testing.T) {
	vars := map[string]string{"ns": "p-0", "t": "tok"}
	got, err := substitute(parse(t, `{"namespace": "${ns}-b", "list": ["${t}", 1], "m": {"${ns}": "x${t}y"}}`), vars)
	if err != nil {
		t.Fatal(err)
	}
	if s := show(got); s != `{"list":["tok",1],"m":{"p-0":"xtoky"},"namespace":"p-0-b"}` {
		t.Errorf("substitute = %s", s)
	}
	if _, err := substitute(parse(t, `{"a": "${missing}"}`), vars); err == nil || !strings.Contains(err.Error(), "missing") {
		t.Errorf("unset variable: err = %v", err)
	}
}

// TestMethodsCoverContract checks that the dispatch table holds every RPC of the contract,
// each with its streaming kind.
func TestMethodsCoverContract(t *testing.T) {
	client, err := engram.Dial("127.0.0.1:1") // never used: NewClient does not connect
	if err != nil {
		t.Fatal(err)
	}
	defer client.Close()
	table := methods(client)
	seen := 0
	protoregistry.GlobalFiles.RangeFilesByPackage("engram.v1", func(file protoreflect.FileDescriptor) bool {
		for i := 0; i < file.Services().Len(); i++ {
			service := file.Services().Get(i)
			for j := 0; j < service.Methods().Len(); j++ {
				method := service.Methods().Get(j)
				name := string(service.FullName()) + "/" + string(method.Name())
				seen++
				entry, ok := table[name]
				if !ok {
					t.Errorf("%s is not in the table", name)
					continue
				}
				want := unaryKind
				switch {
				case method.IsStreamingClient():
					want = bidiKind
				case method.IsStreamingServer():
					want = serverStreamKind
				}
				if entry.kind != want {
					t.Errorf("%s: kind %d, want %d", name, entry.kind, want)
				}
				if got := entry.newRequest().ProtoReflect().Descriptor(); got != method.Input() {
					t.Errorf("%s: request %s, want %s", name, got.FullName(), method.Input().FullName())
				}
			}
		}
		return true
	})
	if seen != len(table) {
		t.Errorf("the contract has %d methods, the table %d", seen, len(table))
	}
}
