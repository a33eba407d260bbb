package schema

// hubspotPreset reads HubSpot company and deal exports, in English and
// Spanish. "Associated Company" may hold "Name (ID)": it is mapped as it is,
// and staging.stg_account_keys finds the account by the id in brackets.
var hubspotPreset = preset{
	name: "hubspot",
	signature: sig(
		"Record ID", "ID de registro", "Company name", "Nombre de la empresa", "Parent Company",
		"Country/Region", "País/región", "Company owner", "Propietario de la empresa",
		"Deal Name", "Nombre del negocio", "Deal Stage", "Etapa del negocio", "Deal probability",
		"Probabilidad del negocio", "Associated Company", "Empresa asociada", "Deal owner",
		"Propietario del negocio", "Is Closed Won", "Is Deal Closed?",
		"=Create Date", "=Annual Revenue", "=Pipeline", "=Close Date",
		// Internal property names, as the API and export tools write them.
		"hs_object_id", "dealname", "dealstage", "=closedate", "hubspot_owner_id",
		"hs_deal_stage_probability", "associatedcompanyid", "=createdate", "=pipeline",
	),
	rules: map[string][]rule{
		Accounts: {
			r("account_id", "Record ID", "Company ID", "ID de registro", "hs_object_id"),
			r("account_name", "Company name", "Nombre de la empresa", "Name"),
			r("parent_account_id", "Parent Company ID", "Parent Company", "Empresa matriz"),
			r("industry", "Industry", "Sector"),
			r("country", "Country/Region", "País/región"),
			r("region", "State/Region", "Estado/región"),
			r("kam_id", "Company owner", "HubSpot Owner", "Propietario de la empresa"),
		},
		Opportunities: {
			r("opportunity_id", "Record ID", "Deal ID", "ID de registro", "hs_object_id"),
			r("opportunity_name", "Deal Name", "Nombre del negocio", "dealname"),
			r("stage", "Deal Stage", "Etapa del negocio", "dealstage"),
			r("amount", "Amount", "Importe", "Amount in company currency"),
			r("close_date", "Close Date", "Fecha de cierre", "closedate"),
			r("probability", "Deal probability", "Probabilidad del negocio", "hs_deal_stage_probability"),
			r("account_id", "Associated Company ID", "Associated Company IDs", "Associated Company", "Empresa asociada", "associatedcompanyid"),
			r("created_date", "Create Date", "Fecha de creación", "createdate"),
			r("is_won", "Is Closed Won"),
			r("is_closed", "Is Deal Closed?", "Is Closed"),
			r("currency", "Deal currency code", "Currency"),
		},
	},
}

// dynamicsPreset reads Dynamics 365 exports by logical name (accountid,
// estimatedvalue, …) and the display names its Excel export uses for
// opportunities. As for Salesforce, the account number (the ERP code) is
// the key when present and the GUID becomes the alias.
var dynamicsPreset = preset{
	name: "dynamics",
	signature: sig(
		"parentaccountid", "estimatedvalue", "estimatedclosedate", "actualvalue",
		"actualclosedate", "closeprobability", "statecode", "statuscode", "customerid",
		"transactioncurrencyid", "stepname", "createdon", "modifiedon", "systemuserid",
		"parentsystemuserid", "regardingobjectid", "activitytypecode", "actualdurationminutes",
		"address1_country", "address1_stateorprovince", "industrycode", "Est. Revenue",
		"Est. Close Date", "Potential Customer",
		"=accountid", "=ownerid", "=accountnumber", "=opportunityid", "=fullname", "=activityid",
	),
	extra: hasDoNotModify,
	rules: map[string][]rule{
		Accounts: {
			r("account_id", "accountnumber", "Account Number", "accountid"),
			r("account_alias", "accountid"),
			r("account_name", "name", "Account Name"),
			r("parent_account_id", "parentaccountid", "Parent Account"),
			r("kam_id", "ownerid", "Owner"),
			r("currency", "transactioncurrencyid", "Currency"),
			r("country", "address1_country", "Address 1: Country/Region"),
			r("region", "address1_stateorprovince", "Address 1: State/Province"),
			r("industry", "industrycode", "Industry"),
		},
		Opportunities: {
			r("opportunity_id", "opportunityid"),
			r("opportunity_name", "name", "Topic"),
			r("account_id", "parentaccountid", "customerid", "Potential Customer", "Account"),
			r("amount", "estimatedvalue", "Est. Revenue", "actualvalue", "Actual Revenue"),
			r("close_date", "estimatedclosedate", "Est. Close Date", "Close Date", "actualclosedate", "Actual Close Date"),
			r("closed_date", "actualclosedate", "Actual Close Date"),
			r("probability", "closeprobability", "Probability"),
			r("state_code", "statecode", "Status"),
			r("stage", "stepname", "Process Stage", "Sales Stage"),
			r("currency", "transactioncurrencyid", "Currency"),
			r("created_date", "createdon", "Created On"),
		},
		KAMs: {
			r("kam_id", "systemuserid"),
			r("kam_name", "fullname", "Full Name"),
			r("manager_id", "parentsystemuserid", "Manager"),
			r("role", "title", "jobtitle", "Title"),
			r("kam_alias", "employeeid", "Employee"),
		},
		Activities: {
			r("activity_id", "activityid"),
			r("account_id", "regardingobjectid", "Regarding"),
			r("activity_date", "actualend", "scheduledend", "actualstart", "scheduledstart"),
			r("kam_id", "ownerid", "Owner"),
			r("activity_type", "activitytypecode", "Activity Type"),
			r("duration_minutes", "actualdurationminutes", "scheduleddurationminutes"),
		},
	},
}

