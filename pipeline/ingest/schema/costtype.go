package schema

import "strings"

// costTypeWords name a kind of cost to serve in a header or a file name
// (singular and plural): a freight file's "Coste porte", a rebates file's
// "Importe rappel", "rappels_2026.csv".
var costTypeWords = map[string]string{
	"porte": "logistics", "portes": "logistics", "transporte": "logistics", "transportes": "logistics",
	"flete": "logistics", "fletes": "logistics", "envio": "logistics", "envios": "logistics",
	"freight": "logistics", "shipping": "logistics", "logistics": "logistics", "logistica": "logistics",
	"carriage": "logistics", "delivery": "logistics", "deliveries": "logistics",
	"rappel": "rebate", "rappels": "rebate", "rebate": "rebate", "rebates": "rebate",
	"bonificacion": "rebate", "bonificaciones": "rebate",
	"soporte": "support", "support": "support", "asistencia": "support", "helpdesk": "support",
	"marketing": "marketing", "publicidad": "marketing", "advertising": "marketing",
	"promocion": "marketing", "promociones": "marketing", "promotion": "marketing", "promotions": "marketing",
}

// CostTypeOf is the cost type a header or a file name names by its words
// ("Coste porte" → logistics, "rappels_2026" → rebate); "" when it names
// none or more than one.
func CostTypeOf(text string) string {
	found := ""
	for _, w := range strings.Fields(Normalize(strings.NewReplacer("_", " ", "-", " ", ".", " ").Replace(text))) {
		if t := costTypeWords[w]; t != "" {
			if found != "" && found != t {
				return ""
			}
			found = t
		}
	}
	return found
}

// withoutCostType drops the words naming a cost type, so that "Coste
// porte" and "Importe rappel" are read as "coste" and "importe": the amount
// of a file of one kind of cost. "" when there are none or nothing else.
func withoutCostType(norm string) string {
	words := strings.Fields(norm)
	kept := words[:0:0]
	for _, w := range words {
		if costTypeWords[w] == "" && w != "de" && w != "del" && w != "por" {
			kept = append(kept, w)
		}
	}
	if len(kept) == len(words) || len(kept) == 0 {
		return ""
	}
	return strings.Join(kept, " ")
}
