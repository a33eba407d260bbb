package pipeline

import "kam/i18n"

// Printable shows a file name or value on a console as its characters
// really are (see i18n.Printable).
func Printable(s string) string { return i18n.Printable(s) }
