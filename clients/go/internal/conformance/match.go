package conformance

import (
	"encoding/json"
	"fmt"
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// JSON values here are what encoding/json decodes with UseNumber: map[string]any, []any,
// string, json.Number and bool (null is refused when the scenario file is loaded).

// matcher matches an expectation against a reply printed by protojson and parsed back;
// $capture stores into vars.
type matcher struct {
	vars map[string]string
}

// match checks want against got at path; present is false when the reply has no value there
// (protojson left out a zero value).
func (m *matcher) match(path string, want, got any, present bool) error {
	switch w := want.(type) {
	case map[string]any:
		if isMatcher(w) {
			return m.matchSpecial(path, w, got, present)
		}
		var obj map[string]any
		if present {
			o, ok := got.(map[string]any)
			if !ok {
				return mismatch(path, "an object", got)
			}
			obj = o
		}
		for _, key := range sortedKeys(w) {
			value, ok := obj[key]
			if err := m.match(path+"."+key, w[key], value, ok); err != nil {
				return err
			}
		}
		return nil
	case []any:
		var arr []any
		if present {
			a, ok := got.([]any)
			if !ok {
				return mismatch(path, "an array", got)
			}
			arr = a
		}
		if len(arr) != len(w) {
			return fmt.Errorf("%s: expected %d elements, got %d: %s", path, len(w), len(arr), show(arr))
		}
		for i := range w {
			if err := m.match(fmt.Sprintf("%s[%d]", path, i), w[i], arr[i], true); err != nil {
				return err
			}
		}
		return nil
	case string:
		if !present {
			if w == "" {
				return nil
			}
			return fmt.Errorf("%s: expected %q, got nothing", path, w)
		}
		if s, ok := got.(string); !ok || s != w {
			return mismatch(path, strconv.Quote(w), got)
		}
		return nil
	case bool:
		if !present {
			if !w {
				return nil
			}
			return fmt.Errorf("%s: expected true, got nothing", path)
		}
		if b, ok := got.(bool); !ok || b != w {
			return mismatch(path, strconv.FormatBool(w), got)
		}
		return nil
	case json.Number:
		x, err := w.Float64()
		if err != nil {
			return fmt.Errorf("%s: bad number %s in the expectation", path, w)
		}
		return approx(path, x, defaultTolerance(x), got, present)
	default:
		return fmt.Errorf("%s: unsupported expectation %s", path, show(want))
	}
}

// isMatcher tells whether an expected object is a matcher: every key starts with '$'.
func isMatcher(w map[string]any) bool {
	if len(w) == 0 {
		return false
	}
	for key := range w {
		if !strings.HasPrefix(key, "$") {
			return false
		}
	}
	return true
}

func (m *matcher) matchSpecial(path string, w map[string]any, got any, present bool) error {
	for key := range w {
		switch key {
		case "$absent", "$nonempty", "$capture", "$approx", "$tolerance", "$contains", "$length":
		default:
			return fmt.Errorf("%s: unknown matcher %s", path, key)
		}
	}
	if v, ok := w["$absent"]; ok {
		absent, ok := v.(bool)
		if !ok {
			return fmt.Errorf("%s: $absent takes true or false", path)
		}
		if absent && present {
			return mismatch(path, "no value", got)
		}
		if !absent && !present {
			return fmt.Errorf("%s: expected a value, got nothing", path)
		}
	}
	if v, ok := w["$nonempty"]; ok {
		nonempty, ok := v.(bool)
		if !ok {
			return fmt.Errorf("%s: $nonempty takes true or false", path)
		}
		if nonempty && !present {
			return fmt.Errorf("%s: expected a value, got nothing", path)
		}
		if !nonempty && present {
			return mismatch(path, "no value", got)
		}
	}
	if v, ok := w["$length"]; ok {
		n, err := number(v)
		if err != nil {
			return fmt.Errorf("%s: $length takes a number", path)
		}
		var arr []any
		if present {
			a, ok := got.([]any)
			if !ok {
				return mismatch(path, "an array", got)
			}
			arr = a
		}
		if float64(len(arr)) != n {
			return fmt.Errorf("%s: expected %v elements, got %d: %s", path, n, len(arr), show(arr))
		}
	}
	if v, ok := w["$approx"]; ok {
		x, err := number(v)
		if err != nil {
			return fmt.Errorf("%s: $approx takes a number", path)
		}
		tolerance := defaultTolerance(x)
		if t, ok := w["$tolerance"]; ok {
			if tolerance, err = number(t); err != nil {
				return fmt.Errorf("%s: $tolerance takes a number", path)
			}
		}
		if err := approx(path, x, tolerance, got, present); err != nil {
			return err
		}
	} else if _, ok := w["$tolerance"]; ok {
		return fmt.Errorf("%s: $tolerance without $approx", path)
	}
	if v, ok := w["$contains"]; ok {
		if err := m.contains(path, v, got, present); err != nil {
			return err
		}
	}
	if v, ok := w["$capture"]; ok {
		name, ok := v.(string)
		if !ok || name == "" {
			return fmt.Errorf("%s: $capture takes a variable name", path)
		}
		if !present {
			return fmt.Errorf("%s: expected a value to capture as %s, got nothing", path, name)
		}
		if s, ok := got.(string); ok {
			m.vars[name] = s
		} else {
			m.vars[name] = show(got)
		}
	}
	return nil
}

// contains: an array holding an element that matches want, or a string holding want.
func (m *matcher) contains(path string, want, got any, present bool) error {
	if s, ok := want.(string); ok {
		if !present {
			got = ""
		}
		if g, ok := got.(string); ok {
			if strings.Contains(g, s) {
				return nil
			}
			return fmt.Errorf("%s: expected a string containing %q, got %q", path, s, g)
		}
	}
	var arr []any
	if present {
		a, ok := got.([]any)
		if !ok {
			return mismatch(path, "an array", got)
		}
		arr = a
	}
	var reasons []string
	for i, element := range arr {
		// An element that fails to match must not leave its captures behind.
		attempt := &matcher{vars: make(map[string]string, len(m.vars))}
		for k, v := range m.vars {
			attempt.vars[k] = v
		}
		err := attempt.match(fmt.Sprintf("%s[%d]", path, i), want, element, true)
		if err == nil {
			m.vars = attempt.vars
			return nil
		}
		reasons = append(reasons, err.Error())
	}
	if len(arr) == 0 {
		return fmt.Errorf("%s: expected an element matching %s, got no elements", path, show(want))
	}
	return fmt.Errorf("%s: no element matches %s (%s)", path, show(want), strings.Join(reasons, "; "))
}

func defaultTolerance(x float64) float64 {
	return 1e-6 * math.Max(1, math.Abs(x))
}

// approx: got is a number, or a string holding one (int64, uint64, NaN, Infinity), within
// tolerance of x; a missing value reads as 0.
func approx(path string, x, tolerance float64, got any, present bool) error {
	actual := 0.0
	if present {
		var err error
		if actual, err = number(got); err != nil {
			return mismatch(path, "a number", got)
		}
	}
	if math.Abs(actual-x) <= tolerance {
		return nil
	}
	if !present {
		return fmt.Errorf("%s: expected %v, got nothing (0)", path, x)
	}
	return fmt.Errorf("%s: expected %v (±%g), got %s", path, x, tolerance, show(got))
}

// number reads a JSON number or a string holding one.
func number(v any) (float64, error) {
	switch n := v.(type) {
	case json.Number:
		return n.Float64()
	case string:
		return strconv.ParseFloat(n, 64)
	default:
		return 0, fmt.Errorf("not a number")
	}
}

func mismatch(path, want string, got any) error {
	return fmt.Errorf("%s: expected %s, got %s", path, want, show(got))
}

// show is v's JSON text.
func show(v any) string {
	text, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return string(text)
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for key := range m {
		keys = append(keys, key)
	}
	sort.Strings(keys)
	return keys
}

var variable = regexp.MustCompile(`\$\{([^}]*)\}`)

// substitute replaces ${name} in every string of v (object keys included) with vars[name];
// an unset name is an error.
func substitute(v any, vars map[string]string) (any, error) {
	switch x := v.(type) {
	case string:
		return substituteString(x, vars)
	case map[string]any:
		out := make(map[string]any, len(x))
		for key, value := range x {
			k, err := substituteString(key, vars)
			if err != nil {
				return nil, err
			}
			if out[k], err = substitute(value, vars); err != nil {
				return nil, err
			}
		}
		return out, nil
	case []any:
		out := make([]any, len(x))
		for i, value := range x {
			var err error
			if out[i], err = substitute(value, vars); err != nil {
				return nil, err
			}
		}
		return out, nil
	default:
		return v, nil
	}
}

func substituteString(s string, vars map[string]string) (string, error) {
	var unset string
	out := variable.ReplaceAllStringFunc(s, func(ref string) string {
		name := ref[2 : len(ref)-1]
		value, ok := vars[name]
		if !ok && unset == "" {
			unset = name
		}
		return value
	})
	if unset != "" {
		return "", fmt.Errorf("variable ${%s} is not set", unset)
	}
	return out, nil
}
