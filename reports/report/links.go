package report

// Link is where a table cell of column col links, relative to the period
// folder: an account_name cell to the key account's page (by the row's
// account_id), a kam_name cell to the KAM's pack (by kam_id) — its HTML
// page (ext "html") or its workbook ("xlsx"); "" when the row has none.
// Every table of both reports links so, declared here once.
func (m Meta) Link(col, ext string, row func(string) any) string {
	id := func(c string) string { s, _ := row(c).(string); return s }
	switch col {
	case "account_name":
		return m.Links.Account(id("account_id"))
	case "kam_name":
		if ext == "xlsx" {
			return m.Links.KAMXLSX(id("kam_id"))
		}
		return m.Links.KAMHTML(id("kam_id"))
	}
	return ""
}
