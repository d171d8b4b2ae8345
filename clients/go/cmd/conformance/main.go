// Command conformance plays the conformance scenarios against a live Engram server through
// the Go client:
//
//	conformance --address HOST:PORT --scenarios PATH [--namespace-prefix PREFIX] [--api-key KEY]
//
// See clients/conformance/README.md.
package main

import (
	"os"

	"github.com/engram-memory/engram/clients/go/internal/conformance"
)

func main() {
	os.Exit(conformance.Main(os.Args[1:], os.Stdout, os.Stderr))
}
