package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func writeConfig(t *testing.T, text string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "kam.yaml")
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestLoadConfigValid(t *testing.T) {
	t.Parallel()
	p := writeConfig(t, `
language: ES
currency: usd
fiscal_year_start: 4
date_order: mdy
number_locale: en
reject_limit: 5 %
portfolio_level: account
missing_values: ["NULL", "sin dato"]
history_ahead: true
files:
  - match: "crm/*.xlsx"
    kind: accounts
    sheet: Clientes
    date_order: ymd
    columns: {account_id: "Nº cliente"}
  - match: "tmp/*"
    skip: true
  - match: "erp/Orders.txt"
    headers: [orderNumber, orderDate, customerNumber]
    scale: {net_amount: 0.01}
columns:
  sales: {net_amount: "Base imponible"}
scale:
  targets: {revenue_target: 1000}
params:
  growth_weight_headroom: 50
  hhi_high_above: 2500
duckdb:
  memory_limit: 4GB
  threads: 2
  temp_directory: /tmp/spill
`)
	cfg, err := loadConfig(p, "")
	if err != nil {
		t.Fatal(err)
	}
	checks := map[string][2]any{
		"language":        {cfg.Language, "es"},
		"currency":        {cfg.Currency, "USD"},
		"fiscal":          {cfg.FiscalYearStart, 4},
		"date_order":      {cfg.DateOrder, "mdy"},
		"number_locale":   {cfg.NumberLocale, "en"},
		"reject_limit":    {cfg.RejectLimit, 0.05},
		"portfolio_level": {cfg.PortfolioLevel, "account"},
		"missing_values":  {strings.Join(cfg.MissingValues, "|"), "NULL|sin dato"},
		"history_ahead":   {cfg.HistoryAhead, true},
		"files":           {len(cfg.Files), 3},
		"headers":         {strings.Join(cfg.Files[2].Headers, ","), "orderNumber,orderDate,customerNumber"},
		"rule scale":      {cfg.Files[2].Scale["net_amount"], "0.01"},
		"scale":           {cfg.Scale["targets"]["revenue_target"], "1000"},
		"rule kind":       {cfg.Files[0].Kind, "accounts"},
		"rule sheet":      {cfg.Files[0].Sheet, "Clientes"},
		"rule order":      {cfg.Files[0].DateOrder, "ymd"},
		"rule column":     {cfg.Files[0].Columns["account_id"], "Nº cliente"},
		"skip":            {cfg.Files[1].Skip, true},
		"columns":         {cfg.Columns["sales"]["net_amount"], "Base imponible"},
		"param":           {cfg.Param("growth_weight_headroom"), 50.0},
		"param default":   {cfg.Param("growth_weight_pipeline"), 25.0},
		"memory":          {cfg.DuckDB.MemoryLimit, "4GB"},
		"threads":         {cfg.DuckDB.Threads, 2},
		"temp":            {cfg.DuckDB.TempDirectory, "/tmp/spill"},
	}
	for name, c := range checks {
		if c[0] != c[1] {
			t.Errorf("%s: got %v, want %v", name, c[0], c[1])
		}
	}
}

