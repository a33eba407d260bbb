package schema

import "testing"

// realExportCases are header rows of public exports from other systems
// (testdata/real): what they must map to without configuration.
var realExportCases = []mappingCase{
	{
		name: "SAP HANA EPM sales order items: dotted paths, gross with tax", kind: Sales,
		headers: split("SALESORDERID,SALESORDERITEM,PRODUCT.PRODUCTID,NOTEID,CURRENCY,GROSSAMOUNT,NETAMOUNT,TAXAMOUNT,ITEMATPSTATUS,OPITEMPOS,QUANTITY,QUANTITYUNIT,DELIVERYDATE"),
		want: map[string]string{
			"invoice_id": "SALESORDERID", "line_no": "SALESORDERITEM", "product_id": "PRODUCT.PRODUCTID",
			"currency": "CURRENCY", "gross_amount": "GROSSAMOUNT", "net_amount": "NETAMOUNT",
			"tax_amount": "TAXAMOUNT", "quantity": "QUANTITY",
		},
		unused: split("NOTEID,ITEMATPSTATUS,OPITEMPOS,QUANTITYUNIT,DELIVERYDATE"),
	},
	{
		name: "SAP HANA EPM sales order headers: partner path, lifecycle status", kind: Invoices,
		headers: split("SALESORDERID,HISTORY.CREATEDBY.EMPLOYEEID,HISTORY.CREATEDAT,HISTORY.CHANGEDBY.EMPLOYEEID,HISTORY.CHANGEDAT,NOTEID,PARTNER.PARTNERID,CURRENCY,GROSSAMOUNT,NETAMOUNT,TAXAMOUNT,LIFECYCLESTATUS,BILLINGSTATUS,DELIVERYSTATUS"),
		want: map[string]string{
			"invoice_id": "SALESORDERID", "invoice_date": "HISTORY.CREATEDAT", "account_id": "PARTNER.PARTNERID",
			"currency": "CURRENCY", "status": "LIFECYCLESTATUS",
		},
	},
	{
		name: "SAP HANA EPM employees: the name in two parts", kind: KAMs,
		headers: split("EMPLOYEEID,NAME.FIRST,NAME.MIDDLE,NAME.LAST,NAME.INITIALS,SEX,LANGUAGE,PHONENUMBER,EMAILADDRESS,LOGINNAME"),
		want: map[string]string{
			"kam_id": "EMPLOYEEID", "first_name": "NAME.FIRST", "last_name": "NAME.LAST",
		},
	},
	{
		name: "SAP CAP code-list associations end in _code", kind: Sales,
		headers:  split("BookingUUID,to_Travel_TravelUUID,BookingID,BookingDate,to_Customer_CustomerID,FlightPrice,CurrencyCode_code,BookingStatus_code"),
		explicit: map[string]string{"invoice_id": "to_Travel_TravelUUID", "net_amount": "FlightPrice"},
		want: map[string]string{
			"invoice_id": "to_Travel_TravelUUID", "net_amount": "FlightPrice",
			"currency": "CurrencyCode_code", "status": "BookingStatus_code",
		},
		// The passenger (to_Customer_CustomerID) is no account: an
		// association path is not taken for its target's key.
		unused: split("BookingUUID,BookingID,BookingDate,to_Customer_CustomerID"),
	},
	{
		name: "council spend over 500: supplier as the account", kind: Sales,
		headers: split("Body Name,Organisational Unit,Expenditure Category,Expenditure Code,Paid Date,Trans No,Amount,Type,Supplier ID,Supplier Name "),
		want: map[string]string{
			"invoice_id": "Trans No", "invoice_date": "Paid Date", "net_amount": "Amount",
			"account_id": "Supplier ID", "account_name": "Supplier Name ",
			// Revenue or Capital: read as the document type, which says no
			// credit note, so the lines count as written.
			"document_type": "Type",
		},
	},
	{
		name: "a customer beats a supplier", kind: Sales,
		headers: split("Factura,Fecha,Proveedor,Cliente,Importe"),
		want: map[string]string{
			"invoice_id": "Factura", "invoice_date": "Fecha", "account_id": "Cliente", "net_amount": "Importe",
		},
		unused: split("Proveedor"),
	},
}

// A Salesforce data-plan account export has no Id: its name is the key,
// and NumberOfEmployees (a count) is no other key that would forbid it.
func TestSalesforceAccountsWithoutID(t *testing.T) {
	t.Parallel()
	checkMapping(t, mappingCase{
		name: "salesforce accounts without id", kind: Accounts,
		headers: split("name,phone,fax,website,type,industry,NumberOfEmployees,annualrevenue,billingcity,billingstate,billingcountry"),
		preset:  "salesforce",
		want: map[string]string{
			"account_id": "name", "account_name": "name", "industry": "industry",
			"region": "billingstate", "country": "billingcountry",
		},
	})
}

func TestSAPSpendAndCRMHeaders(t *testing.T) {
	t.Parallel()
	for _, tc := range realExportCases {
		t.Run(tc.name, func(t *testing.T) { checkMapping(t, tc) })
	}
}

func TestPathTail(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"PARTNER.PARTNERID":            "PARTNERID",
		"HISTORY.CREATEDBY.EMPLOYEEID": "EMPLOYEEID",
		"CurrencyCode_code":            "CurrencyCode",
		"TravelStatus_code":            "TravelStatus",
		"Tax_code":                     "",
		"to_Agency_AgencyID":           "",
		"Est. revenue":                 "",
		"Nº.":                          "",
		"Cód. Cliente":                 "",
		"Importe":                      "",
		".hidden":                      "",
		"A..B":                         "",
		"2024.Q1":                      "",
	} {
		if got := pathTail(in); got != want {
			t.Errorf("pathTail(%q) = %q, want %q", in, got, want)
		}
	}
}
