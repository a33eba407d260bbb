package schema

import (
	"database/sql"
	"testing"
)

// A closed stage is read by its outcome word in any of the languages
// listed, an open one says nothing, and DuckDB agrees with Go on each.
func TestStageOutcome(t *testing.T) {
	t.Parallel()
	cases := map[string]string{
		"Closed Won": "won", "Closed-Lost to Competition": "lost", "Cierre ganado": "won",
		"Cierre perdido": "lost", "Geschlossen und gewonnen": "won", "Geschlossen und verloren": "lost",
		"Fermée/Gagnée": "won", "Fermée perdue": "lost", "Fechado/Ganho": "won", "Chiusa persa": "lost",
		"Gesloten gewonnen": "won", "Abandoned": "lost", "Outsold": "lost",
		"Negotiation/Review": "", "Proposal Made": "", "Won/Lost review": "", "Lost-and-found": "lost",
		"Wonderful": "", "Lostock": "", "": "", "Contrato enviado": "",
	}
	db, err := sql.Open("duckdb", "")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for raw, want := range cases {
		got, ok := StageOutcome(raw)
		if got != want || ok != (want != "") {
			t.Errorf("StageOutcome(%q) = %q, %v; want %q", raw, got, ok, want)
		}
		var s sql.NullString
		if err := db.QueryRow("SELECT "+StageOutcomeSQL("v")+" FROM (SELECT ?::VARCHAR AS v)", raw).Scan(&s); err != nil {
			t.Fatal(err)
		}
		if s.String != want || s.Valid != (want != "") {
			t.Errorf("StageOutcomeSQL(%q) = %v; want %q", raw, s, want)
		}
	}
}
