package generator

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
)

// family is a product line as the ERP names it. cost is the cost of goods
// as a share of the list price: discounts eat into a margin that starts at
// 1 − cost, which is how the loss-making group ends up with a thin margin.
type family struct {
	name string
	cost float64
}

var families = []family{
	{"Rodamientos", 0.57},
	{"Transmisión", 0.55},
	{"Neumática", 0.52},
	{"Hidráulica", 0.54},
	{"Herramientas", 0.50},
	{"EPIs", 0.46},
	{"Lubricantes", 0.61},
	{"Servicios", 0.40},
}

const (
	famRodamientos = iota
	famTransmision
	famNeumatica
	famHidraulica
	famHerramientas
	famEPIs
	famLubricantes
	famServicios
)

// series is a run of sizes of one article; sizes are "code|description
// suffix" (or one string when both are the same), prices grow by step.
type series struct {
	fam         int
	code, desc  string
	price, step float64
	sizes       []string
}

var catalogSeries = []series{
	{famRodamientos, "ROD-%s", "Rodamiento rígido de bolas %s", 3.4, 1.22, strings.Fields("6201-2RS 6202-2RS 6203-2RS 6204-2RS 6205-2RS 6206-2RS 6207-2RS 6208-2RS 6210-2RS 6305-ZZ 6308-ZZ 6310-ZZ")},
	{famRodamientos, "ROD-%s", "Rodamiento de rodillos cónicos %s", 18.5, 1.35, strings.Fields("30205 30207 30210 32212 32216 32220")},
	{famRodamientos, "ROD-%s", "Rodamiento oscilante de rodillos %s", 95, 1.4, strings.Fields("22210-E 22216-E 22220-E 22310-E 23120-E")},
	{famRodamientos, "ROD-%s", "Soporte de pie con rodamiento %s", 16, 1.3, strings.Fields("UCP205 UCP208 UCP210 UCP212")},
	{famRodamientos, "ROD-KIT-%s", "Kit de montaje de rodamientos %s", 420, 1, []string{"TMFT36"}},
	{famTransmision, "TRA-CAD-%s", "Cadena de rodillos %s (rollo 5 m)", 38, 1.45, strings.Fields("06B-1 08B-1 10B-1 12B-1 16B-1 20B-1")},
	{famTransmision, "TRA-COR-%s", "Correa trapecial %s", 9.8, 1.5, strings.Fields("SPZ-1000 SPA-1250 SPB-1800 SPC-3150 XPA-1400")},
	{famTransmision, "TRA-POL-%s", "Polea de garganta %s", 62, 1.8, strings.Fields("SPA-125-2 SPB-200-3 SPB-315-4")},
	{famTransmision, "TRA-ACO-%s", "Acoplamiento elástico %s", 48, 1.55, strings.Fields("ROTEX-28 ROTEX-38 ROTEX-48 ROTEX-65")},
	{famTransmision, "TRA-MR-%s", "Motorreductor coaxial %s kW", 420, 1.45, strings.Fields("037|0,37 075|0,75 150|1,5 300|3 550|5,5 1100|11")},
	{famNeumatica, "NEU-CIL-%s", "Cilindro neumático ISO 15552 %s", 68, 1.35, strings.Fields("32x100|Ø32×100 40x200|Ø40×200 50x250|Ø50×250 63x320|Ø63×320 80x400|Ø80×400")},
	{famNeumatica, "NEU-EV-%s", "Electroválvula 5/2 %s", 54, 1.4, strings.Fields("G18|G1/8 G14|G1/4 G12|G1/2")},
	{famNeumatica, "NEU-FRL-%s", "Unidad de mantenimiento FRL %s", 85, 1.5, strings.Fields("G14|G1/4 G12|G1/2 G1|G1")},
	{famNeumatica, "NEU-RAC-%s", "Racor instantáneo recto %s (bolsa 10 uds)", 14, 1.2, strings.Fields("6|Ø6 8|Ø8 10|Ø10 12|Ø12")},
	{famNeumatica, "NEU-TUB-%s", "Tubo de poliuretano %s (rollo 25 m)", 24, 1.25, strings.Fields("6|Ø6 8|Ø8 10|Ø10 12|Ø12")},
	{famHidraulica, "HID-BOM-%s", "Bomba de engranajes %s cm³", 165, 1.2, strings.Fields("4 8 11 16 25")},
	{famHidraulica, "HID-LAT-%s", "Latiguillo hidráulico 2SN %s (1 m)", 21, 1.25, strings.Fields("DN06 DN10 DN12 DN16 DN20 DN25")},
	{famHidraulica, "HID-VD-%s", "Válvula direccional %s 24 V DC", 185, 1.9, strings.Fields("NG6 NG10")},
	{famHidraulica, "HID-CIL-%s", "Cilindro hidráulico doble efecto %s", 640, 1.7, strings.Fields("50x300|Ø50×300 80x500|Ø80×500 100x800|Ø100×800")},
	{famHidraulica, "HID-GRP-%s", "Grupo hidráulico %s kW", 2450, 1.8, strings.Fields("2-2|2,2 5-5|5,5 11|11")},
	{famHerramientas, "HER-LLC-%s", "Llave combinada %s mm", 6.2, 1.12, strings.Fields("10 13 17 19 22 24 27 30")},
	{famHerramientas, "HER-VAS-%s", `Juego de llaves de vaso 1/2" %s piezas`, 89, 1.9, strings.Fields("24 46")},
	{famHerramientas, "HER-TAL-%s", "Taladro percutor %s", 189, 1.3, []string{"18V|18 V sin cable", "800W|800 W"}},
	{famHerramientas, "HER-AMO-%s", "Amoladora angular %s mm", 118, 1.6, strings.Fields("125 230")},
	{famHerramientas, "HER-DIN-%s", "Llave dinamométrica %s N·m", 165, 1.5, strings.Fields("20-100|20–100 60-340|60–340")},
	{famHerramientas, "HER-CAR-%s", "Carro de herramientas %s cajones", 490, 1.35, strings.Fields("5 7")},
	{famEPIs, "EPI-GUA-%s", "Guantes de nitrilo talla %s (caja 12 pares)", 21, 1, strings.Fields("8 9 10")},
	{famEPIs, "EPI-CAS-%s", "Casco de seguridad %s", 8.9, 1, strings.Fields("BL|blanco AM|amarillo")},
	{famEPIs, "EPI-GAF-%s", "Gafas de protección %s", 6.5, 1.1, strings.Fields("INC|incoloras SOL|solares")},
	{famEPIs, "EPI-BOT-%s", "Botas de seguridad S3 talla %s", 62, 1, strings.Fields("40 42 44 46")},
	{famEPIs, "EPI-ARN-%s", "Arnés anticaídas %s", 95, 1.6, []string{"2P|2 puntos", "5P|5 puntos"}},
	{famEPIs, "EPI-MSC-%s", "Mascarilla %s (caja 20 uds)", 14, 1.5, strings.Fields("FFP2 FFP3")},
	{famLubricantes, "LUB-GRA-%s", "Grasa %s (cartucho 400 g)", 7.4, 1.4, []string{"EP2|EP2 de litio", "H1|alimentaria NSF H1", "HT|alta temperatura"}},
	{famLubricantes, "LUB-HID-%s", "Aceite hidráulico ISO VG %s (bidón 20 l)", 78, 1.05, strings.Fields("32 46 68")},
	{famLubricantes, "LUB-HIDB-%s", "Aceite hidráulico ISO VG %s (bidón 208 l)", 690, 1.05, strings.Fields("46 68")},
	{famLubricantes, "LUB-ENG-%s", "Aceite de engranajes ISO VG %s (bidón 20 l)", 96, 1.06, strings.Fields("150 220 320")},
	{famLubricantes, "LUB-SPR-%s", "Aflojatodo en spray %s", 5.6, 1, []string{"400|400 ml"}},
	{famServicios, "SRV-%s", "%s", 45, 1, []string{"MO-TEC|Mano de obra técnico (45 €/h)"}},
	{famServicios, "SRV-%s", "%s", 0.45, 1, []string{"DESP|Desplazamiento técnico (0,45 €/km)"}},
	{famServicios, "SRV-%s", "%s", 38, 1, []string{"VIB|Análisis de vibraciones (por punto de medida)"}},
	{famServicios, "SRV-%s", "%s", 260, 1, []string{"ALI|Alineación láser de ejes"}},
	{famServicios, "SRV-%s", "%s", 380, 1, []string{"MON|Montaje de rodamientos in situ"}},
	{famServicios, "SRV-%s", "%s", 980, 1, []string{"FOR|Formación en mantenimiento (jornada)"}},
	{famServicios, "SRV-%s", "%s", 1450, 1, []string{"AUD|Auditoría de lubricación de planta"}},
}

