package schema

import (
	"database/sql"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	_ "github.com/duckdb/duckdb-go/v2"
)

type enumCase struct {
	kind, column, raw, want string // want "" means not ok
}

var enumCases = []enumCase{
	{Activities, "activity_type", "Reunión", "meeting"},
	{Activities, "activity_type", "REUNION", "meeting"},
	{Activities, "activity_type", "Meeting", "meeting"},
	{Activities, "activity_type", "Visita", "visit"},
	{Activities, "activity_type", "Llamada", "call"},
	{Activities, "activity_type", "Call", "call"},
	{Activities, "activity_type", "Correo", "email"},
	{Activities, "activity_type", "email", "email"},
	{Activities, "activity_type", "E-mail", "email"},
	{Activities, "activity_type", "ListEmail", "email"},
	{Activities, "activity_type", "Propuesta", "proposal"},
	{Activities, "activity_type", "Oferta", "proposal"},
	{Activities, "activity_type", "Revisión", "review"},
	{Activities, "activity_type", "QBR", "review"},
	{Activities, "activity_type", "Business Review", "review"},
	{Activities, "activity_type", "Reunión de revisión trimestral", "review"},
	{Activities, "activity_type", "Visita a planta", "visit"},
	{Activities, "activity_type", "Task", "other"},
	{Activities, "activity_type", "Comida con cliente", "other"},
	{Activities, "activity_type", "  ", ""},
	{Activities, "activity_type", "", ""},
	{ServiceCosts, "cost_type", "Logística", "logistics"},
	{ServiceCosts, "cost_type", "Transporte urgente", "logistics"},
	{ServiceCosts, "cost_type", "Flete", "logistics"},
	{ServiceCosts, "cost_type", "Envío", "logistics"},
	{ServiceCosts, "cost_type", "Soporte", "support"},
	{ServiceCosts, "cost_type", "Servicio técnico", "support"},
	{ServiceCosts, "cost_type", "Asistencia", "support"},
	{ServiceCosts, "cost_type", "Support", "support"},
	{ServiceCosts, "cost_type", "Rappel", "rebate"},
	{ServiceCosts, "cost_type", "Bonificación", "rebate"},
	{ServiceCosts, "cost_type", "Rebate", "rebate"},
	{ServiceCosts, "cost_type", "Marketing", "marketing"},
	{ServiceCosts, "cost_type", "Promoción", "marketing"},
	{ServiceCosts, "cost_type", "Co-marketing", "marketing"},
	{ServiceCosts, "cost_type", "Seguros", "other"},
	{KAMs, "role", "KAM", "kam"},
	{KAMs, "role", "Gestor", "kam"},
	{KAMs, "role", "Gerente de Cuentas Clave", "kam"}, // the seed's term
	{KAMs, "role", "Gerente General", "executive"},
	{KAMs, "role", "Alta Dirección", "executive"},
	{KAMs, "role", "Key Account Manager", "kam"},
	{KAMs, "role", "Senior Key Account Manager", "kam"},
	{KAMs, "role", "Account Manager", "kam"},
	{KAMs, "role", "Account Executive", "kam"},
	{KAMs, "role", "Director", "director"},
	{KAMs, "role", "KAD", "director"},
	{KAMs, "role", "Key Account Director", "director"},
	{KAMs, "role", "Director de cuentas clave", "director"},
	{KAMs, "role", "Director Comercial Zona Norte", "director"},
	{KAMs, "role", "CEO", "executive"},
	{KAMs, "role", "Dirección General", "executive"},
	{KAMs, "role", "Director General Iberia", "executive"},
	{KAMs, "role", "Executive", "executive"},
	{KAMs, "role", "Ejecutivo", "executive"},
	{KAMs, "role", "VP Sales", "executive"},
	{KAMs, "role", "Becario", "other"},
	{Accounts, "relationship_stage", "Exploratoria", "exploratory"},
	{Accounts, "relationship_stage", "básica", "basic"},
	{Accounts, "relationship_stage", "Cooperativa", "cooperative"},
	{Accounts, "relationship_stage", "Interdependiente", "interdependent"},
	{Accounts, "relationship_stage", "Integrada", "integrated"},
	{Accounts, "relationship_stage", "Exploratory", "exploratory"},
	{Accounts, "relationship_stage", "Integrated", "integrated"},
	{Accounts, "relationship_stage", "1", "exploratory"},
	{Accounts, "relationship_stage", "2", "basic"},
	{Accounts, "relationship_stage", "3", "cooperative"},
	{Accounts, "relationship_stage", "4", "interdependent"},
	{Accounts, "relationship_stage", "5", "integrated"},
	{Accounts, "relationship_stage", "3 - Cooperativa", "cooperative"},
	{Accounts, "relationship_stage", "Desconocida", ""},
	{Accounts, "relationship_stage", "0", ""},
	{Accounts, "relationship_stage", "12", ""},
	{Opportunities, "status", "open", "open"},
	{Opportunities, "status", "Abierta", "open"},
	{Opportunities, "status", "En curso", "open"},
	{Opportunities, "status", "Won", "won"},
	{Opportunities, "status", "Ganada", "won"},
	{Opportunities, "status", "Closed Won", "won"},
	{Opportunities, "status", "Cerrada ganada", "won"},
	{Opportunities, "status", "closedwon", "won"},
	{Opportunities, "status", "Lost", "lost"},
	{Opportunities, "status", "Perdida", "lost"},
	{Opportunities, "status", "Closed Lost", "lost"},
	{Opportunities, "status", "Cerrada perdida", "lost"},
	{Opportunities, "status", "closedlost", "lost"},
	{Opportunities, "status", "Prospecting", ""},
	{Opportunities, "status", "Negotiation/Review", ""},
	{Opportunities, "status", "Not won yet", ""},
	{Sales, "net_amount", "Reunión", ""},
	{"leads", "status", "open", ""},
}

