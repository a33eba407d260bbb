package generator

import (
	"math"
	"strconv"
)

// Salesforce Data Loader exports. The CRM knows customers by their 18-character
// Id; AccountNumber is the ERP code that the sales lines carry, and a user's
// EmployeeNumber is the rep code of the ERP's Comercial column.

var accountHeader = []string{"Id", "Name", "ParentId", "Type", "Industry", "OwnerId", "CurrencyIsoCode",
	"BillingCountry", "BillingState", "AccountNumber", "Key_Account__c", "Segment__c", "Wallet_Estimate__c",
	"Strategic_Fit__c", "Market_Influence__c", "Relationship_Stage__c", "Customer_Since__c"}

// writeAccounts writes crm/Account.csv. The key account flag sits on the
// group's parent, which is the key account; the wallet estimate sits on
// the accounts that buy, in their currency. A key account whose KAM left
// keeps a blank owner.
func (w *world) writeAccounts(dir string) (File, error) {
	t, err := createTable(dir, "crm/Account.csv", "accounts", w.loc.crm)
	if err != nil {
		return File{}, err
	}
	t.header(accountHeader...)
	last := w.cal.n - 1
	for i := range w.accounts {
		a := &w.accounts[i]
		seg := &segments[a.seg]
		t.str(a.sfid)
		t.str(a.name)
		if a.parent >= 0 {
			t.str(w.accounts[a.parent].sfid)
		} else {
			t.empty()
		}
		if seg.channel {
			t.str("Customer - Channel")
		} else {
			t.str("Customer - Direct")
		}
		t.str(a.industry)
		if a.kam >= 0 {
			t.str(w.people[a.kam].sfid)
		} else {
			t.empty()
		}
		t.str(a.cur)
		t.str(regions[a.region].country.name)
		t.str(regions[a.region].name)
		t.str(a.code)
		t.str(strconv.FormatBool(a.key))
		t.str(seg.name)
		if a.wallet > 0 {
			t.money(int64(roundTo(a.wallet/w.fx.rate(a.cur, last), 1000))*100, false, false)
		} else {
			t.empty()
		}
		score(t, a.fit)
		score(t, a.infl)
		t.str(stages[a.stage])
		t.date(a.since)
		if err := t.end(); err != nil {
			return File{}, err
		}
	}
	return t.info(), t.finish()
}

func score(t *table, v int) {
	if v == 0 {
		t.empty()
		return
	}
	t.int(int64(v))
}

// writeUsers writes crm/User.csv: the executive, the key account director
// and the KAMs, with their fully loaded cost and yearly capacity.
func (w *world) writeUsers(dir string) (File, error) {
	t, err := createTable(dir, "crm/User.csv", "kams", w.loc.crm)
	if err != nil {
		return File{}, err
	}
	t.header("Id", "Name", "Title", "ManagerId", "EmployeeNumber", "Annual_Cost__c", "Capacity_Hours__c")
	for _, p := range w.people {
		t.str(p.sfid)
		t.str(p.name)
		t.str(p.title)
		if p.manager >= 0 {
			t.str(w.people[p.manager].sfid)
		} else {
			t.empty()
		}
		t.str(p.code)
		t.money(int64(math.Round(p.cost*100)), false, false)
		t.int(1600)
		if err := t.end(); err != nil {
			return File{}, err
		}
	}
	return t.info(), t.finish()
}
