package schema

import "testing"

// salesforceCases are Data Loader, API and report exports of the objects
// the contract reads.
var salesforceCases = []mappingCase{
	{
		name: "salesforce account with custom fields", kind: Accounts, preset: "salesforce",
		headers: split("Id,Name,ParentId,Type,Industry,AnnualRevenue,OwnerId,CurrencyIsoCode,BillingCountry,BillingState,AccountNumber,Key_Account__c,Wallet_Estimate__c,Strategic_Fit__c,Market_Influence__c,Relationship_Stage__c,Segment__c,Customer_Since__c"),
		want: map[string]string{
			"account_id": "AccountNumber", "account_alias": "Id", "account_name": "Name",
			"parent_account_id": "ParentId", "industry": "Industry", "kam_id": "OwnerId",
			"currency": "CurrencyIsoCode", "country": "BillingCountry", "region": "BillingState",
			"is_key_account": "Key_Account__c", "wallet_estimate": "Wallet_Estimate__c",
			"strategic_fit": "Strategic_Fit__c", "market_influence": "Market_Influence__c",
			"relationship_stage": "Relationship_Stage__c", "segment": "Segment__c",
			"customer_since": "Customer_Since__c",
		},
		unused: split("Type,AnnualRevenue"),
	},
	{
		name: "salesforce data loader account without account number", kind: Accounts, preset: "salesforce",
		headers: split("ID,NAME,PARENTID,OWNERID,BILLINGCOUNTRY,CURRENCYISOCODE,KEY_ACCOUNT__C"),
		want: map[string]string{
			"account_id": "ID", "account_name": "NAME", "parent_account_id": "PARENTID",
			"kam_id": "OWNERID", "country": "BILLINGCOUNTRY", "currency": "CURRENCYISOCODE",
			"is_key_account": "KEY_ACCOUNT__C",
		},
	},
	{
		name: "salesforce opportunity", kind: Opportunities, preset: "salesforce",
		headers: split("Id,AccountId,Name,StageName,Amount,Probability,CloseDate,IsClosed,IsWon,CurrencyIsoCode,CreatedDate,Type,LeadSource"),
		want: map[string]string{
			"opportunity_id": "Id", "account_id": "AccountId", "opportunity_name": "Name",
			"stage": "StageName", "amount": "Amount", "probability": "Probability",
			"close_date": "CloseDate", "is_closed": "IsClosed", "is_won": "IsWon",
			"currency": "CurrencyIsoCode", "created_date": "CreatedDate",
		},
		unused: split("Type,LeadSource"),
	},
	{
		name: "salesforce task", kind: Activities, preset: "salesforce",
		headers: split("Id,AccountId,WhoId,ActivityDate,OwnerId,TaskSubtype,Type,CallDurationInSeconds,Subject,Status,Expense__c"),
		want: map[string]string{
			"activity_id": "Id", "account_id": "AccountId", "activity_date": "ActivityDate",
			"kam_id": "OwnerId", "activity_type": "TaskSubtype", "duration_seconds": "CallDurationInSeconds",
			"expense_amount": "Expense__c", "status": "Status",
		},
		unused: split("WhoId,Type,Subject"),
	},
	{
		name: "salesforce event", kind: Activities, preset: "salesforce",
		headers: split("Id,AccountId,StartDateTime,EndDateTime,OwnerId,Type,DurationInMinutes,Subject,EventSubtype"),
		want: map[string]string{
			"activity_id": "Id", "account_id": "AccountId", "activity_date": "StartDateTime",
			"kam_id": "OwnerId", "activity_type": "Type", "duration_minutes": "DurationInMinutes",
			"end_date": "EndDateTime",
		},
	},
	{
		name: "salesforce user", kind: KAMs, preset: "salesforce",
		headers: split("Id,Name,ManagerId,Title,UserRoleId,EmployeeNumber,IsActive,Annual_Cost__c,Capacity_Hours__c"),
		want: map[string]string{
			"kam_id": "Id", "kam_name": "Name", "manager_id": "ManagerId", "role": "Title",
			"kam_alias": "EmployeeNumber", "annual_cost": "Annual_Cost__c", "capacity_hours": "Capacity_Hours__c",
		},
		unused: split("UserRoleId,IsActive"),
	},
	{
		name: "salesforce report opportunities english", kind: Opportunities, preset: "salesforce-report",
		headers: split("Opportunity Owner,Account Name,Account ID,Opportunity Name,Opportunity ID,Stage,Fiscal Period,Amount,Probability (%),Age,Close Date,Created Date,Next Step,Lead Source,Type,Won,Closed"),
		want: map[string]string{
			"opportunity_id": "Opportunity ID", "account_id": "Account ID", "opportunity_name": "Opportunity Name",
			"stage": "Stage", "amount": "Amount", "probability": "Probability (%)", "close_date": "Close Date",
			"created_date": "Created Date", "is_won": "Won", "is_closed": "Closed",
		},
	},
	{
		name: "salesforce report opportunities spanish", kind: Opportunities, preset: "salesforce-report",
		headers: split("Propietario de oportunidad,Nombre de la cuenta,ID de la cuenta,Nombre de la oportunidad,ID de la oportunidad,Etapa,Importe,Probabilidad (%),Fecha de cierre,Fecha de creación,Ganada,Cerrada,Tipo"),
		want: map[string]string{
			"opportunity_id": "ID de la oportunidad", "account_id": "ID de la cuenta",
			"opportunity_name": "Nombre de la oportunidad", "stage": "Etapa", "amount": "Importe",
			"probability": "Probabilidad (%)", "close_date": "Fecha de cierre",
			"created_date": "Fecha de creación", "is_won": "Ganada", "is_closed": "Cerrada",
		},
	},
	{
		name: "salesforce report accounts", kind: Accounts, preset: "salesforce-report",
		headers: split("Account Owner,Account Name,Account ID,Industry,Billing Country,Billing State/Province,Type"),
		want: map[string]string{
			"account_id": "Account ID", "account_name": "Account Name", "kam_id": "Account Owner",
			"industry": "Industry", "country": "Billing Country", "region": "Billing State/Province",
		},
		unused: split("Type"),
	},
	{
		name: "salesforce report activities spanish", kind: Activities, preset: "salesforce-report",
		headers: split("Asunto,Fecha,Asignado,Tipo,Nombre de la cuenta,ID de la cuenta"),
		want: map[string]string{
			"activity_date": "Fecha", "kam_id": "Asignado", "activity_type": "Tipo", "account_id": "ID de la cuenta",
		},
	},
}

func TestSalesforcePresets(t *testing.T) {
	t.Parallel()
	for _, tc := range salesforceCases {
		t.Run(tc.name, func(t *testing.T) { checkMapping(t, tc) })
	}
}
