package ingest

import (
	"strings"
	"testing"

	"kam/pipeline/ingest/schema"
)

// TestKeyAccountLabel: a classification column is the key-account flag
// only when some of its values name a key account; a column named like
// one (Salesforce's Account Type) is not mapped by its name alone.
func TestKeyAccountLabel(t *testing.T) {
	t.Parallel()
	k, _ := schema.KindByName(schema.Accounts)
	for _, tc := range []struct {
		headers string
		values  []string
		want    string // the header read as account_type, "" for none
	}{
		{"Código,Nombre,Tipo de cuenta", []string{"Cuenta clave", "Normal", "Normal"}, "Tipo de cuenta"},
		{"Id,Name,Account Type", []string{"Customer - Direct", "Prospect"}, ""},
		{"Id,Name,Account Type", []string{"Key Account", "Standard"}, "Account Type"},
		{"Id,Name,Notes", []string{"key contact", "none"}, ""},
	} {
		header := strings.Split(tc.headers, ",")
		m, _ := schema.Map("accounts.csv", schema.Accounts, header, nil)
		if _, err := keyAccountLabel(k, &m, header, func(int) ([]string, error) { return tc.values, nil }); err != nil {
			t.Fatal(err)
		}
		got := ""
		if i, ok := m.Columns["account_type"]; ok {
			got = header[i]
		}
		if got != tc.want {
			t.Errorf("%s %q: account_type from %q, want %q", tc.headers, tc.values, got, tc.want)
		}
	}
}
