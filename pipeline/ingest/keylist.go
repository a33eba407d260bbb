package ingest

import (
	"path"
	"slices"
	"strings"

	"kam/pipeline/ingest/parse"
	"kam/pipeline/ingest/schema"
)

// keyListPhrases name a list of key accounts in a file's or a sheet's
// name or in a header, once Normalized (accents, case and separators
// folded), in the languages kam reads exports in.
var keyListPhrases = []string{
	"key account", "keyaccount", "key customer", "key client", "strategic account", "strategic customer",
	"cuenta clave", "cuentas clave", "cliente clave", "clientes clave", "grandes cuentas", "gran cuenta",
	"cuentas estrategicas", "clientes estrategicos",
	"compte cle", "comptes cles", "client cle", "clients cles", "grands comptes", "grand compte",
	"schlusselkunde", "schlusselkunden", "schluesselkunde", "schluesselkunden", "schlusselkonto", "key accounts",
	"grosskunde", "grosskunden",
	"cliente chiave", "clienti chiave", "conto chiave", "conti chiave",
	"conta chave", "contas chave", "cliente chave", "clientes chave", "sleutelklant", "sleutelklanten",
}

// keyListColumns are the only columns a list of key accounts maps: the
// account's code, and beside it its name, its KAM or a yes/no flag. A file
// that maps anything more (a segment, a region, a potential) describes
// accounts and stays an accounts file, merged by key.
var keyListColumns = []string{"account_id", "account_name", "first_name", "last_name", "kam_id", "is_key_account", "account_type"}

// keyAccountList tells a list of key accounts from an accounts file: a
// file of kind accounts whose name, sheet or a header names key accounts
// (cuentas_clave.csv, a "Key accounts" sheet, a code column "Key
// account no.") and that maps only references to accounts
// (keyListColumns). Taken for an accounts snapshot, such a list replaced
// the master's names, segments and flags with its codes and blanks, and
// marked no account key. It returns what named the list ("" when the
// file is no such list), and the header of the column it takes for the
// list's flag by its values (keyListFlag), "" when none.
func keyAccountList(rel, sheet string, header []string, m *schema.Mapping, sample func(int) ([]string, error)) (by, flag string, err error) {
	if _, ok := m.Columns["account_id"]; !ok {
		return "", "", nil
	}
	if slices.ContainsFunc(mappedNames(*m), func(c string) bool { return !slices.Contains(keyListColumns, c) }) {
		return "", "", nil
	}
	by = keyListName(rel, sheet, header, *m)
	if by == "" {
		return "", "", nil
	}
	i, err := keyListFlag(header, *m, sample)
	if err != nil || i < 0 {
		return by, "", err
	}
	m.Columns["is_key_account"] = i
	m.Unused = slices.DeleteFunc(m.Unused, func(u int) bool { return u == i })
	return by, header[i], nil
}

// keyListName is the file's or sheet's name, or the code's or name's
// header, that names key accounts; "" when none does.
func keyListName(rel, sheet string, header []string, m schema.Mapping) string {
	base := path.Base(rel)
	if i := strings.IndexByte(base, '#'); i > 0 && sheet != "" {
		base = base[:i]
	}
	for _, name := range []string{strings.TrimSuffix(base, path.Ext(base)), sheet} {
		if namesKeyList(name) {
			return name
		}
	}
	// Only the code's and the name's headers: a flag ("Cuenta clave") or
	// a KAM ("Key Account Manager") column is in many a master.
	for _, c := range []string{"account_id", "account_name"} {
		if i, ok := m.Columns[c]; ok && namesKeyList(header[i]) {
			return header[i]
		}
	}
	return ""
}

// keyListFlag: a list of key accounts without a mapped flag whose column
// of another name ("Chiave", "Clé", "Aktiv") holds only yes/no values
// says by them which of its accounts are key: the values decide, whatever
// the header's language. The first such column; -1 when none.
func keyListFlag(header []string, m schema.Mapping, sample func(int) ([]string, error)) (int, error) {
	if _, ok := m.Columns["is_key_account"]; ok {
		return -1, nil
	}
	if _, ok := m.Columns["account_type"]; ok {
		return -1, nil
	}
	used := map[int]bool{}
	for _, i := range m.Columns {
		used[i] = true
	}
	for i := range header {
		if used[i] {
			continue
		}
		vals, err := sample(i)
		if err != nil {
			return -1, err
		}
		if len(vals) == 0 {
			continue
		}
		f := parse.DetectBool(vals)
		if !slices.ContainsFunc(vals, func(v string) bool {
			_, ok, err := parse.ParseBool(v, f)
			return !ok || err != nil
		}) {
			return i, nil
		}
	}
	return -1, nil
}

// mappedNames are the canonical columns a mapping feeds.
func mappedNames(m schema.Mapping) []string {
	out := make([]string, 0, len(m.Columns))
	for c := range m.Columns {
		out = append(out, c)
	}
	return out
}

// namesKeyList: s holds one of keyListPhrases as whole words.
func namesKeyList(s string) bool {
	// A key account manager is a person: key_account_managers.csv lists KAMs.
	n := strings.NewReplacer(" key account manager", " ", " key account managers", " ").Replace(" " + schema.Normalize(s) + " ")
	return slices.ContainsFunc(keyListPhrases, func(p string) bool { return strings.Contains(n, " "+p+" ") || strings.Contains(n, " "+p+"s ") })
}

// keyListCodes: an accounts file whose key-account header ("Cuenta clave",
// "Key account") holds codes, not yes/no, beside no code of its own (a
// name at most, which then stood for the code too) is a list of key
// accounts by their codes: read as the flag, every row was rejected, or
// the mapping failed for want of a code. The header is then the code, and
// the file a key-account list (keyAccountList). The values decide: a
// sample of which any value is not yes/no.
func keyListCodes(k schema.Kind, m *schema.Mapping, header []string, sample func(int) ([]string, error)) (bool, error) {
	i, ok := m.Columns["is_key_account"]
	if k.Name != schema.Accounts || !ok || !namesKeyList(header[i]) {
		return false, nil
	}
	if id, ok := m.Columns["account_id"]; ok && id != m.Columns["account_name"] {
		return false, nil
	}
	vals, err := sample(i)
	if err != nil || len(vals) == 0 {
		return false, err
	}
	f := parse.DetectBool(vals)
	if !slices.ContainsFunc(vals, func(v string) bool {
		_, ok, err := parse.ParseBool(v, f)
		return !ok || err != nil
	}) {
		return false, nil
	}
	delete(m.Columns, "is_key_account")
	m.Columns["account_id"] = i
	return true, nil
}
