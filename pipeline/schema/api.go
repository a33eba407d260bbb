package schema

// Mapping says which header of a file feeds each canonical (or auxiliary)
// column of its kind.
type Mapping struct {
	Kind    string
	Preset  string         // "salesforce", "salesforce-report", "hubspot", "dynamics", "odoo" or ""
	Columns map[string]int // column name → index in the header row
	Unused  []int          // header indexes that feed nothing (listed in the manifest)
}

// MappingError is a required column that no header feeds.
type MappingError struct {
	File    string
	Kind    string
	Column  string   // the missing canonical column (or "net_amount or unit_price")
	Found   []string // the headers of the file
	Closest string   // the unused header most like the column, "" if none is close
}

func (e *MappingError) Error() string { panic("todo") }

// Normalize folds a header for matching: lower case, no accents, Salesforce
// "__c" dropped, camelCase split, punctuation, underscores and spaces folded
// to single spaces ("Fecha_Factura" and "fecha factura" and "FechaFactura" →
// "fecha factura"; "Nº Factura" → "no factura").
func Normalize(header string) string { panic("todo") }

// KindsFromName returns the kinds a file name suggests (spec: Recognising
// files), most specific first; empty when the name says nothing. relPath is
// relative to the input folder; only the base name is used.
func KindsFromName(relPath string) []string { panic("todo") }

// KindFromHeader returns the kind whose columns the headers fit best, and a
// score in 0..1; "" when no kind's required columns can be mapped. Among
// candidates (nil: all kinds) it decides sales vs invoices: lines carry
// amounts, headers do not.
func KindFromHeader(headers []string, candidates []string) (kind string, score float64) {
	panic("todo")
}

// Map maps the headers of a file of the given kind. explicit (canonical
// column → header, from the configuration) wins over presets and synonyms;
// an explicit header that is not in the file is an error naming it.
func Map(file, kind string, headers []string, explicit map[string]string) (Mapping, error) {
	panic("todo")
}

// EnumValue returns the canonical value of an Enum column for a raw value
// (Spanish, English and CRM vocabularies); ok=false when unknown. Columns
// with an "other" value map unknown non-blank text to "other".
func EnumValue(kind, column, raw string) (value string, ok bool) { panic("todo") }

// EnumSQL is a DuckDB expression over the VARCHAR expression col giving the
// same result as EnumValue (NULL when unknown or blank).
func EnumSQL(kind, column, col string) string { panic("todo") }
