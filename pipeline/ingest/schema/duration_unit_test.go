package schema

import "testing"

// TestDurationUnitInHeader: a duration whose header ends in its unit is
// read in that unit, whatever words name the duration; without the unit
// rule "Duration (s)" fed nothing and every call lasted no time.
func TestDurationUnitInHeader(t *testing.T) {
	t.Parallel()
	for header, want := range map[string]string{
		"Duration (s)":       "duration_seconds",
		"Tiempo (seg)":       "duration_seconds",
		"Duration secs":      "duration_seconds",
		"Duración (minutos)": "duration_minutes",
		"Time spent (min)":   "duration_minutes",
		"Duration (hrs)":     "duration_hours",
	} {
		m, err := Map("actividades.csv", Activities, []string{"Fecha", "Cliente", header}, nil)
		if err != nil {
			t.Errorf("%q: %v", header, err)
			continue
		}
		if i, ok := m.Columns[want]; !ok || i != 2 {
			t.Errorf("%q: mapping %v, want it as %s", header, m.Columns, want)
		}
	}
}
