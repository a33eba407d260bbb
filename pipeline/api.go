package pipeline

import (
	"kam/i18n"
	"kam/pipeline/config"
	"kam/pipeline/ingest"
	"kam/pipeline/warehouse"
)

// What the command and the reports use of the stages, under the names of
// the pipeline: the configuration, the warehouse and its data tests, and the
// ingest's errors and path rules.
type (
	Config         = config.Config
	FileRule       = config.FileRule
	DuckDBSettings = config.DuckDBSettings
	Param          = config.Param

	Warehouse   = warehouse.Warehouse
	Progress    = warehouse.Progress
	NoProgress  = warehouse.NoProgress
	CheckResult = warehouse.CheckResult
	ChecksError = warehouse.ChecksError

	FileAccounting   = warehouse.FileAccounting
	Conflict         = warehouse.Conflict
	RejectLimitError = warehouse.RejectLimitError
	ReasonCount      = warehouse.ReasonCount

	FileError = ingest.FileError

	Model = warehouse.Model
)

var (
	DefaultParams = config.DefaultParams
	Encodings     = config.Encodings
	DefaultConfig = config.DefaultConfig

	OpenWarehouse      = warehouse.OpenWarehouse
	CheckWarehouseFile = warehouse.CheckWarehouseFile
	ErrInUse           = warehouse.ErrInUse
	StopPoints         = warehouse.StopPoints

	// The model graph (kam graph).
	AllModels = warehouse.AllModels
	GraphText = warehouse.GraphText
	Mermaid   = warehouse.Mermaid
	WithGraph = warehouse.WithGraph

	RealPath = ingest.RealPath
	Within   = ingest.Within
)

// Printable shows a file name or value on a console as its characters
// really are (see i18n.Printable).
func Printable(s string) string { return i18n.Printable(s) }
