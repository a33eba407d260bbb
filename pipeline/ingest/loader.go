package ingest

import (
	"kam/pipeline/warehouse"
)

// loader is the warehouse as the ingest uses it: the connection that files
// are read into, inside the run's open transaction.
type loader struct{ *warehouse.Warehouse }

// The warehouse's quoting, for the SQL the ingest writes.
var (
	sqlString = warehouse.QuoteString
	sqlIdent  = warehouse.QuoteIdent
)
