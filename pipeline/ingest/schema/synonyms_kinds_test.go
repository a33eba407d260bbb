package schema

// kindSynonymCases are generic exports of the other kinds.
var kindSynonymCases = []mappingCase{
	{
		name: "spanish accounts", kind: Accounts,
		headers: split("Código cliente,Razón social,Grupo,Segmento,Sector,Zona,País,Gestor,Cuenta clave,Encaje estratégico,Influencia,Etapa relación,Potencial,Cliente desde,Moneda"),
		want: map[string]string{
			"account_id": "Código cliente", "account_name": "Razón social", "parent_account_id": "Grupo",
			"segment": "Segmento", "industry": "Sector", "region": "Zona", "country": "País",
			"kam_id": "Gestor", "is_key_account": "Cuenta clave", "strategic_fit": "Encaje estratégico",
			"market_influence": "Influencia", "relationship_stage": "Etapa relación",
			"wallet_estimate": "Potencial", "customer_since": "Cliente desde", "currency": "Moneda",
		},
	},
	{
		name: "english accounts", kind: Accounts,
		headers: split("Customer Code,Company Name,Parent Account,Segment,Industry,Region,Country,Account Manager,Key Account,Strategic Fit,Market Influence,Relationship Stage,Wallet Estimate,Customer Since,Currency"),
		want: map[string]string{
			"account_id": "Customer Code", "account_name": "Company Name", "parent_account_id": "Parent Account",
			"segment": "Segment", "industry": "Industry", "region": "Region", "country": "Country",
			"kam_id": "Account Manager", "is_key_account": "Key Account", "strategic_fit": "Strategic Fit",
			"market_influence": "Market Influence", "relationship_stage": "Relationship Stage",
			"wallet_estimate": "Wallet Estimate", "customer_since": "Customer Since", "currency": "Currency",
		},
	},
	{
		name: "accounts with bare code and name", kind: Accounts,
		headers: split("Código,Nombre,Región,Gasto total estimado"),
		want: map[string]string{
			"account_id": "Código", "account_name": "Nombre", "region": "Región", "wallet_estimate": "Gasto total estimado",
		},
	},
	{
		name: "spanish kams", kind: KAMs,
		headers: split("Código comercial,Nombre,Rol,Responsable,Coste anual,Capacidad horas,Moneda"),
		want: map[string]string{
			"kam_id": "Código comercial", "kam_name": "Nombre", "role": "Rol", "manager_id": "Responsable",
			"annual_cost": "Coste anual", "capacity_hours": "Capacidad horas", "currency": "Moneda",
		},
	},
	{
		name: "english kams", kind: KAMs,
		headers: split("Sales Rep ID,Full Name,Title,Manager,Annual Cost,Capacity Hours"),
		want: map[string]string{
			"kam_id": "Sales Rep ID", "kam_name": "Full Name", "role": "Title", "manager_id": "Manager",
			"annual_cost": "Annual Cost", "capacity_hours": "Capacity Hours",
		},
	},
	{
		name: "spanish activities in hours", kind: Activities,
		headers: split("Fecha actividad,Cliente,Comercial,Tipo,Duración (h),Gastos"),
		want: map[string]string{
			"activity_date": "Fecha actividad", "account_id": "Cliente", "kam_id": "Comercial",
			"activity_type": "Tipo", "duration_hours": "Duración (h)", "expense_amount": "Gastos",
		},
	},
	{
		name: "activities in minutes", kind: Activities,
		headers: split("Fecha,Cod. Cliente,Tipo,Duración (min),Expenses"),
		want: map[string]string{
			"activity_date": "Fecha", "account_id": "Cod. Cliente", "activity_type": "Tipo",
			"duration_minutes": "Duración (min)", "expense_amount": "Expenses",
		},
	},
	{
		name: "spanish opportunities", kind: Opportunities,
		headers: split("Oportunidad,Cliente,Etapa,Probabilidad (%),Importe,Fecha cierre,Estado"),
		want: map[string]string{
			"opportunity_id": "Oportunidad", "account_id": "Cliente", "stage": "Etapa",
			"probability": "Probabilidad (%)", "amount": "Importe", "close_date": "Fecha cierre", "status": "Estado",
		},
	},
	{
		name: "opportunities with id and name", kind: Opportunities,
		headers: split("ID oportunidad,Oportunidad,Cliente,Fase,Importe,Fecha de cierre,Estado,Fecha creación"),
		want: map[string]string{
			"opportunity_id": "ID oportunidad", "opportunity_name": "Oportunidad", "account_id": "Cliente",
			"stage": "Fase", "amount": "Importe", "close_date": "Fecha de cierre", "status": "Estado",
			"created_date": "Fecha creación",
		},
	},
	{
		name: "spanish targets", kind: Targets,
		headers: split("Cliente,Periodo,Objetivo ventas,Objetivo margen,Plan de acción"),
		want: map[string]string{
			"account_id": "Cliente", "period": "Periodo", "revenue_target": "Objetivo ventas",
			"margin_target": "Objetivo margen", "objective": "Plan de acción",
		},
	},
	{
		name: "english quota", kind: Targets,
		headers: split("Account ID,Month,Quota"),
		want:    map[string]string{"account_id": "Account ID", "period": "Month", "revenue_target": "Quota"},
	},
	{
		name: "bare objective", kind: Targets,
		headers: split("Cliente,Mes,Objetivo"),
		want:    map[string]string{"account_id": "Cliente", "period": "Mes", "revenue_target": "Objetivo"},
	},
	{
		name: "a bare objective next to a sales objective is the text", kind: Targets,
		headers: split("Código Cliente,Periodo,Objetivo Ventas,Objetivo"),
		want: map[string]string{
			"account_id": "Código Cliente", "period": "Periodo", "revenue_target": "Objetivo Ventas", "objective": "Objetivo",
		},
	},
	{
		name: "service costs by date", kind: ServiceCosts,
		headers: split("Cliente,Fecha,Tipo coste,Importe,Divisa"),
		want: map[string]string{
			"account_id": "Cliente", "cost_date": "Fecha", "cost_type": "Tipo coste", "amount": "Importe", "currency": "Divisa",
		},
	},
	{
		name: "service costs by month", kind: ServiceCosts,
		headers: split("Cliente,Mes,Concepto,Importe"),
		want: map[string]string{
			"account_id": "Cliente", "period": "Mes", "cost_type": "Concepto", "amount": "Importe",
		},
	},
	{
		name: "spanish fx rates", kind: FXRates,
		headers: split("Divisa,Mes,Tipo de cambio"),
		want:    map[string]string{"currency": "Divisa", "period": "Mes", "rate": "Tipo de cambio"},
	},
	{
		name: "english fx rates by date", kind: FXRates,
		headers: split("Currency,Date,Exchange Rate"),
		want:    map[string]string{"currency": "Currency", "rate_date": "Date", "rate": "Exchange Rate"},
	},
	{
		name: "fx rates in plain words", kind: FXRates,
		headers: split("Moneda,Fecha,Cambio"),
		want:    map[string]string{"currency": "Moneda", "rate_date": "Fecha", "rate": "Cambio"},
	},
	{
		name: "spanish products", kind: Products,
		headers: split("Artículo,Descripción,Familia,Precio tarifa"),
		want: map[string]string{
			"product_id": "Artículo", "product_name": "Descripción", "product_line": "Familia", "list_price": "Precio tarifa",
		},
	},
	{
		name: "english products", kind: Products,
		headers: split("SKU,Product Name,Product Family,List Price"),
		want: map[string]string{
			"product_id": "SKU", "product_name": "Product Name", "product_line": "Product Family", "list_price": "List Price",
		},
	},
	{
		name: "type before subtype", kind: Activities,
		headers: split("Fecha,Cliente,Subtipo,Tipo"),
		want:    map[string]string{"activity_date": "Fecha", "account_id": "Cliente", "activity_type": "Tipo"},
		unused:  split("Subtipo"),
	},
}
