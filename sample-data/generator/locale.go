package generator

import "fmt"

// locale is how the dataset is rendered. "es" is what a Spanish company
// really drops (Excel's Windows-1252 CSV, ERP exports with decimal commas,
// Salesforce Data Loader files); "en" writes the same rows as plain UTF-8
// CSV with English headers, so that benchmarks can compare the cost of the
// Spanish shapes against the easy ones.
type locale struct {
	lang                     string
	excel, erp, crm, finance dialect
	financeDir               string
	salesPrefix              string // erp/<prefix>_2025_2026.csv
	headersFile, linesFile   string
	productsFile, costsFile  string
	fxFile, planFile         string
	planSheet                string
	salesHeader              []string
	invoiceHeader            []string
	lineHeader               []string
	productsHeader           []string
	costsHeader              []string
	fxHeader                 []string
	planHeader               []string
	costTypes                [4]string // logistics, support, rebate, marketing
	walkIn                   string    // name of the cash-sale customer that is not in the CRM
}

var localeES = locale{
	lang:  "es",
	excel: excelES, erp: erpES, crm: dataLoader, finance: erpES,
	financeDir:  "finanzas",
	salesPrefix: "ventas", headersFile: "cabecera.csv", linesFile: "lineas.csv",
	productsFile: "erp/productos.csv", costsFile: "costes_servicio.csv", fxFile: "tipos_cambio.csv",
	planFile: "plan/objetivos_%d.xlsx", planSheet: "Objetivos",
	salesHeader: []string{"Nº Factura", "Línea", "Fecha Factura", "Código Cliente", "Razón Social", "Artículo",
		"Familia", "Cantidad", "Precio Unitario", "Dto %", "Importe Dto", "Importe Neto", "Coste", "Comercial", "Divisa"},
	invoiceHeader:  []string{"Nº Factura", "Fecha", "Código Cliente", "Comercial", "Divisa"},
	lineHeader:     []string{"Nº Factura", "Línea", "Artículo", "Familia", "Cantidad", "Importe Neto", "Coste"},
	productsHeader: []string{"Artículo", "Descripción", "Familia", "Precio Tarifa"},
	costsHeader:    []string{"Código Cliente", "Fecha", "Tipo Coste", "Importe"},
	fxHeader:       []string{"Divisa", "Periodo", "Tipo de cambio"},
	planHeader:     []string{"Código Cliente", "Periodo", "Objetivo Ventas", "Objetivo Margen", "Objetivo"},
	costTypes:      [4]string{"logística", "soporte", "rappel", "marketing"},
	walkIn:         "CLIENTES VARIOS CONTADO",
}

var localeEN = locale{
	lang:  "en",
	excel: plainEN, erp: plainEN, crm: dataLoader, finance: plainEN,
	financeDir:  "finance",
	salesPrefix: "sales", headersFile: "invoices.csv", linesFile: "lines.csv",
	productsFile: "erp/products.csv", costsFile: "service_costs.csv", fxFile: "fx_rates.csv",
	planFile: "plan/targets_%d.xlsx", planSheet: "Targets",
	salesHeader: []string{"Invoice No", "Line", "Invoice Date", "Customer Code", "Customer Name", "Item",
		"Product Family", "Quantity", "Unit Price", "Discount %", "Discount Amount", "Net Amount", "Cost", "Sales Rep", "Currency"},
	invoiceHeader:  []string{"Invoice No", "Invoice Date", "Customer Code", "Sales Rep", "Currency"},
	lineHeader:     []string{"Invoice No", "Line", "Item", "Product Family", "Quantity", "Net Amount", "Cost"},
	productsHeader: []string{"Item", "Description", "Product Family", "List Price"},
	costsHeader:    []string{"Customer Code", "Date", "Cost Type", "Amount"},
	fxHeader:       []string{"Currency", "Period", "Exchange Rate"},
	planHeader:     []string{"Customer Code", "Period", "Sales Target", "Margin Target", "Objective"},
	costTypes:      [4]string{"logistics", "support", "rebate", "marketing"},
	walkIn:         "CLIENTES VARIOS CONTADO",
}

// salesFile names the invoice-line file of a two-year span; spans end on
// the year of End, and all but the newest are gzipped, as archives are.
func (l *locale) salesFile(y1 int, gz bool) string {
	name := fmt.Sprintf("erp/%s_%d_%d.csv", l.salesPrefix, y1, y1+1)
	if gz {
		name += ".gz"
	}
	return name
}

func (l *locale) monthDir(m month) string { return "erp/" + m.String() + "/" }

func (l *locale) finPath(name string) string { return l.financeDir + "/" + name }
