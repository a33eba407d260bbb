package schema

// salesforcePreset reads Data Loader and API exports (Account, Opportunity,
// Task, Event, User). Field names are matched squashed, so Data Loader's
// upper-case "ACCOUNTID" works as well as the API's "AccountId". Custom
// fields ("Wallet_Estimate__c") are left to the synonyms, which see them
// without the "__c".
var salesforcePreset = preset{
	name: "salesforce",
	signature: sig(
		"StageName", "IsClosed", "IsWon", "CurrencyIsoCode", "ActivityDate", "TaskSubtype",
		"CallDurationInSeconds", "DurationInMinutes", "StartDateTime", "EndDateTime",
		"ActivityDateTime", "ManagerId", "UserRoleId", "EmployeeNumber",
		"BillingCountry", "BillingState", "BillingCity", "SystemModstamp", "CreatedById",
		"LastModifiedDate", "LastModifiedById", "IsDeleted", "WhatId", "WhoId",
		"ForecastCategoryName", "RecordTypeId", "MasterRecordId", "EventSubtype",
		"DefaultCurrencyIsoCode",
		"=AccountId", "=OwnerId", "=AccountNumber", "=ParentId", "=AnnualRevenue", "=CloseDate",
		"=Probability", "=CreatedDate", "=NextStep", "=LeadSource",
	),
	extra: hasCustomField,
	rules: map[string][]rule{
		// The ERP customer code (AccountNumber) is what sales lines carry, so
		// it is the key; the Salesforce Id stays as an alias so that
		// opportunities and tasks (which carry the Id) still find the account.
		Accounts: {
			r("account_id", "AccountNumber", "Id"),
			r("account_alias", "Id"),
			r("account_name", "Name"),
			r("parent_account_id", "ParentId"),
			r("industry", "Industry"),
			r("kam_id", "OwnerId"),
			r("currency", "CurrencyIsoCode"),
			r("country", "BillingCountry", "ShippingCountry"),
			r("region", "BillingState", "ShippingState"),
		},
		Opportunities: {
			r("opportunity_id", "Id"),
			r("account_id", "AccountId"),
			r("opportunity_name", "Name"),
			r("stage", "StageName"),
			r("amount", "Amount"),
			r("probability", "Probability"),
			r("close_date", "CloseDate"),
			r("is_closed", "IsClosed"),
			r("is_won", "IsWon"),
			r("currency", "CurrencyIsoCode"),
			r("created_date", "CreatedDate"),
		},
		// TaskSubtype comes before Type because Salesforce always fills it,
		// while Type is a picklist many orgs leave blank; Events have no
		// subtype worth reading (always "Event") and fall through to Type.
		Activities: {
			r("activity_id", "Id"),
			r("account_id", "AccountId", "WhatId"),
			r("activity_date", "ActivityDate", "StartDateTime", "ActivityDateTime"),
			r("kam_id", "OwnerId"),
			r("activity_type", "TaskSubtype", "Type"),
			r("duration_seconds", "CallDurationInSeconds"),
			r("duration_minutes", "DurationInMinutes"),
			r("end_date", "EndDateTime"),
			r("completed_date", "CompletedDateTime"),
			r("is_all_day", "IsAllDayEvent"),
			r("currency", "CurrencyIsoCode"),
			r("status", "Status"),
			r("is_done", "IsClosed"),
		},
		// The user Id is what OwnerId points at everywhere else; the
		// employee number is how the ERP knows the same rep.
		KAMs: {
			r("kam_id", "Id"),
			r("kam_name", "Name"),
			r("manager_id", "ManagerId"),
			r("role", "Title", "UserRoleId"),
			r("kam_alias", "EmployeeNumber"),
			r("currency", "DefaultCurrencyIsoCode", "CurrencyIsoCode"),
		},
	},
}

// salesforceReportPreset reads exports of Salesforce reports: UI labels in
// the user's language, English and Spanish here.
var salesforceReportPreset = preset{
	name: "salesforce-report",
	signature: sig(
		"Account Name", "Nombre de la cuenta", "Opportunity Name", "Nombre de la oportunidad",
		"Account Owner", "Propietario de la cuenta", "Opportunity Owner",
		"Propietario de oportunidad", "Propietario de la oportunidad", "Fiscal Period",
		"Periodo fiscal", "Fecha de cierre", "ID de la cuenta", "ID de la oportunidad",
		"Fecha de creación", "Assigned", "Asignado", "Company / Account", "Empresa / Cuenta",
		"Billing State/Province", "Opportunity Currency", "Divisa de la oportunidad",
		"=Close Date", "=Stage", "=Etapa", "=Probability (%)", "=Probabilidad (%)", "=Created Date",
		"=Account ID", "=Opportunity ID", "=Won", "=Ganada", "=Closed", "=Cerrada", "=Subject",
		"=Asunto", "=Next Step", "=Paso siguiente", "=Lead Source", "=Age", "=Antigüedad",
	),
	rules: map[string][]rule{
		Accounts: {
			r("account_id", "Account ID", "ID de la cuenta", "ID de cuenta"),
			r("account_name", "Account Name", "Nombre de la cuenta"),
			r("kam_id", "Account Owner", "Propietario de la cuenta"),
			r("parent_account_id", "Parent Account ID", "ID de la cuenta principal", "Parent Account", "Cuenta principal"),
			r("industry", "Industry", "Sector"),
			r("country", "Billing Country", "País de facturación"),
			r("region", "Billing State/Province", "Estado o provincia de facturación"),
			r("currency", "Account Currency", "Divisa de la cuenta"),
		},
		Opportunities: {
			r("opportunity_id", "Opportunity ID", "ID de la oportunidad", "ID de oportunidad"),
			r("account_id", "Account ID", "ID de la cuenta", "ID de cuenta"),
			r("opportunity_name", "Opportunity Name", "Nombre de la oportunidad"),
			r("stage", "Stage", "Etapa"),
			r("amount", "Amount", "Importe"),
			r("probability", "Probability (%)", "Probabilidad (%)"),
			r("close_date", "Close Date", "Fecha de cierre"),
			r("created_date", "Created Date", "Fecha de creación"),
			r("is_won", "Won", "Ganada"),
			r("is_closed", "Closed", "Cerrada"),
			r("currency", "Opportunity Currency", "Divisa de la oportunidad"),
		},
		Activities: {
			r("activity_id", "Activity ID", "ID de actividad"),
			r("account_id", "Account ID", "ID de la cuenta", "ID de cuenta"),
			r("activity_date", "Date", "Fecha", "Due Date", "Fecha de vencimiento"),
			r("kam_id", "Assigned", "Asignado", "Assigned To", "Asignado a"),
			r("activity_type", "Type", "Tipo", "Task Subtype", "Subtipo de tarea"),
		},
	},
}