// odooPreset reads Odoo exports: field names with "/" paths for related
// records ("partner_id/id" is the partner's external id, which is stable,
// unlike its display name in "partner_id"), and one-to-many exports of
// invoices with their lines under "invoice_line_ids/…".
var odooPreset = preset{
	name: "odoo",
	signature: sig(
		"partner_id", "partner_id/id", "expected_revenue", "stage_id", "date_deadline",
		"date_closed", "invoice_line_ids/product_id", "invoice_line_ids/price_subtotal",
		"invoice_line_ids/quantity", "invoice_line_ids/price_unit", "amount_untaxed",
		"currency_id", "External ID", "categ_id", "default_code", "lst_price",
		"invoice_user_id", "move_id", "price_subtotal", "price_unit", "country_id", "state_id",
		"industry_id", "activity_type_id", "commercial_partner_id",
		"=user_id", "=parent_id", "=create_date", "=company_id",
		// The labels of an export made from Odoo CRM's list view.
		"Expected Closing", "Prorated Revenue", "=Lost Reason", "=Sales Team",
		// The labels of Odoo's default export of invoices with their lines
		// (Invoicing > Invoices > Export, "I want to update data" off).
		"Invoice lines/Product", "Invoice lines/Quantity", "Invoice lines/Unit Price",
		"Invoice lines/Subtotal", "Invoice/Bill Date", "=Untaxed Amount",
		// … and of sales orders with their lines (Sales > Orders > Export).
		"Order Lines/Product", "Order Lines/Quantity", "Order Lines/Unit Price", "Order Lines/Subtotal",
	),
	rules: map[string][]rule{
		Accounts: {
			r("account_id", "id", "External ID"),
			r("account_name", "name", "display_name", "complete_name"),
			r("account_alias", "ref"),
			r("parent_account_id", "parent_id/id", "parent_id"),
			r("kam_id", "user_id/id", "user_id"),
			r("industry", "industry_id"),
			r("country", "country_id"),
			r("region", "state_id"),
		},
		Opportunities: {
			r("opportunity_id", "id", "External ID"),
			r("opportunity_name", "name", "Opportunity"),
			r("account_id", "partner_id/id", "partner_id", "Customer"),
			// Odoo's Expected Revenue is the deal's amount, not weighted
			// (its weighted one is Prorated Revenue).
			r("amount", "expected_revenue", "planned_revenue", "Expected Revenue"),
			r("probability", "probability"),
			r("stage", "stage_id", "Stage"),
			r("close_date", "date_deadline", "date_closed", "Expected Closing"),
			r("closed_date", "Closed Date"),
			r("created_date", "create_date", "Created on"),
			r("lost_reason", "lost_reason_id", "Lost Reason"),
			r("kam_id", "Salesperson"),
			r("currency", "company_currency", "currency_id"),
		},
		// move_id before name: in a journal-item export "name" is the line's
		// label, while in an invoice export it is the invoice number.
		// The labels ("Number", "Partner", "Invoice lines/Subtotal") are
		// those of the default export, whose invoice-level amounts
		// ("Untaxed Amount", "Total") stand on the invoice's first line
		// only and are no line's (ignore).
		Sales: {
			r("invoice_id", "move_id/id", "move_id", "name", "id", "External ID", "Number", "Order Reference"),
			r("line_no", "invoice_line_ids/id"),
			r("invoice_date", "invoice_date", "date", "Invoice/Bill Date", "Invoice Date", "Order Date"),
			r("account_id", "partner_id/id", "partner_id", "commercial_partner_id", "Partner", "Customer"),
			r("product_id", "invoice_line_ids/product_id/id", "invoice_line_ids/product_id", "product_id/id", "product_id", "Invoice lines/Product", "Order Lines/Product"),
			r("quantity", "invoice_line_ids/quantity", "quantity", "Invoice lines/Quantity", "Order Lines/Quantity"),
			r("net_amount", "invoice_line_ids/price_subtotal", "price_subtotal", "amount_untaxed", "amount_untaxed_signed", "Invoice lines/Subtotal", "Order Lines/Subtotal"),
			r("unit_price", "invoice_line_ids/price_unit", "price_unit", "Invoice lines/Unit Price", "Order Lines/Unit Price"),
			r("discount_pct", "invoice_line_ids/discount", "discount", "Invoice lines/Discount (%)", "Order Lines/Discount (%)"),
			r("currency", "currency_id", "Currency"),
			r("kam_id", "invoice_user_id", "user_id", "Salesperson"),
			// The invoice's origin: the sales order it invoices.
			r("order_id", "invoice_origin", "Source Document", "Origin"),
		},
		Invoices: {
			r("invoice_id", "name", "id", "External ID"),
			r("invoice_date", "invoice_date", "date"),
			r("account_id", "partner_id/id", "partner_id"),
			r("kam_id", "invoice_user_id", "user_id"),
			r("currency", "currency_id"),
		},
		KAMs: {
			r("kam_id", "id", "External ID", "login"),
			r("kam_name", "name"),
		},
		Products: {
			r("product_id", "default_code", "id", "External ID"),
			r("product_name", "name"),
			r("product_line", "categ_id"),
			r("list_price", "list_price", "lst_price"),
		},
		Activities: {
			r("activity_id", "id"),
			r("account_id", "partner_id/id", "partner_id"),
			r("activity_type", "activity_type_id"),
			r("activity_date", "date_deadline", "date", "start"),
			r("kam_id", "user_id"),
		},
	},
}
