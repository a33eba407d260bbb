package schema

import "testing"

func TestIsCancelledStatus(t *testing.T) {
	t.Parallel()
	for raw, want := range map[string]bool{
		"Cancelled": true, "CANCELED": true, "Anulada": true, "returned": true, "X": true,
		"Cancelled by customer": true, "Devuelto": true, " void ": true,
		"Shipped": false, "return_pending": false, "On Hold": false, "completed": false,
		"placed": false, "": false, "Disputed": false, "xx": false, "Not cancelled": false,
		"cancel": true, "DELETED": true, "Borrada": true, "Borrador": false, "DRAFT": false,
	} {
		if got := IsCancelledStatus(raw); got != want {
			t.Errorf("IsCancelledStatus(%q) = %v, want %v", raw, got, want)
		}
	}
}

func TestIsNotIssuedStatus(t *testing.T) {
	t.Parallel()
	for raw, want := range map[string]bool{
		// Xero's API and UI statuses, Odoo's invoice and sales order
		// states, Spanish ERPs, Business Central's document types.
		"DRAFT": true, "SUBMITTED": true, "Awaiting Approval": true, "Draft": true,
		"Quotation": true, "Quotation Sent": true, "quotation_sent": true, "Presupuesto": true,
		"Presupuesto enviado": true, "Borrador": true, "Sales Quote": true, "Quote": true,
		"Factura proforma": true, "Pro forma": true, "Pro-forma invoice": true, "Proforma": true,
		"Pending Approval": true, "Cotización": true, "Blanket Order": true, "draft invoice": true,
		"AUTHORISED": false, "PAID": false, "VOIDED": false, "Awaiting Payment": false,
		"Posted": false, "Sales Order": false, "Locked": false, "Open": false, "Sent": false,
		"Released": false, "Invoice": false, "Factura": false, "Emitida": false, "Cobrada": false,
		"Pendiente": false, "": false, "Drafting table": false,
		"Quotas": false, "Ofertado": false,
	} {
		if got := IsNotIssuedStatus(raw); got != want {
			t.Errorf("IsNotIssuedStatus(%q) = %v, want %v", raw, got, want)
		}
	}
}

func TestNamesCreditNotes(t *testing.T) {
	for p, want := range map[string]bool{
		"devoluciones_2026.csv": true, "credit_notes.csv": true, "erp/Abonos 2026.xlsx": true,
		"facturas_rectificativas.csv": true, "sales_returns.csv": true, "CreditNotes.csv": true,
		"Notas de crédito.csv": true, "Gutschriften.csv": true,
		"ventas_y_devoluciones.csv": false, "sales and returns.csv": false, "ventas.csv": false,
		"sales.csv.gz": false, "credit/ventas.csv": false, "credit_limits.csv": false,
	} {
		if got := NamesCreditNotes(p); got != want {
			t.Errorf("NamesCreditNotes(%q) = %v, want %v", p, got, want)
		}
	}
}

func TestIsCreditDocument(t *testing.T) {
	t.Parallel()
	for raw, want := range map[string]bool{
		"Abono": true, "ABONO": true, "Factura de abono": true, "Factura rectificativa": true,
		"Rectificativa": true, "Devolución": true, "devolucion": true, "Nota de crédito": true,
		"Credit Note": true, "credit memo": true, "CRN": true, "Credit": true, "Return": true,
		"Sales return": true, "Refund": true, "Abono cliente": true, "Gutschrift": true,
		"Avoir": true, " nc ": true, "Customer Credit Note": true, "out_refund": true,
		"Refund Receipt": true, "ACCRECCREDIT": true, "Sales credit note": true,
		"Customer Invoice": false, "out_invoice": false, "ACCREC": false,
		"Factura": false, "Invoice": false, "INV": false, "Credit card": false,
		"Return pending": false, "Servicio": false, "": false, "Abonado": false,
		"Pedido": false, "Creditor": false,
		"Rechnungskorrektur": true, "Stornorechnung": true, "Rechnung": false,
		"Abschlagsrechnung": false,
		"NC - Nota crédito": true, "NCE - Nota crédito electrónica": true, "FV - Factura de venta": false,
		"ND - Nota débito": false, "XX - Nota crédito": false,
	} {
		if got := IsCreditDocument(raw); got != want {
			t.Errorf("IsCreditDocument(%q) = %v, want %v", raw, got, want)
		}
	}
}

func TestIsNoSaleDocument(t *testing.T) {
	t.Parallel()
	for raw, want := range map[string]bool{
		"P Pago": true, "N Nómina": true, "T Traslado": true, "Pago": true, "Payment": true,
		"Recibo electrónico de pago": true, "Complemento de pago": true, "Nomina": true,
		"I Ingreso": false, "E Egreso": false, "Factura": false, "Factura de pago": false,
		"Comprobante de pago": false, "Sales Receipt": false, "Payment pending": false,
		"Pago anticipado factura": false, "": false,
	} {
		if got := IsNoSaleDocument(raw); got != want {
			t.Errorf("IsNoSaleDocument(%q) = %v, want %v", raw, got, want)
		}
	}
}

func TestCreditPrefixInNumber(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		samples    []string
		ok, unsure bool
	}{
		{[]string{"FV-1-1024", "NC-1-57", "FV-1-1025"}, true, false},
		{[]string{"INV-0001", "CN-0001"}, true, false},
		{[]string{"1024", "NC57"}, true, false},
		{[]string{"FE123", "nce-4"}, true, false},
		{[]string{"ES-1001", "CN-2001", "DE-3001"}, false, true},
		{[]string{"NC-1", "NC-2"}, false, false},
		{[]string{"FV-1", "FV-2"}, false, false},
		{[]string{"NCX-100", "FV-1"}, false, false},
		{[]string{"NC-1", "2026/0001"}, false, false},
	} {
		_, _, ok, unsure := CreditPrefixInNumber(c.samples)
		if ok != c.ok || unsure != c.unsure {
			t.Errorf("CreditPrefixInNumber(%q) = ok %v unsure %v, want %v %v", c.samples, ok, unsure, c.ok, c.unsure)
		}
	}
}

func TestNamesDocumentType(t *testing.T) {
	t.Parallel()
	for raw, want := range map[string]bool{
		"FV - Factura de venta": true, "NC - Nota crédito": true, "Factura": true, "Invoice": true,
		"01 - Factura": true, "I - Ingreso": true, "Credit Note": true, "Pedido": true,
		"Factura 101": false, "FV-1-1024": false, "1024": false, "INV-0001": false, "Acme SA": false, "": false,
	} {
		if got := NamesDocumentType(raw); got != want {
			t.Errorf("NamesDocumentType(%q) = %v, want %v", raw, got, want)
		}
	}
}
