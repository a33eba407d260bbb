// Package config is what a run is told besides its inputs: the
// configuration (kam.yaml and the flags) and the model parameters with
// their defaults and ranges.
package config

import "slices"

// Config is everything a run needs besides its inputs. cmd/kam builds it from
// flags and the optional YAML file; the zero value is not valid, start from
// DefaultConfig.
type Config struct {
	Language string // report language: "es" or "en"
	Currency string // reporting currency, ISO code
	// CurrencySet: the configuration names the reporting currency. When it
	// does not and the data carries exactly one currency code (and no
	// exchange rates), that currency is the reporting currency.
	CurrencySet     bool
	FiscalYearStart int     // month 1..12
	DateOrder       string  // order for ambiguous date columns: "dmy", "mdy", "ymd"
	NumberLocale    string  // hint for ambiguous numbers like 1.234: "es" (thousands dot) or "en"
	RejectLimit     float64 // share of a file's rows that may be rejected before the run fails
	PortfolioLevel  string  // "group" (ultimate parent) or "account"
	// MissingValues are the texts that stand for a missing value in any
	// column (database dumps write NULL, spreadsheets #N/A): read as blank.
	MissingValues  []string
	FollowSymlinks bool // follow symbolic links that leave the input folder
	// HistoryAhead: a run also keeps the twelve months before its period,
	// so each of the next eleven monthly runs finds its prior year kept
	// and builds no comparison month; the run that keeps them is slower
	// and holds every month's models in memory until its commit.
	HistoryAhead bool

	Files   []FileRule                   // glob → kind and per-file options, first match wins
	Columns map[string]map[string]string // kind → canonical column → header, wins over synonyms
	Scale   map[string]map[string]string // kind → canonical column → factor (exact decimal text)
	Params  map[string]float64           // model weights and thresholds overriding DefaultParams

	DuckDB DuckDBSettings

	// Source names where the configuration came from, for messages and the
	// manifest ("defaults" or a file path).
	Source string
}

// FileRule assigns a kind (and options) to the files whose path, relative to
// the input folder, matches Glob.
type FileRule struct {
	Glob      string
	Kind      string
	Sheet     string            // XLSX sheet name; empty: the first visible sheet
	DateOrder string            // overrides Config.DateOrder for this file
	Columns   map[string]string // canonical column → header, wins over Config.Columns
	Skip      bool              // ignore matching files (listed as skipped)
	// Headers are the column names of a text file without a header row
	// (every line is data), in order.
	Headers []string
	// Encoding is the encoding of a text file, one of Encodings, when its
	// bytes cannot tell it (a short file in a code page other than
	// Windows-1252); empty: detected.
	Encoding string
	// Scale multiplies a Money or Number column as it is read (0.01 for
	// amounts in cents, 1000 for thousands); canonical column → factor as
	// exact decimal text. Wins over Config.Scale.
	Scale map[string]string
}

// Encodings are the encodings a files: rule may name: UTF-8 and UTF-16,
// Windows-1252, and the other code pages of Excel's plain "CSV" save and of
// older Unix and ERP exports.
var Encodings = []string{"utf-8", "utf-16le", "utf-16be", "windows-1252",
	"windows-1250", "windows-1251", "windows-1253", "windows-1254", "windows-1257", "windows-1258",
	"iso-8859-2", "iso-8859-5", "iso-8859-7", "koi8-r", "koi8-u",
	"shift_jis", "euc-jp", "gbk", "gb18030", "big5", "euc-kr"}

// DuckDBSettings are passed to DuckDB as SET statements when the warehouse
// is opened. Empty values keep DuckDB's defaults.
type DuckDBSettings struct {
	MemoryLimit   string // e.g. "8GB"
	Threads       int
	TempDirectory string // spill directory for larger-than-memory work
}

// DefaultMissingValues are the markers of a missing value that database
// dumps, spreadsheets and reporting tools write; compared with the trimmed
// value, case and all ("NA" is a country code and a region, not listed).
// Statistical offices and open-data portals have their own: ".." and
// "..." (INE, the OECD, the World Bank, the UN), ":" (Eurostat), "n.d.",
// "n/d" (no disponible, non disponible, não disponível), "s/d" (sin
// datos, sem dados), "n.a." and the typographic dashes their tables print
// for nothing; read as numbers or names they were rejected as malformed
// (a sale lost for a VAT not given) or made an account of "s/d".
var DefaultMissingValues = []string{"NULL", "null", "Null", "(null)", "N/A", "n/a", "#N/A", "-",
	"..", "...", ":", "n.d.", "N.D.", "n/d", "N/D", "s/d", "S/D", "n.a.", "N.A.", "\u2013", "\u2014"}

// DefaultConfig is the configuration in force when there is no YAML file.
func DefaultConfig() Config {
	return Config{
		Language:        "en",
		Currency:        "EUR",
		FiscalYearStart: 1,
		DateOrder:       "dmy",
		NumberLocale:    "es",
		RejectLimit:     0.02,
		PortfolioLevel:  "group",
		MissingValues:   slices.Clone(DefaultMissingValues),
		Columns:         map[string]map[string]string{},
		Scale:           map[string]map[string]string{},
		Params:          map[string]float64{},
		Source:          "defaults",
	}
}

// Param returns the value in force for a model parameter.
func (c Config) Param(key string) float64 {
	if v, ok := c.Params[key]; ok {
		return v
	}
	for _, p := range DefaultParams {
		if p.Key == key {
			return p.Default
		}
	}
	panic("pipeline: unknown parameter " + key)
}
