// Package queries holds kam's SQL models and data tests; see README.md.
package queries

import "embed"

// FS holds the layers: staging, intermediate, marts and checks.
//
//go:embed staging intermediate marts checks
var FS embed.FS