// product is an article of the price list. Prices and costs are EUR cents.
type product struct {
	code, desc string
	fam        int
	price      int64
	cost       float64 // unit cost, EUR cents
	hours      bool    // sold by the half hour
}

// catalog is the price list, and per family the articles by rising price
// so that a line can pick an article that fits its budget.
type catalog struct {
	products []product
	byFam    [][]int
}

func newCatalog(r *rand.Rand) catalog {
	var c catalog
	c.byFam = make([][]int, len(families))
	for _, s := range catalogSeries {
		price := s.price
		for _, size := range s.sizes {
			code, desc, ok := strings.Cut(size, "|")
			if !ok {
				desc = code
			}
			p := product{
				code:  fmt.Sprintf(s.code, code),
				desc:  fmt.Sprintf(s.desc, desc),
				fam:   s.fam,
				price: int64(math.Round(price * 100)),
				hours: code == "MO-TEC",
			}
			p.cost = float64(p.price) * families[s.fam].cost * between(r, 0.92, 1.08)
			c.byFam[s.fam] = append(c.byFam[s.fam], len(c.products))
			c.products = append(c.products, p)
			price *= s.step
		}
	}
	for _, ids := range c.byFam {
		slices.SortStableFunc(ids, func(a, b int) int { return int(c.products[a].price - c.products[b].price) })
	}
	return c
}

// choose picks an article of family f for a line worth about budget cents
// per unit: usually one of the dearest that fit, sometimes any that fits
// (consumables bought by the box), never one so cheap that the line would
// need more than about sixty of it.
func (c *catalog) choose(r *rand.Rand, f int, budget float64) int {
	ids := c.byFam[f]
	count := func(limit float64) int {
		k, _ := slices.BinarySearchFunc(ids, limit, func(id int, b float64) int {
			if float64(c.products[id].price) <= b {
				return -1
			}
			return 1
		})
		return k
	}
	k, j := count(budget), count(budget/60)
	switch {
	case k == 0:
		return ids[0]
	case j >= k:
		return ids[k-1]
	case r.IntN(2) == 0:
		lo := max(j, k-4)
		return ids[lo+r.IntN(k-lo)]
	}
	return ids[j+r.IntN(k-j)]
}
