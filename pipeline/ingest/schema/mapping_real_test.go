package schema

import "testing"

// TestRealExportHeaders: headers of public ERP, BI and shop exports map
// without configuration.
func TestRealExportHeaders(t *testing.T) {
	t.Parallel()
	tests := []mappingCase{
		{
			// FreshBooks' Invoice Details report dates an invoice by
			// "Date Issued"; unknown, the run failed naming invoice_date.
			// Line Total is with tax, Line Subtotal the revenue.
			name: "a FreshBooks invoice details report", kind: Sales,
			headers: split("Client Name,Invoice #,Date Issued,Invoice Status,Item Name,Rate,Quantity,Discount Percentage,Line Subtotal,Tax 1 Type,Tax 1 Amount,Tax 2 Type,Tax 2 Amount,Line Total,Currency"),
			want: map[string]string{
				"account_name": "Client Name", "invoice_id": "Invoice #",
				"invoice_date": "Date Issued", "status": "Invoice Status", "quantity": "Quantity",
				"discount_pct": "Discount Percentage", "net_amount": "Line Subtotal", "currency": "Currency",
			},
		},
		{
			// Dolibarr names the customer a third party (tiers); unknown,
			// the run failed naming account_id.
			name: "a Dolibarr invoice lines export", kind: Sales,
			headers: split("Invoice ID,Ref. invoice,Type,Invoice date,Third party ID,Third party name,Amount (excl. tax),Amount tax,Amount (inc. tax),Status,Line ID,Product ref.,Line quantity,Line unit price,Line discount (%),Line amount (excl. tax),Line VAT rate"),
			want: map[string]string{
				"invoice_id": "Invoice ID", "document_type": "Type", "invoice_date": "Invoice date",
				"account_id": "Third party ID", "account_name": "Third party name", "status": "Status",
				"line_no": "Line ID", "net_amount": "Line amount (excl. tax)",
			},
		},
		{
			// Zoho CRM's calls: they failed naming the date and the
			// account, with no candidate for the date.
			name: "Zoho calls: the call's start and what it relates to", kind: Activities,
			headers: split("Call Id,Subject,Call Type,Call Start Time,Call Duration,Call Duration (in seconds),Related To,Call Owner,Call Status"),
			want: map[string]string{
				"activity_id": "Call Id", "activity_date": "Call Start Time", "account_id": "Related To",
				"duration_seconds": "Call Duration (in seconds)", "status": "Call Status", "kam_id": "Call Owner",
			},
		},
		{
			name: "Copper opportunities: the company by its id", kind: Opportunities, preset: "salesforce-report",
			headers: split("Opportunity ID,Name,Company ID,Pipeline,Stage,Status,Value,Win Probability,Close Date,Loss Reason"),
			want: map[string]string{
				"opportunity_id": "Opportunity ID", "opportunity_name": "Name", "account_id": "Company ID",
				"stage": "Stage", "status": "Status", "amount": "Value", "probability": "Win Probability",
				"close_date": "Close Date", "lost_reason": "Loss Reason",
			},
		},
		{
			// Salesforce's ForecastingQuota: each rep's quota from a day
			// to a day. It failed naming account_id and no candidate.
			name: "Salesforce forecasting quotas: the owner's plan", kind: Targets,
			headers: split("Id,QuotaOwnerId,StartDate,EndDate,QuotaAmount,CurrencyIsoCode,ForecastingTypeId,PeriodId"),
			want: map[string]string{
				"kam_id": "QuotaOwnerId", "period_from": "StartDate", "period_to": "EndDate",
				"revenue_target": "QuotaAmount", "currency": "CurrencyIsoCode",
			},
			unused: split("Id,ForecastingTypeId,PeriodId"),
		},
		{
			// Pipedrive names the entity before every field. "Deal -
			// Currency" unread left a deal in dollars counted as euros.
			name: "a Pipedrive deals export: the deal's fields by their name after the entity", kind: Opportunities,
			headers:  split("Deal - ID,Deal - Title,Deal - Value,Deal - Currency,Deal - Status,Deal - Probability,Deal - Expected close date,Deal - Stage,Organization - Name,Deal - Organization,Person - Name"),
			explicit: map[string]string{"account_id": "Deal - Organization"},
			want: map[string]string{
				"opportunity_id": "Deal - ID", "opportunity_name": "Deal - Title", "amount": "Deal - Value",
				"currency": "Deal - Currency", "status": "Deal - Status", "probability": "Deal - Probability",
				"close_date": "Deal - Expected close date", "stage": "Deal - Stage", "account_id": "Deal - Organization",
			},
			unused: split("Organization - Name,Person - Name"),
		},
		{
			// The organization's name is not the deal's.
			name: "a Pipedrive export: another entity's fields are not the file's", kind: Opportunities,
			headers:  split("Deal - ID,Deal - Value,Deal - Status,Deal - Expected close date,Deal - Organization,Organization - Name"),
			explicit: map[string]string{"account_id": "Deal - Organization"},
			want: map[string]string{
				"opportunity_id": "Deal - ID", "amount": "Deal - Value", "status": "Deal - Status",
				"close_date": "Deal - Expected close date", "account_id": "Deal - Organization",
			},
			unused: split("Organization - Name"),
		},
		{
			name: "an alias header is the id when nothing else is", kind: KAMs,
			headers: split("employeeNumber,lastName,firstName,extension,email,officeCode,reportsTo,jobTitle"),
			want: map[string]string{
				"kam_id": "employeeNumber", "last_name": "lastName", "first_name": "firstName",
				"manager_id": "reportsTo", "role": "jobTitle",
			},
			unused: split("extension,email,officeCode"),
		},
		{
			name: "the alias stays an alias beside an id", kind: KAMs,
			headers: split("Id,Name,Employee Number"),
			want:    map[string]string{"kam_id": "Id", "kam_name": "Name", "kam_alias": "Employee Number"},
		},
		{
			name: "data-warehouse keys and BI names", kind: Sales,
			headers: split("SalesOrderNumber,SalesOrderLineNumber,OrderDate,DueDate,ShipDate,ProductKey,ResellerKey,PromotionKey,EmployeeKey,SalesTerritoryKey,OrderQuantity,UnitPrice,TotalProductCost,SalesAmount"),
			want: map[string]string{
				"invoice_id": "SalesOrderNumber", "line_no": "SalesOrderLineNumber", "invoice_date": "OrderDate",
				"product_id": "ProductKey", "account_id": "ResellerKey", "kam_id": "EmployeeKey",
				"quantity": "OrderQuantity", "unit_price": "UnitPrice", "cost_amount": "TotalProductCost",
				"net_amount": "SalesAmount",
			},
			unused: split("DueDate,ShipDate,PromotionKey,SalesTerritoryKey"),
		},
		{
			name: "order lines of a sample ERP", kind: Sales,
			headers: split("orderNumber,productCode,quantityOrdered,priceEach,orderLineNumber"),
			want: map[string]string{
				"invoice_id": "orderNumber", "product_id": "productCode", "quantity": "quantityOrdered",
				"unit_price": "priceEach", "line_no": "orderLineNumber",
			},
		},
		{
			name: "order lines with a line total", kind: Sales,
			headers: split("SalesOrderID,OrderDate,CustomerID,LineItem,ProductID,OrderQty,LineItemTotal"),
			want: map[string]string{
				"invoice_id": "SalesOrderID", "invoice_date": "OrderDate", "account_id": "CustomerID",
				"line_no": "LineItem", "product_id": "ProductID", "quantity": "OrderQty", "net_amount": "LineItemTotal",
			},
		},
		{
			name: "an order header with its status", kind: Invoices,
			headers:  split("id,user_id,order_date,status"),
			explicit: map[string]string{"account_id": "user_id"},
			want: map[string]string{
				"invoice_id": "id", "account_id": "user_id", "invoice_date": "order_date", "status": "status",
			},
		},
		{
			// A marketplace's orders (Olist): the order date is the purchase's
			// timestamp, beside the dates of approval and delivery.
			name: "marketplace orders dated by their purchase timestamp", kind: Invoices,
			headers:  split("order_id,customer_id,order_status,order_purchase_timestamp,order_approved_at,order_delivered_carrier_date,order_delivered_customer_date,order_estimated_delivery_date"),
			explicit: map[string]string{"account_id": "customer_id"},
			want: map[string]string{
				"invoice_id": "order_id", "account_id": "customer_id", "status": "order_status",
				"invoice_date": "order_purchase_timestamp",
			},
			unused: split("order_approved_at,order_delivered_carrier_date,order_delivered_customer_date,order_estimated_delivery_date"),
		},
		{
			// Its items: one row per unit sold, numbered within the order.
			name: "marketplace order items numbered within the order", kind: Sales,
			headers:  split("order_id,order_item_id,product_id,seller_id,shipping_limit_date,price,freight_value"),
			explicit: map[string]string{"net_amount": "price"},
			want: map[string]string{
				"invoice_id": "order_id", "line_no": "order_item_id", "product_id": "product_id", "net_amount": "price",
			},
			unused: split("seller_id,shipping_limit_date,freight_value"),
		},
		{
			// Business Central's posted sales invoice lines: amounts named
			// "before tax" by a qualifier, the customer as "Sell-to", No.
			// the item (its preset: see TestBusinessCentralPreset).
			name: "Business Central invoice lines: amounts excluding VAT", kind: Sales, preset: "businesscentral",
			headers: split("Document No.,Line No.,Sell-to Customer No.,Posting Date,No.,Description,Quantity,Unit of Measure Code,Unit Price Excl. VAT,Line Discount %,Line Amount Excl. VAT,Amount Including VAT"),
			want: map[string]string{
				"invoice_id": "Document No.", "line_no": "Line No.", "account_id": "Sell-to Customer No.",
				"invoice_date": "Posting Date", "quantity": "Quantity", "unit_price": "Unit Price Excl. VAT",
				"net_amount": "Line Amount Excl. VAT", "product_id": "No.",
			},
			unused: split("Description,Unit of Measure Code,Line Discount %,Amount Including VAT"),
		},
		{
			// A Spanish invoicing tool's register of issued invoices (Holded,
			// Contasol): the number as "Num", the base as "Subtotal", the
			// withholding and the total with tax unread.
			name: "a register of issued invoices: Num and Subtotal", kind: Sales,
			headers: split("Fecha,Num,Cliente,NIF,Subtotal,IVA,Retención,Total,Estado"),
			want: map[string]string{
				"invoice_date": "Fecha", "invoice_id": "Num", "account_id": "Cliente", "net_amount": "Subtotal",
				"tax_amount": "IVA", "status": "Estado",
			},
			unused: split("NIF,Retención,Total"),
		},
		{
			// A web shop's order export (WooCommerce), one row per item: the
			// line's subtotal is its amount; the order's subtotal, shipping,
			// tax and total repeat on every item and feed nothing (beside
			// the line's amount they are the order's, dropOrderFigures),
			// and the "Item Cost" it writes is the item's price (its unit
			// price), no cost of ours. The billing company names the
			// customer.
			name: "a web shop's orders, one row per item", kind: Sales,
			headers: split("Order ID,Order Date,Order Status,Customer ID,Billing Company,Item Name,Quantity,Item Cost,Line Subtotal,Order Subtotal,Order Shipping,Order Tax,Order Total"),
			want: map[string]string{
				"invoice_id": "Order ID", "invoice_date": "Order Date", "status": "Order Status", "account_id": "Customer ID",
				"account_name": "Billing Company", "quantity": "Quantity", "net_amount": "Line Subtotal",
				"unit_price": "Item Cost",
			},
			unused: split("Item Name,Order Subtotal,Order Shipping,Order Tax,Order Total"),
		},
		{
			// An order's lines named after the order (Odoo's "Order
			// Lines/Subtotal" and "Order Lines/Unit Price") are the
			// lines' own amounts, not the order's figures: kept, while
			// the order's tax repeated on each line feeds nothing.
			name: "order lines named after the order", kind: Sales, preset: "odoo",
			headers: split("Order Reference,Customer,Order Date,Order Tax,Order Lines/Product,Order Lines/Quantity,Order Lines/Unit Price,Order Lines/Subtotal"),
			want: map[string]string{
				"invoice_id": "Order Reference", "invoice_date": "Order Date", "account_id": "Customer",
				"product_id": "Order Lines/Product", "quantity": "Order Lines/Quantity",
				"unit_price": "Order Lines/Unit Price", "net_amount": "Order Lines/Subtotal",
			},
			unused: split("Order Tax"),
		},
		{
			// A retail transactions dataset: the price is "Price per Unit",
			// so the amount is derived (price × quantity), not guessed
			// from "Total Amount".
			name: "retail transactions: price per unit", kind: Sales,
			headers: split("Transaction ID,Date,Customer ID,Gender,Age,Product Category,Quantity,Price per Unit,Total Amount"),
			want: map[string]string{
				"invoice_id": "Transaction ID", "invoice_date": "Date", "account_id": "Customer ID",
				"product_line": "Product Category", "quantity": "Quantity", "unit_price": "Price per Unit",
			},
			unused: split("Gender,Age,Total Amount"),
		},
		{
			// WideWorldImporters' invoice lines: ExtendedPrice is read as
			// the amount (its tax is taken off by its values, see
			// decideTaxIncluded), LineProfit is the profit.
			name: "invoice lines with tax and line profit", kind: Sales,
			headers: split("InvoiceLineID,InvoiceID,StockItemID,Description,PackageTypeID,Quantity,UnitPrice,TaxRate,TaxAmount,LineProfit,ExtendedPrice"),
			want: map[string]string{
				"line_no": "InvoiceLineID", "invoice_id": "InvoiceID", "quantity": "Quantity", "unit_price": "UnitPrice",
				"tax_amount": "TaxAmount", "profit_amount": "LineProfit", "net_amount": "ExtendedPrice",
			},
		},
		{
			// Shopify's orders export, one row per line item: the line is
			// "Lineitem …"; the order's figures (Subtotal, with the first
			// line only; Refunded Amount, with tax) are no line's amount.
			name: "shopify orders export", kind: Sales, preset: "shopify",
			headers: split("Name,Email,Financial Status,Paid at,Currency,Subtotal,Shipping,Taxes,Total,Discount Code,Discount Amount,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem compare at price,Lineitem sku,Billing Name,Billing Company,Billing Country,Refunded Amount,Outstanding Balance,Id,Lineitem discount"),
			want: map[string]string{
				"invoice_id": "Name", "invoice_date": "Created at", "account_id": "Email", "account_name": "Billing Company",
				"product_id": "Lineitem sku", "quantity": "Lineitem quantity", "unit_price": "Lineitem price",
				"discount_amount": "Lineitem discount", "status": "Financial Status", "currency": "Currency", "country": "Billing Country",
			},
			unused: split("Paid at,Subtotal,Shipping,Taxes,Total,Discount Code,Discount Amount,Lineitem name,Lineitem compare at price,Billing Name,Refunded Amount,Outstanding Balance,Id"),
		},
		{
			// An SAP billing-document list from an ALV grid: headings
			// shortened to fit ("Billing Doc.", "Billed Qty", "Net Amt",
			// "Curr."), the item number in "Item" beside the Material: the
			// Material is the product, and Item is no line number (Square
			// writes the item's name there).
			name: "SAP billing documents with abbreviated headings", kind: Sales,
			headers: split("Billing Doc.,Item,Billing Date,Sold-to party,Material,Billed Qty,Net Amt,Doc. Curr."),
			want: map[string]string{
				"invoice_id": "Billing Doc.", "invoice_date": "Billing Date", "account_id": "Sold-to party",
				"product_id": "Material", "quantity": "Billed Qty", "net_amount": "Net Amt", "currency": "Doc. Curr.",
			},
		},
		{
			// Oracle E-Business Suite receivables: column names shortened
			// (TRX_NUMBER, TRX_DATE); its payables name the invoice
			// INVOICE_NUM.
			name: "Oracle receivables transactions", kind: Sales,
			headers: split("CUSTOMER_TRX_ID,TRX_NUMBER,TRX_DATE,BILL_TO_CUSTOMER_NUMBER,INVOICE_CURRENCY_CODE,EXTENDED_AMOUNT"),
			want: map[string]string{
				"invoice_id": "TRX_NUMBER", "invoice_date": "TRX_DATE", "account_id": "BILL_TO_CUSTOMER_NUMBER",
				"currency": "INVOICE_CURRENCY_CODE", "net_amount": "EXTENDED_AMOUNT",
			},
		},
		{
			name: "an invoice number written INVOICE_NUM", kind: Sales,
			headers: split("INVOICE_NUM,INVOICE_DATE,CUSTOMER_NUMBER,AMOUNT"),
			want: map[string]string{
				"invoice_id": "INVOICE_NUM", "invoice_date": "INVOICE_DATE", "account_id": "CUSTOMER_NUMBER", "net_amount": "AMOUNT",
			},
		},
		{
			name: "customers with their sales rep", kind: Accounts,
			headers: split("customerNumber,customerName,contactLastName,contactFirstName,phone,addressLine1,addressLine2,city,state,postalCode,country,salesRepEmployeeNumber,creditLimit"),
			want: map[string]string{
				"account_id": "customerNumber", "account_name": "customerName", "last_name": "contactLastName",
				"first_name": "contactFirstName", "region": "state", "country": "country", "kam_id": "salesRepEmployeeNumber",
			},
			unused: split("phone,addressLine1,addressLine2,city,postalCode,creditLimit"),
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { checkMapping(t, tc) })
	}
}

// TestNameIsNoIDBesideAnotherKey: a list of genres or artists (genre_id,
// name) is no list of accounts named by their ids: its name is not an
// account id when the file has a key of its own.
func TestNameIsNoIDBesideAnotherKey(t *testing.T) {
	t.Parallel()
	for _, headers := range [][]string{
		split("genre_id,name"), split("artist_id,name"), split("media_type_id,name"), split("ArtistKey,Name"),
	} {
		if _, err := Map("x.csv", Accounts, headers, nil); err == nil {
			t.Errorf("%q mapped as accounts", headers)
		}
		if k, _ := KindFromHeader(headers, nil); k == Accounts {
			t.Errorf("%q guessed as accounts", headers)
		}
	}
	checkMapping(t, mappingCase{
		name: "a name alone is the id", kind: Accounts, headers: split("account,sector"),
		want: map[string]string{"account_id": "account", "account_name": "account", "industry": "sector"},
	})
}