func TestLoadConfigErrors(t *testing.T) {
	t.Parallel()
	cases := []struct{ yaml, want string }{
		{"fiscal_start: 4", `line 1: unknown key "fiscal_start" in the configuration; allowed keys:`},
		{"fiscal_year_start: 13", "fiscal_year_start is 13; it must be between 1 and 12"},
		{"language: fr", `language is "fr"; allowed values: en, es`},
		{"currency: euros", `currency is "euros"; use a three-letter ISO 4217 code`},
		{"reject_limit: 150%", "reject_limit is \"150%\"; it must be between 0 and 1"},
		{"date_order: yyyy", "date_order is \"yyyy\"; allowed values: dmy, mdy, ymd"},
		{"params:\n  nope: 1", `unknown key "nope" in params; allowed keys:`},
		{"params:\n  growth_weight_trend: -5", "params.growth_weight_trend is -5; it must be between 0 and 100"},
		{"files:\n  - kind: sales", "files[0] needs a match"},
		{"files:\n  - match: x\n    kind: ventas", `files[0].kind is "ventas"; allowed values: fx_rates, accounts`},
		{"files:\n  - match: x\n    kind: sales\n    columns: {importe: x}", `unknown key "importe" in files[0].columns; allowed keys: invoice_id`},
		{"columns:\n  nope: {a: b}", `unknown key "nope" in columns`},
		{"scale:\n  sales: {net_amount: 1/100}", `scale.sales.net_amount is "1/100"; write the factor each value is multiplied by as a positive decimal`},
		{"scale:\n  sales: {net_amount: 0}", `scale.sales.net_amount is "0"`},
		{"scale:\n  sales: {invoice_id: 2}", `unknown key "invoice_id" in scale.sales; allowed keys: quantity, net_amount`},
		{"files:\n  - match: x\n    headers: a", "files[0].headers must be a list of the file's column names"},
		{"files:\n  - match: x", "files[0] needs a kind"},
		{"files:\n  - match: x\n    headers: [a]\n    columns: {a: b}", "files[0].columns needs the rule's kind"},
		{"duckdb:\n  memory_limit: lots", `duckdb.memory_limit "lots" must be an amount such as 4GB`},
		{"duckdb:\n  gpus: 1", `unknown key "gpus" in duckdb; allowed keys: memory_limit, threads, temp_directory`},
		{"language: [es]", "language must be a non-empty text value"},
		{"missing_values: NULL", `missing_values must be a list of texts, such as ["NULL", "N/A", "-"]`},
		{"a: [", "is not valid YAML"},
		// YAML keeps the last of two equal keys silently: which currency
		// or limit was meant is the user's to say.
		{"currency: EUR\nlanguage: en\ncurrency: USD", `line 3: key "currency" appears twice in the configuration (lines 1 and 3); keep one of them`},
		// A file that says language: es gets its errors in Spanish.
		{"currency: EUR\nlanguage: es\ncurrency: USD", `línea 3: la clave "currency" aparece dos veces en la configuración (líneas 1 y 3); deje una de ellas`},
		{"params:\n  hhi_high_above: 1800\n  hhi_high_above: 2500", `line 3: key "hhi_high_above" appears twice in params (lines 2 and 3)`},
		{"files:\n  - match: a\n    kind: sales\n    kind: accounts", `key "kind" appears twice in files[0]`},
		{"duckdb:\n  threads: &t [1]\nparams:\n  <<: *t", "the merge key << in params must name a mapping"},
	}
	for _, c := range cases {
		_, err := loadConfig(writeConfig(t, c.yaml), "")
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: got %v, want an error containing %q", c.yaml, err, c.want)
		}
	}
}

// TestLoadConfigAnchors: YAML anchors, aliases and merge keys are
// ordinary YAML (they once gave "must be a non-empty text value"): they
// are read as YAML defines them, a key written in a mapping winning over a
// merged one.
func TestLoadConfigAnchors(t *testing.T) {
	t.Parallel()
	cfg, err := loadConfig(writeConfig(t, `
currency: &moneda USD
language: es
x-defaults: &crm
  kind: accounts
  date_order: mdy
files:
  - <<: *crm
    match: "crm/*.csv"
  - <<: *crm
    match: "crm2/*.csv"
    date_order: ymd
  - match: "ventas/*.csv"
    kind: sales
    columns: &cols {net_amount: "Base imponible"}
columns:
  sales: *cols
`), "")
	if err == nil || !strings.Contains(err.Error(), `clave desconocida "x-defaults"`) {
		t.Fatalf("an unknown top-level key holding anchors: %v", err)
	}
	cfg, err = loadConfig(writeConfig(t, `
currency: &moneda USD
language: es
files:
  - &crm
    match: "crm/*.csv"
    kind: accounts
    date_order: mdy
  - <<: *crm
    match: "crm2/*.csv"
    date_order: ymd
  - match: "ventas/*.csv"
    kind: sales
    columns: &cols {net_amount: "Base imponible"}
columns:
  sales: *cols
`), "")
	if err != nil {
		t.Fatalf("anchors and merge keys: %v", err)
	}
	if cfg.Currency != "USD" || len(cfg.Files) != 3 {
		t.Fatalf("currency %q, %d file rules", cfg.Currency, len(cfg.Files))
	}
	got := fmt.Sprintf("%s %s %s | %s %s %s | %v", cfg.Files[0].Glob, cfg.Files[0].Kind, cfg.Files[0].DateOrder,
		cfg.Files[1].Glob, cfg.Files[1].Kind, cfg.Files[1].DateOrder, cfg.Columns["sales"])
	want := "crm/*.csv accounts mdy | crm2/*.csv accounts ymd | map[net_amount:Base imponible]"
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

func TestLoadConfigFromInputFolder(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "kam.yaml"), []byte("language: es\n"), 0o644)
	cfg, err := loadConfig("", dir)
	if err != nil || cfg.Language != "es" || !strings.HasSuffix(cfg.Source, "kam.yaml") {
		t.Errorf("kam.yaml in the input folder: %+v, %v", cfg.Language, err)
	}
	cfg, err = loadConfig("", t.TempDir())
	if err != nil || cfg.Source != "defaults" || cfg.Language != "en" {
		t.Errorf("no configuration: %v %v", cfg.Source, err)
	}
	if _, err := loadConfig(filepath.Join(dir, "missing.yaml"), ""); err == nil {
		t.Errorf("a missing --config file must be an error")
	}
}
