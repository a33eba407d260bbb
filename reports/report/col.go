package report

// Col is one column of a report table, in the workbook and on the page: the
// mart column it shows and how. Its header is col.<Name> (or Label) and its
// tooltip or definition def.<Name>, from the shared translation table, so
// the page and the workbook say the same. Both writers read the same
// declaration; the options a writer has no use for it ignores.
type Col struct {
	Name     string // column of the table's query
	Kind     Kind   // how values are written
	Label    string // i18n key of the header; "" means col.<Name>
	Prefix   string // Enum, List: translation key prefix; "" means val.<Name>.
	Badge    bool   // Enum: on the page, the value in a coloured badge
	Tones    string // Enum: in the workbook, fill the codes through this tone set
	CF       CF     // a further conditional format (workbook)
	Unit     string // Unit: the column holding the row's unit
	Hidden   bool   // read for another column (unit, detail) but not shown
	Soft     bool   // Enum: a code without a translation shows as it is
	PrefixOf string // Enum: the prefix is val.<value of this column>. (movers)
	Wrap     bool   // long text that wraps
}

// Kind is how a column's values are written and formatted.
type Kind int

const (
	Text     Kind = iota // text as it is, always a string cell
	Enum                 // a code translated through val.<column>.<code> (or the column's prefix)
	List                 // a list of codes, translated and joined
	Money                // reporting currency, whole units
	Money2               // reporting currency, cents
	Pct                  // a fraction shown as a percentage
	Score                // a 0–100 score
	Int                  // a count
	Num1                 // hours, years: one decimal
	Times                // a multiple (ROI, coverage)
	Date                 // a date
	DateTime             // a timestamp
	Bool                 // a flag: 1 or 0, shown as yes or no
	Unit                 // number formatted by the row's unit column (money, share, index, count, flag)
	Reject               // reject message from the row's reason and detail
	Num                  // a plain number (parameters)
	Notes                // a JSON list of notes, shown one after the other
)

// Numeric reports whether a kind's values are numbers (right-aligned,
// sorted as numbers).
func (k Kind) Numeric() bool {
	switch k {
	case Money, Money2, Pct, Score, Int, Num1, Times, Unit, Num:
		return true
	}
	return false
}

// CF is a conditional format on a column.
type CF int

const (
	CFNone        CF = iota
	CFBar            // data bar (revenue, scores)
	CFScale          // red–yellow–green colour scale (margins)
	CFLights         // traffic-light icons (health)
	CFSign           // green above zero, red below (changes)
	CFTrueRed        // a true flag is bad
	CFTrueAmber      // a true flag is a warning
	CFFalseRed       // a false flag is bad (a failed data test)
	CFPositiveRed    // any count above zero is bad (rejected rows)
)

// C is a column of a kind; E a code column whose codes are toned.
func C(name string, k Kind) Col { return Col{Name: name, Kind: k} }
func E(name string) Col         { return Col{Name: name, Kind: Enum, Tones: name} }

func (c Col) Bar() Col              { c.CF = CFBar; return c }
func (c Col) Scale() Col            { c.CF = CFScale; return c }
func (c Col) With(cf CF) Col        { c.CF = cf; return c }
func (c Col) Lab(key string) Col    { c.Label = key; return c }
func (c Col) Pre(prefix string) Col { c.Prefix = prefix; return c }
func (c Col) Tone(set string) Col   { c.Tones = set; return c }
func (c Col) Hide() Col             { c.Hidden = true; return c }
func (c Col) Softly() Col           { c.Soft = true; return c }
func (c Col) Wrapped() Col          { c.Wrap = true; return c }
func (c Col) AsBadge() Col          { c.Badge = true; return c }
func (c Col) Translated() bool      { return c.Kind == Enum || c.Kind == List }
func (c Col) LabelKey() string {
	if c.Label != "" {
		return c.Label
	}
	return "col." + c.Name
}

// ValuePrefix is the key prefix translating the column's codes.
func (c Col) ValuePrefix() string {
	if c.Prefix != "" {
		return c.Prefix
	}
	return "val." + c.Name + "."
}

// Table is a report table declared as data: a titled query over marts
// and its columns. A part whose sheet is one table declares it so in the
// catalogue.
type Table struct {
	ID     string // the workbook name kam_<ID> covers it; an Excel table is Tbl_<ID>
	Title  string // i18n key
	Query  string
	Args   []any // the query's arguments (a KAM's pack: their id)
	Cols   []Col
	Freeze int // columns to freeze left of the table
}

// ABCFirst is an ORDER BY item over portfolio_mix that puts the ABC
// classes of a dimension in class order (A, B, C) whatever their revenue;
// the values of other dimensions are left to the items after it.
const ABCFirst = `case when dimension like 'abc%' then value end nulls last`
