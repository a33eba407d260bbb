package schema

import (
	"fmt"
	"slices"
	"strings"
)

// Outcome words of a deal's stage or status in the languages CRMs are used
// in, folded as enumText folds them: a closed stage names its outcome
// ("Closed-Lost to Competition", HubSpot's Spanish "Cierre ganado",
// Salesforce's German "Geschlossen und gewonnen", French "Fermée gagnée",
// Portuguese "Fechado/Ganho"). The words of an open stage say nothing
// ("Negotiation/Review", "Proposal Made").
var (
	wonWords = []string{
		"won", "ganada", "ganado", "gagne", "gagnee", "gewonnen", "vinta", "vinto", "vinte",
		"ganho", "ganha",
	}
	lostWords = []string{
		"lost", "perdida", "perdido", "perdu", "perdue", "verloren", "persa", "perso",
		"outsold", "abandoned", "abandonada", "abandonado",
	}
)

// StageOutcome reads a deal's outcome from the words of its stage or
// status: "won" or "lost" when the text holds an outcome word of one kind
// and none of the other, ok=false otherwise (an open stage, or one that
// names both).
func StageOutcome(raw string) (string, bool) {
	words := strings.Fields(enumText(raw))
	won := slices.ContainsFunc(words, func(w string) bool { return slices.Contains(wonWords, w) })
	lost := slices.ContainsFunc(words, func(w string) bool { return slices.Contains(lostWords, w) })
	switch {
	case won && !lost:
		return "won", true
	case lost && !won:
		return "lost", true
	}
	return "", false
}

// StageOutcomeSQL is StageOutcome in DuckDB over the VARCHAR expression col
// (NULL for no outcome).
func StageOutcomeSQL(col string) string {
	v := enumSQLText(col)
	re := func(words []string) string { return sqlQuote("(^| )(" + strings.Join(words, "|") + ")( |$)") }
	won := fmt.Sprintf("coalesce(regexp_matches(%s, %s), false)", v, re(wonWords))
	lost := fmt.Sprintf("coalesce(regexp_matches(%s, %s), false)", v, re(lostWords))
	return fmt.Sprintf("(CASE WHEN %[1]s AND NOT %[2]s THEN 'won' WHEN %[2]s AND NOT %[1]s THEN 'lost' END)", won, lost)
}
