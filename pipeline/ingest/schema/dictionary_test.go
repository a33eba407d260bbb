package schema

import (
	"strings"
	"testing"
)

// dictionaryTerms are the words the contract promises to understand, one
// header at a time: each must reach its column on its own.
var dictionaryTerms = map[string]map[string][]string{
	Sales: {
		"account_id":      {"cliente", "id cliente", "código cliente", "cod cliente", "nº cliente", "customer id", "customer code", "account id", "account number"},
		"invoice_date":    {"fecha factura", "fecha", "fecha emisión", "invoice date", "date", "posting date"},
		"net_amount":      {"importe neto", "base imponible", "neto", "net amount", "net sales", "amount", "importe"},
		"cost_amount":     {"coste", "costo", "coste de ventas", "cogs", "cost"},
		"profit_amount":   {"beneficio", "margen", "margin", "profit", "gross profit"},
		"unit_price":      {"precio unitario", "precio", "unit price"},
		"discount_pct":    {"descuento %", "% dto", "discount %", "discount rate"},
		"discount_amount": {"importe descuento", "discount amount"},
		"invoice_id":      {"nº factura", "factura", "número factura", "invoice", "invoice no", "document number"},
		"line_no":         {"línea", "nº línea", "line", "line no"},
		"kam_id":          {"comercial", "vendedor", "gestor", "sales rep", "owner"},
		"currency":        {"divisa", "moneda", "currency"},
		"product_line":    {"familia", "línea de producto", "product line", "product family", "category"},
		"product_id":      {"artículo", "referencia", "sku", "product", "item"},
		"quantity":        {"cantidad", "unidades", "qty", "quantity"},
	},
	Accounts: {
		"account_name":       {"razón social", "nombre cliente", "nombre", "customer name", "company name", "account name"},
		"parent_account_id":  {"grupo", "empresa matriz", "cuenta principal", "parent", "parent account"},
		"segment":            {"segmento", "segment"},
		"industry":           {"sector", "industria", "industry"},
		"region":             {"región", "zona", "region"},
		"country":            {"país", "country"},
		"is_key_account":     {"cuenta clave", "key account"},
		"wallet_estimate":    {"potencial", "gasto total estimado", "wallet", "wallet estimate"},
		"strategic_fit":      {"encaje estratégico", "strategic fit"},
		"market_influence":   {"influencia", "market influence"},
		"relationship_stage": {"etapa relación", "relationship stage"},
		"customer_since":     {"cliente desde", "customer since"},
	},
	KAMs: {
		"annual_cost":    {"coste anual", "annual cost"},
		"capacity_hours": {"capacidad horas", "capacity hours"},
		"role":           {"rol", "puesto", "title"},
		"manager_id":     {"responsable", "manager"},
	},
	Activities: {
		"activity_date":    {"fecha actividad", "fecha"},
		"activity_type":    {"tipo"},
		"duration_hours":   {"duración (h)"},
		"duration_minutes": {"duración (min)"},
		"expense_amount":   {"gastos", "expenses"},
	},
	Opportunities: {
		"opportunity_id": {"oportunidad"},
		"stage":          {"etapa", "fase"},
		"probability":    {"probabilidad (%)"},
		"amount":         {"importe"},
		"close_date":     {"fecha cierre"},
		"status":         {"estado"},
	},
	Targets: {
		"revenue_target": {"objetivo ventas", "objetivo", "cuota", "target", "quota", "plan"},
		"period":         {"periodo", "mes"},
		"margin_target":  {"objetivo margen"},
	},
	ServiceCosts: {
		"cost_type": {"tipo coste", "concepto", "tipo"},
		"amount":    {"importe"},
		"cost_date": {"fecha"},
	},
	FXRates: {
		"currency":  {"divisa"},
		"rate":      {"tipo de cambio", "cambio", "rate", "exchange rate"},
		"period":    {"mes", "periodo"},
		"rate_date": {"fecha"},
	},
	Products: {
		"product_name": {"descripción", "nombre artículo"},
		"list_price":   {"precio tarifa", "list price"},
	},
}

func TestDictionaryTerms(t *testing.T) {
	t.Parallel()
	for kind, cols := range dictionaryTerms {
		k, _ := KindByName(kind)
		for col, terms := range cols {
			for _, term := range terms {
				for _, h := range []string{term, strings.ToUpper(term), strings.ReplaceAll(term, " ", "_")} {
					m := newMapper(k, newHeaderRow([]string{h}))
					m.applyPreset()
					m.applySynonyms()
					if i, ok := m.cols[col]; !ok || i != 0 {
						t.Errorf("%s: %q does not feed %s (got %v)", kind, h, col, m.cols)
					}
				}
			}
		}
	}
}
