// Package paths names the files of the per-KAM packs and the per-account
// pages, relative to the period folder: kams/<kam>.html and .xlsx,
// accounts/<account>.html. The main report and the workbook link to them
// and the packs writer writes them, so both take the names from here.
//
// A name is the slug of the person's or the account's name and its id, safe
// on every file system: ASCII letters, digits and dashes only (accents
// folded, slashes and other signs made dashes), at most 80 characters, never
// a name Windows reserves (CON, NUL, COM1…). An id the slug cannot keep as
// it is (a slash, an accent, a character dropped) gains a short hash of the
// id, and so do names that would differ only by case (Windows and macOS
// would take them for one file), so two ids never share a file.
package paths

import (
	"context"
	"database/sql"
	"fmt"
	"hash/fnv"
	"sort"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Source is where the names are read: the run's warehouse.
type Source interface {
	Query(ctx context.Context, q string, args ...any) (*sql.Rows, error)
}

// ChartLibrary is the chart library the packs and pages load, written once
// per period folder (the main report inlines its own copy).
const ChartLibrary = "assets/echarts.min.js"

// Paths maps ids to the files of their pack or page, relative to the
// period folder, with forward slashes (they are also links).
type Paths struct {
	kam     map[string]string // kam_id → kams/<stem>
	account map[string]string // account_id → accounts/<stem>.html
}

// Item is an id and the name shown for it.
type Item struct{ ID, Name string }

// KAMHTML is the KAM's HTML pack ("" when the KAM has none).
func (p Paths) KAMHTML(id string) string { return suffixed(p.kam[id], ".html") }

// KAMXLSX is the KAM's workbook pack ("" when the KAM has none).
func (p Paths) KAMXLSX(id string) string { return suffixed(p.kam[id], ".xlsx") }

// Account is the key account's page ("" for an account without one).
func (p Paths) Account(id string) string { return p.account[id] }

// KAMs are the KAMs with a pack, by id.
func (p Paths) KAMs() []string { return keys(p.kam) }

// Accounts are the accounts with a page, by id.
func (p Paths) Accounts() []string { return keys(p.account) }

func suffixed(s, ext string) string {
	if s == "" {
		return ""
	}
	return s + ext
}

func keys(m map[string]string) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// New names the packs of kams and the pages of accounts.
func New(kams, accounts []Item) Paths {
	p := Paths{kam: map[string]string{}, account: map[string]string{}}
	for id, stem := range Stems(kams) {
		p.kam[id] = "kams/" + stem
	}
	for id, stem := range Stems(accounts) {
		p.account[id] = "accounts/" + stem + ".html"
	}
	return p
}

// Queries: a pack for every KAM (role kam) and for anyone else who owns
// portfolio units; a page for every key account.
const (
	kamQuery     = `select kam_id, coalesce(kam_name, kam_id) from main.kam_performance where role = 'kam' or accounts > 0`
	accountQuery = `select account_id, coalesce(account_name, account_id) from main.account_health where is_key_account`
)

// Read names the packs and pages of the run's marts.
func Read(ctx context.Context, src Source) (Paths, error) {
	kams, err := items(ctx, src, kamQuery)
	if err != nil {
		return Paths{}, err
	}
	accounts, err := items(ctx, src, accountQuery)
	if err != nil {
		return Paths{}, err
	}
	return New(kams, accounts), nil
}

func items(ctx context.Context, src Source, q string) ([]Item, error) {
	rows, err := src.Query(ctx, q)
	if err != nil {
		return nil, fmt.Errorf("read the names of the packs: %w", err)
	}
	defer rows.Close()
	var out []Item
	for rows.Next() {
		var it Item
		if err := rows.Scan(&it.ID, &it.Name); err != nil {
			return nil, err
		}
		out = append(out, it)
	}
	return out, rows.Err()
}

const (
	maxName = 48 // characters of the name's slug
	maxID   = 24 // characters of the id's slug
)

// Stems gives each item a file stem, unique among them even on a file
// system that ignores case.
func Stems(items []Item) map[string]string {
	stems := make(map[string]string, len(items))
	byFold := map[string][]string{}
	for _, it := range items {
		name := slug(it.Name, true, maxName)
		id := slug(it.ID, false, maxID)
		var s string
		switch {
		case name == "" && id == "":
			s = "x"
		case name == "":
			s = id
		case id == "":
			s = name
		default:
			s = name + "-" + id
		}
		if id != it.ID { // the id lost characters: another id may slug the same
			s += "-" + hash(it.ID)
		}
		stems[it.ID] = s
		byFold[strings.ToLower(s)] = append(byFold[strings.ToLower(s)], it.ID)
	}
	for _, ids := range byFold {
		if len(ids) < 2 {
			continue
		}
		for _, id := range ids {
			if !strings.HasSuffix(stems[id], "-"+hash(id)) {
				stems[id] += "-" + hash(id)
			}
		}
	}
	for id, s := range stems {
		if reserved(s) {
			stems[id] = s + "-"
		}
	}
	return stems
}

// slug keeps ASCII letters and digits (accents folded: Núñez → Nunez),
// turns every run of other characters into one dash, and cuts at max.
func slug(s string, lower bool, max int) string {
	var b strings.Builder
	dash := false
	for _, r := range norm.NFKD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r): // the accent of a folded letter
			continue
		case r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			if lower {
				r = unicode.ToLower(r)
			}
			b.WriteRune(r)
		default:
			dash = true
		}
		if b.Len() >= max {
			break
		}
	}
	out := b.String()
	if len(out) > max {
		out = out[:max]
	}
	return strings.TrimRight(out, "-")
}

func hash(s string) string {
	h := fnv.New32a()
	h.Write([]byte(s))
	return fmt.Sprintf("%08x", h.Sum32())
}

// reserved reports whether Windows refuses s as a file name (with any extension).
func reserved(s string) bool {
	switch l := strings.ToLower(s); l {
	case "con", "prn", "aux", "nul":
		return true
	default:
		return len(l) == 4 && (strings.HasPrefix(l, "com") || strings.HasPrefix(l, "lpt")) && l[3] >= '1' && l[3] <= '9'
	}
}
