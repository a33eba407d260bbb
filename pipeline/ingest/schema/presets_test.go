package schema

import "testing"

// crmPresetCases are HubSpot, Dynamics 365 and Odoo exports.
var crmPresetCases = []mappingCase{
	{
		name: "hubspot companies", kind: Accounts, preset: "hubspot",
		headers: split("Record ID,Company name,Parent Company,Industry,Country/Region,Company owner,Annual Revenue,Create Date,Lifecycle Stage"),
		want: map[string]string{
			"account_id": "Record ID", "account_name": "Company name", "parent_account_id": "Parent Company",
			"industry": "Industry", "country": "Country/Region", "kam_id": "Company owner",
		},
	},
	{
		name: "hubspot deals", kind: Opportunities, preset: "hubspot",
		headers: split("Record ID,Deal Name,Deal Stage,Amount,Close Date,Deal probability,Associated Company,Deal owner,Create Date,Pipeline"),
		want: map[string]string{
			"opportunity_id": "Record ID", "opportunity_name": "Deal Name", "stage": "Deal Stage",
			"amount": "Amount", "close_date": "Close Date", "probability": "Deal probability",
			"account_id": "Associated Company", "created_date": "Create Date",
		},
		unused: split("Deal owner,Pipeline"),
	},
	{
		name: "dynamics accounts", kind: Accounts, preset: "dynamics",
		headers: split("accountid,name,parentaccountid,ownerid,accountnumber"),
		want: map[string]string{
			"account_id": "accountnumber", "account_alias": "accountid", "account_name": "name",
			"parent_account_id": "parentaccountid", "kam_id": "ownerid",
		},
	},
	{
		name: "dynamics xlsx accounts", kind: Accounts, preset: "dynamics",
		headers: []string{"(Do Not Modify) Account", "(Do Not Modify) Row Checksum", "(Do Not Modify) Modified On", "Account Name", "Account Number", "Parent Account", "Owner"},
		want: map[string]string{
			"account_id": "Account Number", "account_name": "Account Name",
			"parent_account_id": "Parent Account", "kam_id": "Owner",
		},
		unused: []string{"(Do Not Modify) Account", "(Do Not Modify) Row Checksum", "(Do Not Modify) Modified On"},
	},
	{
		name: "dynamics opportunities", kind: Opportunities, preset: "dynamics",
		headers: split("opportunityid,name,estimatedvalue,estimatedclosedate,actualvalue,actualclosedate,closeprobability,statecode,parentaccountid,customerid,transactioncurrencyid,stepname"),
		want: map[string]string{
			"opportunity_id": "opportunityid", "opportunity_name": "name", "amount": "estimatedvalue",
			"close_date": "estimatedclosedate", "probability": "closeprobability", "state_code": "statecode",
			"account_id": "parentaccountid", "currency": "transactioncurrencyid", "stage": "stepname",
			"closed_date": "actualclosedate", // a closed deal's date
		},
		unused: split("actualvalue,customerid"),
	},
	{
		name: "odoo crm leads", kind: Opportunities, preset: "odoo",
		headers: split("id,name,partner_id,partner_id/id,expected_revenue,probability,stage_id,user_id,date_deadline,date_closed"),
		want: map[string]string{
			"opportunity_id": "id", "opportunity_name": "name", "account_id": "partner_id/id",
			"amount": "expected_revenue", "probability": "probability", "stage": "stage_id",
			"close_date": "date_deadline", "closed_date": "date_closed",
		},
		unused: split("partner_id,user_id"),
	},
	{
		name: "odoo invoices with lines", kind: Sales, preset: "odoo",
		headers: split("id,name,partner_id/id,invoice_date,invoice_user_id,currency_id,amount_untaxed,invoice_line_ids/product_id,invoice_line_ids/quantity,invoice_line_ids/price_unit,invoice_line_ids/price_subtotal"),
		want: map[string]string{
			"invoice_id": "name", "account_id": "partner_id/id", "invoice_date": "invoice_date",
			"kam_id": "invoice_user_id", "currency": "currency_id", "product_id": "invoice_line_ids/product_id",
			"quantity": "invoice_line_ids/quantity", "unit_price": "invoice_line_ids/price_unit",
			"net_amount": "invoice_line_ids/price_subtotal",
		},
		unused: split("id,amount_untaxed"),
	},
	{
		// The default export (labels, "I want to update data" off): the
		// invoice's amounts are no line's.
		name: "odoo invoices with lines, labels", kind: Sales, preset: "odoo",
		headers: split("Number,Partner,Invoice/Bill Date,Salesperson,Currency,Untaxed Amount,Total,Status,Invoice lines/Product,Invoice lines/Quantity,Invoice lines/Unit Price,Invoice lines/Subtotal"),
		want: map[string]string{
			"invoice_id": "Number", "account_id": "Partner", "invoice_date": "Invoice/Bill Date",
			"kam_id": "Salesperson", "currency": "Currency", "product_id": "Invoice lines/Product",
			"quantity": "Invoice lines/Quantity", "unit_price": "Invoice lines/Unit Price",
			"net_amount": "Invoice lines/Subtotal", "status": "Status",
		},
		unused: split("Untaxed Amount,Total"),
	},
	{
		name: "odoo partners", kind: Accounts, preset: "odoo",
		headers: split("id,name,ref,parent_id,user_id,country_id,industry_id"),
		want: map[string]string{
			"account_id": "id", "account_name": "name", "account_alias": "ref", "parent_account_id": "parent_id",
			"kam_id": "user_id", "country": "country_id", "industry": "industry_id",
		},
	}}

func TestCRMPresets(t *testing.T) {
	t.Parallel()
	for _, tc := range crmPresetCases {
		t.Run(tc.name, func(t *testing.T) { checkMapping(t, tc) })
	}
}

// presetHeaders returns the header row of a named preset case, so other
// tests reuse the realistic rows.
func presetHeaders(t *testing.T, name string) []string {
	for _, tc := range append(append([]mappingCase{}, salesforceCases...), crmPresetCases...) {
		if tc.name == name {
			return tc.headers
		}
	}
	t.Fatalf("no preset case %q", name)
	return nil
}

// A field name worth 2 in one signature must not appear in another, or
// the tie-break order, not the file, would pick the system.
func TestPresetSignaturesDistinct(t *testing.T) {
	t.Parallel()
	owner := map[string]string{}
	for _, p := range presets {
		for h, w := range p.signature {
			if w == 2 {
				owner[h] = p.name
			}
		}
	}
	for _, p := range presets {
		for h := range p.signature {
			if o, ok := owner[h]; ok && o != p.name {
				t.Errorf("%q is distinctive for %s but also in %s", h, o, p.name)
			}
		}
	}
}

// Generic files must not be taken for a CRM export.
func TestNoPresetForGenericFiles(t *testing.T) {
	t.Parallel()
	for _, h := range [][]string{
		split("Nº Factura,Fecha,Cliente,Artículo,Cantidad,Importe"),
		split("invoice_id,invoice_date,account_id,net_amount"),
		split("Cliente,Nombre,Segmento,Región,Comercial"),
		split("Id,Name"),
	} {
		if p := detectPreset(newHeaderRow(h)); p != nil {
			t.Errorf("%q detected as %s", h, p.name)
		}
	}
}