func TestEnumValue(t *testing.T) {
	t.Parallel()
	for _, tc := range enumCases {
		got, ok := EnumValue(tc.kind, tc.column, tc.raw)
		if got != tc.want || ok != (tc.want != "") {
			t.Errorf("EnumValue(%s.%s, %q) = %q, %v; want %q", tc.kind, tc.column, tc.raw, got, ok, tc.want)
		}
	}
}

// Every Enum column of the contract has a dictionary that yields exactly
// its declared values.
func TestEnumDictionariesCoverContract(t *testing.T) {
	t.Parallel()
	for _, k := range Kinds {
		for _, c := range k.Columns {
			if c.Type != Enum {
				continue
			}
			d := enums[k.Name+"."+c.Name]
			if d == nil {
				t.Errorf("%s.%s has no dictionary", k.Name, c.Name)
				continue
			}
			got := map[string]bool{}
			for _, v := range d.exact {
				got[v] = true
				if !slices.Contains(c.Values, v) {
					t.Errorf("%s.%s yields %q, not one of %q", k.Name, c.Name, v, c.Values)
				}
			}
			for _, v := range c.Values {
				if !got[v] {
					t.Errorf("%s.%s: no phrase gives %q", k.Name, c.Name, v)
				}
			}
			if d.other != slices.Contains(c.Values, "other") {
				t.Errorf("%s.%s: other = %v", k.Name, c.Name, d.other)
			}
		}
	}
}

// enumInputs lists, for an enum column, every dictionary phrase in a few
// spellings, the hand-written cases, awkward unknowns and random noise.
func enumInputs(kind, column string, rng *rand.Rand) []string {
	var in []string
	for p := range enums[kind+"."+column].exact {
		in = append(in, p, strings.ToUpper(p), "  "+p+"\t", strings.ReplaceAll(p, " ", "-"), "x "+p, p+" y")
	}
	for _, tc := range enumCases {
		if tc.kind == kind && tc.column == column {
			in = append(in, tc.raw)
		}
	}
	in = append(in, "", " ", "---", "İSTANBUL", "Ⅸ", "ﬁnal", "\u212a", "\u212bNGSTRÖM", "naïve café",
		"1º", "e\u2011mail", "reunión\tsemanal", "Closed\u00a0Won", "CLOSED-WON", "3,0", "5.0", "ß",
		"x'y", "'; drop table t; --", "😀 call", "Ǆ", "ǅ", "ŉ", "Ω", "ΣΑΣ", "\ufeffvisita")
	alphabet := []rune("aeiouclnrstvwxkdgmpé ÉñÑ-_/'.,0123459ºİ\u00a0\u0301ßΣ")
	for range 400 {
		n := rng.IntN(14)
		var b strings.Builder
		for range n {
			b.WriteRune(alphabet[rng.IntN(len(alphabet))])
		}
		in = append(in, b.String())
	}
	return in
}

// EnumSQL must give exactly what EnumValue gives, for dictionary entries
// and unknowns alike, when DuckDB runs it.
func TestEnumSQLAgreesWithEnumValue(t *testing.T) {
	t.Parallel()
	db, err := sql.Open("duckdb", "")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	rng := rand.New(rand.NewPCG(1, 2))
	for key := range enums {
		kind, column, _ := strings.Cut(key, ".")
		t.Run(key, func(t *testing.T) {
			mustExec(t, db, "CREATE OR REPLACE TEMP TABLE t (i INTEGER, v VARCHAR)")
			in := enumInputs(kind, column, rng)
			for lo := 0; lo < len(in); lo += 200 {
				hi := min(lo+200, len(in))
				var args []any
				for i := lo; i < hi; i++ {
					args = append(args, i, in[i])
				}
				mustExec(t, db, "INSERT INTO t VALUES "+strings.Repeat("(?, ?), ", hi-lo-1)+"(?, ?)", args...)
			}
			mustExec(t, db, "INSERT INTO t VALUES (-1, NULL)")
			rows, err := db.Query("SELECT i, " + EnumSQL(kind, column, "v") + " FROM t ORDER BY i")
			if err != nil {
				t.Fatalf("%v\n%s", err, EnumSQL(kind, column, "v"))
			}
			defer rows.Close()
			n := 0
			for rows.Next() {
				var i int
				var got sql.NullString
				if err := rows.Scan(&i, &got); err != nil {
					t.Fatal(err)
				}
				n++
				if i < 0 {
					if got.Valid {
						t.Errorf("NULL input gave %q", got.String)
					}
					continue
				}
				want, ok := EnumValue(kind, column, in[i])
				if got.Valid != ok || got.String != want {
					t.Errorf("input %q: SQL %q (valid %v), Go %q (ok %v)", in[i], got.String, got.Valid, want, ok)
				}
			}
			if err := rows.Err(); err != nil {
				t.Fatal(err)
			}
			if n != len(in)+1 {
				t.Errorf("%d rows back for %d inputs", n, len(in)+1)
			}
		})
	}
}

func TestEnumSQLNonEnum(t *testing.T) {
	t.Parallel()
	db, err := sql.Open("duckdb", "")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var got sql.NullString
	if err := db.QueryRow("SELECT " + EnumSQL(Sales, "net_amount", "'x'")).Scan(&got); err != nil || got.Valid {
		t.Errorf("non-enum column: %v %v", got, err)
	}
}

func mustExec(t *testing.T, db *sql.DB, q string, args ...any) {
	t.Helper()
	if _, err := db.Exec(q, args...); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
}
