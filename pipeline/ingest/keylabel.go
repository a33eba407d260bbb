package ingest

import (
	"regexp"
	"slices"
	"strings"

	"kam/pipeline/ingest/schema"
)

// classWords start or end the header of an account's classification
// ("Tipo de cuenta", "Account type", "Tier", "Clasificación").
var classWords = []string{"tipo", "type", "tier", "clase", "class", "categoria", "category", "clasificacion", "classification", "nivel", "level", "cartera", "portfolio"}

// keyLabel matches a classification value that names a key account
// ("Cuenta clave", "Key account", "KAM", "Clave").
var keyLabel = regexp.MustCompile(`(^|\s)(clave|key|kam)(\s|$)`)

// keyAccountLabel: an accounts file without a key-account flag whose
// classification column says which accounts are key ("Tipo de cuenta":
// Cuenta clave / Normal / Estratégica): that column is the flag, a value
// naming a key account is true, any other false. Only a column whose header
// says it classifies, with at most 20 values among which some name a key
// account and some do not. It returns the values that name one.
func keyAccountLabel(k schema.Kind, m *schema.Mapping, header []string, sample func(int) ([]string, error)) ([]string, error) {
	if k.Name != schema.Accounts {
		return nil, nil
	}
	if i, ok := m.Columns["account_type"]; ok {
		// Its name alone ("Account Type") says nothing of key accounts
		// (Salesforce's Type is Prospect, Customer…): only its values may.
		delete(m.Columns, "account_type")
		m.Unused = append(m.Unused, i)
	}
	if _, ok := m.Columns["is_key_account"]; ok {
		return nil, nil
	}
	used := map[int]bool{}
	for _, i := range m.Columns {
		used[i] = true
	}
	for i, h := range header {
		if used[i] || !slices.ContainsFunc(strings.Fields(schema.Normalize(h)), func(w string) bool { return slices.Contains(classWords, w) }) {
			continue
		}
		values, err := sample(i)
		if err != nil {
			return nil, err
		}
		distinct := map[string]bool{}
		var key []string
		other := false
		for _, v := range values {
			n := schema.Normalize(v)
			if n == "" || distinct[n] {
				continue
			}
			distinct[n] = true
			if keyLabel.MatchString(n) {
				key = append(key, v)
			} else {
				other = true
			}
		}
		if len(key) > 0 && other && len(distinct) <= 20 {
			m.Columns["account_type"] = i
			m.Unused = slices.DeleteFunc(m.Unused, func(u int) bool { return u == i })
			return key, nil
		}
	}
	return nil, nil
}

// keyLabelSQL is the flag of a classification value: true when it names a
// key account, NULL when blank.
func keyLabelSQL(v string) string {
	return "(case when nullif(trim(" + v + "), '') is null then null else regexp_matches(lower(strip_accents(" + v + ")), '(^|[^a-z])(clave|key|kam)([^a-z]|$)') end)"
}
