// Package queries holds kam's SQL models and data tests; see README.md.
package queries

import "embed"

// FS holds the layers (staging, intermediate, marts, history) and the checks.
//
//go:embed staging intermediate marts history checks
var FS embed.FS

// Macros creates the macros the models share (shared_score, hhi, …); run it
// before the models.
//
//go:embed macros.sql
var Macros string
