package warehouse

import "testing"

func TestCSVSafe(t *testing.T) {
	t.Parallel()
	cases := map[string]string{
		"=HYPERLINK(\"http://x\",\"y\")": "'=HYPERLINK(\"http://x\",\"y\")",
		"+cmd|' /C calc'!A0":             "'+cmd|' /C calc'!A0",
		"@SUM(1)":                        "'@SUM(1)",
		"-1.234,56":                      "-1.234,56",
		"-2+3":                           "'-2+3",
		"plain":                          "plain",
		"":                               "",
	}
	for in, want := range cases {
		if got := csvSafe(in); got != want {
			t.Errorf("csvSafe(%q) = %q, want %q", in, got, want)
		}
	}
}
