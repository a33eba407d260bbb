package ingest

import "testing"

func TestIsWrittenDuration(t *testing.T) {
	for v, want := range map[string]bool{
		"01:30": true, "0:45:00": true, "1h 30m": true, "2 h": true, "90 min": true, "1,5 horas": true,
		"45 mins": true, "1.5h": true, "1 hour": true,
		"1,5": false, "90": false, "h": false, "m": false, "": false, "1:75": false, "Reunión": false,
	} {
		if got := isWrittenDuration(v); got != want {
			t.Errorf("isWrittenDuration(%q) = %v, want %v", v, got, want)
		}
	}
}
