package pipeline

import "kam/pipeline/show"

// Printable shows a file name or value on a console as its characters
// really are (see show.Printable).
func Printable(s string) string { return show.Printable(s) }
