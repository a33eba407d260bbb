package pipeline

import (
	"os"
	"testing"
)

// assessmentFixture: the sample's people (crm/User.csv: the executive DG01,
// the director DC01, KAMs V01–V06, ids are Salesforce user ids and the ERP
// codes are aliases), a few October sales so that there is a period, and,
// with assessments, the sample's assessment file (sample-data/assessments):
// each KAM scored on the eight capabilities on 30/06/2026 by the director.
func assessmentFixture(t *testing.T, assessments bool) map[string]string {
	t.Helper()
	read := func(p string) string {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	files := map[string]string{
		"crm/User.csv": read("../sample-data/input/crm/User.csv"),
		"ventas.csv":   csvLines("invoice_id,invoice_date,account_id,net_amount", "F1,2026-10-10,A1,100"),
	}
	if assessments {
		files["rrhh/evaluaciones_kam.csv"] = read("../sample-data/assessments/evaluaciones_kam.csv")
	}
	return files
}

// TestAssessmentsInHumanResources: with the assessment file the human
// resources pillar gains its assessed half; without it that half is
// unavailable — never a pass — and names the file to add.
func TestAssessmentsInHumanResources(t *testing.T) {
	t.Parallel()
	db := runFixture(t, assessmentFixture(t, true), "2026-10", nil)
	got := rows(t, db, `select k.kam_alias, c.dimensions_assessed, c.mean_score, c.weakest_dimension, c.weakest_score, c.is_capability_on_target
		from kam_capabilities as c inner join staging.stg_kams as k using (kam_id) order by k.kam_alias`)
	kamAssertRows(t, "kam_capabilities", got,
		// 4+4+3+5+4+2+2+3 = 27 ÷ 8; collaboration and training tie at 2: by name.
		"V01 | 8 | 3.375 | collaboration | 2 | false",
		"V02 | 8 | 3.125 | negotiation | 2 | false", // 25 ÷ 8
		"V03 | 8 | 3.75 | negotiation | 3 | true",   // 30 ÷ 8; 3s: negotiation, training
		"V04 | 8 | 3.75 | flexibility | 3 | true",   // 30 ÷ 8; 3s: industry knowledge, flexibility
		"V05 | 8 | 3.375 | collaboration | 3 | false",
		"V06 | 8 | 3.75 | customer_knowledge | 3 | true")
	got = rows(t, db, `select indicator, value, status, missing_input from congruence_scorecard
		where indicator in ('kams_assessed_share', 'kams_capabilities_on_target_share') order by indicator_order`)
	kamAssertRows(t, "assessed", got,
		"kams_assessed_share | 1 | green | NULL",               // 6 of 6 KAMs (DG01 and DC01 are not KAMs)
		"kams_capabilities_on_target_share | 0.5 | red | NULL") // 3 of 6 reach 3.5

	db = runFixture(t, assessmentFixture(t, false), "2026-10", nil)
	got = rows(t, db, `select indicator, coalesce(cast(value as varchar), 'NULL'), status, missing_input from congruence_scorecard
		where indicator in ('kams_assessed_share', 'kams_capabilities_on_target_share') order by indicator_order`)
	kamAssertRows(t, "without assessments", got,
		"kams_assessed_share | NULL | unavailable | assessments",
		"kams_capabilities_on_target_share | NULL | unavailable | assessments")
	if got := one(t, db, `select count(*) from kam_capabilities where mean_score is not null or is_capability_on_target is not null
		or not list_contains(unavailable_inputs, 'assessments')`); got != "0" {
		t.Errorf("without an assessment file %s KAMs have an assessment figure or do not list assessments as unavailable", got)
	}
}
