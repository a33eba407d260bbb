package parse

import (
	"errors"
	"testing"
)

type boolCase struct {
	in      string
	blankF  bool // BlankIsFalse
	want    bool
	ok, err bool
}

var boolCases = []boolCase{
	{"true", false, true, true, false},
	{"TRUE", false, true, true, false},
	{"True", false, true, true, false},
	{"false", false, false, true, false},
	{"t", false, true, true, false},
	{"f", false, false, true, false},
	{"F", false, false, true, false},
	{"yes", false, true, true, false},
	{"Yes", false, true, true, false},
	{"no", false, false, true, false},
	{"NO", false, false, true, false},
	{"y", false, true, true, false},
	{"n", false, false, true, false},
	{"sí", false, true, true, false},
	{"SÍ", false, true, true, false},
	{"Sí", false, true, true, false},
	{"si", false, true, true, false},
	{"SI", false, true, true, false},
	{"s", false, true, true, false},
	{"S", false, true, true, false},
	{"1", false, true, true, false},
	{"0", false, false, true, false},
	{"verdadero", false, true, true, false},
	{"Verdadero", false, true, true, false},
	{"falso", false, false, true, false},
	{"FALSO", false, false, true, false},
	// The yes and no of French, German and Italian (a key-account
	// list's flag column).
	{"sì", false, true, true, false},
	{"Oui", false, true, true, false},
	{"non", false, false, true, false},
	{"JA", false, true, true, false},
	{"Nein", false, false, true, false},
	{"v", false, true, true, false},
	{"V", false, true, true, false},
	{"x", false, true, true, false},
	{"X", true, true, true, false},
	{" x\u00a0", true, true, true, false},
	{"\ttrue\n", false, true, true, false},
	{"", false, false, false, false},
	{"  ", false, false, false, false},
	{"", true, false, true, false},
	{"\u00a0", true, false, true, false},
	{"maybe", false, false, false, true},
	{"2", false, false, false, true},
	{"-1", false, false, false, true},
	{"1.0", false, false, false, true},
	{"yes!", false, false, false, true},
	{"s í", false, false, false, true},
	{"xx", true, false, false, true},
	{"ſi", false, false, false, true},
	{"on", false, false, false, true},
}

func TestParseBool(t *testing.T) {
	t.Parallel()
	for _, c := range boolCases {
		v, ok, err := ParseBool(c.in, BoolFormat{BlankIsFalse: c.blankF})
		var pe *Error
		switch {
		case c.err:
			if !errors.As(err, &pe) || pe.Code != "bool" || pe.Value != c.in || ok {
				t.Errorf("ParseBool(%q) = %v, %v, %v; want a bool error", c.in, v, ok, err)
			}
		case err != nil || v != c.want || ok != c.ok:
			t.Errorf("ParseBool(%q, blank false %v) = %v, %v, %v; want %v, %v", c.in, c.blankF, v, ok, err, c.want, c.ok)
		}
	}
}

func TestDetectBool(t *testing.T) {
	t.Parallel()
	tests := []struct {
		samples []string
		want    bool
	}{
		{[]string{"x", "", "X", " "}, true},
		{[]string{"x"}, true},
		{[]string{"x", "", "no"}, false},
		{[]string{"sí", "no", ""}, false},
		{[]string{"", ""}, false},
		{nil, false},
	}
	for _, tt := range tests {
		if got := DetectBool(tt.samples); got.BlankIsFalse != tt.want {
			t.Errorf("DetectBool(%q) = %+v; want BlankIsFalse %v", tt.samples, got, tt.want)
		}
	}
}

func TestBoolSQL(t *testing.T) {
	t.Parallel()
	var inputs []string
	for _, c := range boolCases {
		inputs = append(inputs, c.in)
	}
	formats := []BoolFormat{{}, {BlankIsFalse: true}}
	got := evalSQL(t, inputs, formats[0].SQL("v"), formats[1].SQL("v"))
	for k, f := range formats {
		for i, in := range inputs {
			checkBoolSQL(t, in, f, got[k][i])
		}
	}
	// A NULL is a blank: DuckDB's CSV reader makes empty fields NULL.
	var plain, checkbox any
	q := "select " + formats[0].SQL("v") + ", " + formats[1].SQL("v") + " from (select NULL::varchar as v)"
	if err := duck(t).QueryRow(q).Scan(&plain, &checkbox); err != nil {
		t.Fatal(err)
	}
	if plain != nil || checkbox != false {
		t.Errorf("NULL: %v and %v; want NULL and false", plain, checkbox)
	}
}

func checkBoolSQL(t *testing.T, in string, f BoolFormat, sqlVal any) {
	t.Helper()
	want, ok, _ := ParseBool(in, f)
	got, isBool := sqlVal.(bool)
	if sqlVal != nil && !isBool {
		t.Fatalf("%q: SQL gave %T", in, sqlVal)
	}
	if ok != isBool || got != want {
		t.Errorf("%q with %+v: Go %v (ok=%v), SQL %v", in, f, want, ok, sqlVal)
	}
}
