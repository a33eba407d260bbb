package i18n

// SheetIDs are the workbook's sheets in reports.md's order; sheet.<id> is
// each sheet's name (Excel: at most 31 characters, none of []:*?/\).
var SheetIDs = []string{
	"summary", "key_accounts", "profitability", "growth", "portfolio", "selection",
	"kams", "plan", "retention", "data_quality", "definitions",
}

// SectionIDs are the HTML report's sections in reports.md's order;
// section.<id> is each section's title.
var SectionIDs = []string{
	"summary", "matrix", "profitability", "concentration", "growth", "plan",
	"kams", "retention", "data_quality",
}
