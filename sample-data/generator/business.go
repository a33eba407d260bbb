package generator

// The business: Suministros Industriales Ibérica, S.A., an industrial
// supplier in Spain that also sells to Portugal, Mexico and the United
// States. Everything here is the fixed part of the dataset; world.go adds
// the random long tail around it.

const companyName = "Suministros Industriales Ibérica, S.A."

// segment is a customer segment: its Salesforce industries, the words its
// company names start with, how common it is and how likely a customer of
// the segment buys each product family.
type segment struct {
	name       string
	industries []string // Salesforce's standard Industry picklist values
	prefixes   []string
	weight     float64
	buys       [8]float64
	channel    bool // distributors are "Customer - Channel" in Salesforce
}

var segments = []segment{
	{"industrial", []string{"Machinery", "Manufacturing", "Chemicals", "Engineering"},
		[]string{"Industrias", "Metalúrgica", "Talleres", "Mecanizados", "Fundiciones", "Forjas", "Calderería", "Plásticos", "Papelera", "Química", "Transformados"},
		30, [8]float64{.95, .85, .8, .6, .7, .7, .8, .45}, false},
	{"construcción", []string{"Construction", "Engineering"},
		[]string{"Construcciones", "Hormigones", "Prefabricados", "Áridos", "Excavaciones", "Estructuras", "Cerámicas"},
		18, [8]float64{.5, .4, .3, .85, .95, .95, .7, .3}, false},
	{"automoción", []string{"Manufacturing", "Transportation"},
		[]string{"Componentes", "Estampaciones", "Recambios", "Carrocerías", "Inyectados"},
		14, [8]float64{.9, .7, .95, .5, .8, .75, .6, .4}, false},
	{"alimentación", []string{"Food & Beverage", "Agriculture"},
		[]string{"Conservas", "Lácteos", "Cárnicas", "Frigoríficos", "Panificadora", "Bodegas", "Aceites", "Embutidos"},
		16, [8]float64{.9, .9, .7, .3, .5, .8, .9, .35}, false},
	{"energía", []string{"Energy", "Utilities"},
		[]string{"Energías", "Eólica", "Solar", "Hidroeléctrica", "Biomasa", "Cogeneración"},
		8, [8]float64{.85, .5, .3, .9, .6, .85, .8, .8}, false},
	{"distribución", []string{"Retail", "Shipping"},
		[]string{"Suministros", "Ferretería Industrial", "Distribuciones", "Comercial", "Almacenes"},
		14, [8]float64{.9, .8, .7, .6, .9, .9, .7, .05}, true},
}

const (
	segIndustrial = iota
	segConstruccion
	segAutomocion
	segAlimentacion
	segEnergia
	segDistribucion
)

// Relationship stages as Salesforce picklist API names.
var stages = []string{"Exploratory", "Basic", "Cooperative", "Interdependent", "Integrated"}

// personSpec is a user of the CRM. hours is what the person logs in the
// twelve months ending with End; the generator logs activities until the
// month's share of it is reached, so utilisation is planted, not hoped for.
type personSpec struct {
	name, title, role string
	cost, hours       float64
}

// The executive and the director come first, then the six KAMs A–F.
var plantedPeople = []personSpec{
	{"Ignacio Valcárcel Ordóñez", "Consejero Delegado", "executive", 185000, 40},
	{"Marta Ibáñez Cuesta", "Key Account Director", "director", 118000, 330},
	{"Javier Muñoz Peña", "Key Account Manager", "kam", 88000, 2080},      // A: over capacity, 12 key accounts
	{"Lucía Fernández Ordóñez", "Key Account Manager", "kam", 64500, 620}, // B: two key accounts
	{"Sergio Castaño Ruiz", "Key Account Manager", "kam", 92000, 1230},    // C
	{"Nuria Gallego Ibáñez", "Key Account Manager", "kam", 79000, 1140},   // D
	{"Álvaro Núñez Beltrán", "Key Account Manager", "kam", 71500, 1060},   // E
	{"Carmen Rodríguez Añón", "Key Account Manager", "kam", 61000, 990},   // F
}

const (
	personExec = iota
	personDirector
	kamA
	kamB
	kamC
	kamD
	kamE
	kamF
	noKAM = -1
)

// keyQuota is how many key accounts of the random tail each planted KAM
// gets on top of the planted ones: A ends with 12, B with 2, C 5, D 4, E 3,
// F 3; with the key account that has no KAM that makes 30.
var keyQuota = [...]int{kamA: 10, kamB: 2, kamC: 3, kamD: 3, kamE: 2, kamF: 2}

// Story keys.
const (
	storyLossMaker = "loss-maker"
	storyHeadroom  = "headroom"
	storyQuiet     = "going-quiet"
	storyNoKAM     = "no-kam"
	storyNoPlan    = "no-plan"
	storyUSD       = "usd"
)

// unitSpec is a planted customer: a group (members[0] is the ultimate
// parent) or a single account. share is its part of the company's LTM
// revenue (for the account that goes quiet: of the twelve months before it
// stopped); costs are shares of revenue; wallet is a multiple of revenue.
type unitSpec struct {
	story                      string
	seg                        int
	share, margin, growth      float64
	key                        bool
	kam                        int
	fit, infl, stage           int
	wallet                     float64
	logistics, rebate, support float64
	fams                       []int // nil: drawn from the segment
	since                      int   // year
	members                    []memberSpec
}

type memberSpec struct {
	name   string
	parent int // index in members, -1 for the ultimate parent
	region string
	weight float64 // share of the group's purchases; 0: a holding that does not buy
}

var plantedUnits = []unitSpec{
	{"", segAutomocion, .25, .24, .05, true, kamD, 4, 5, 4, 1.6, .015, .02, .004, nil, 1998, []memberSpec{
		{"Grupo Automoción Ebro, S.A.", -1, "Aragón", 0},
		{"Estampaciones Ebro, S.A.", 0, "Aragón", .30},
		{"Estampaciones Ebro – Planta Figueruelas", 1, "Aragón", .20},
		{"Componentes Ebro Navarra, S.L.", 0, "Navarra", .22},
		{"Ebro Automotive Portugal, Lda.", 0, "Porto", .16},
		{"Ebro Automotriz México, S.A. de C.V.", 0, "Nuevo León", .12},
	}},
	{storyLossMaker, segConstruccion, .19, .085, .04, true, kamA, 3, 5, 3, 1.5, .068, .045, .012,
		[]int{famHidraulica, famHerramientas, famEPIs, famLubricantes, famRodamientos}, 2004, []memberSpec{
			{"Grupo Peñalara, S.A.", -1, "Madrid", 0},
			{"Construcciones Peñalara, S.L.", 0, "Madrid", .34},
			{"Hormigones Peñalara, S.L.", 0, "Madrid", .16},
			{"Hormigones Peñalara – Planta Getafe", 2, "Madrid", .17},
			{"Hormigones Peñalara – Planta Alcalá de Henares", 2, "Madrid", .11},
			{"Prefabricados Peñalara, S.A.", 0, "Castilla-La Mancha", .22},
		}},
	{"", segAlimentacion, .13, .27, .06, true, kamC, 4, 4, 4, 1.7, .02, .015, .004, nil, 2001, []memberSpec{
		{"Grupo Alimentario Guadarrama, S.A.", -1, "Madrid", .12},
		{"Conservas Guadarrama, S.L.", 0, "Castilla y León", .36},
		{"Lácteos Sierra de Guadarrama, S.A.", 0, "Madrid", .30},
		{"Cárnicas Guadarrama – Planta Segovia", 0, "Castilla y León", .22},
	}},
	{"", segEnergia, .09, .28, .03, true, kamE, 4, 4, 3, 2.0, .018, .012, .006, nil, 2008, []memberSpec{
		{"Energías del Cantábrico, S.A.", -1, "Asturias", .5},
		{"Eólica Cantábrica, S.L.", 0, "Cantabria", .3},
		{"Hidroeléctrica del Narcea, S.L.", 0, "Asturias", .2},
	}},
	{"", segIndustrial, .06, .29, .02, true, kamA, 3, 3, 2, 1.8, .02, .01, .004, nil, 1995, []memberSpec{
		{"Talleres Núñez e Hijos, S.L.", -1, "País Vasco", .7},
		{"Mecanizados Núñez Araba, S.L.", 0, "País Vasco", .3},
	}},
	{storyQuiet, segAlimentacion, .025, .27, -.02, true, kamC, 3, 3, 2, 1.6, .022, .012, .004, nil, 2010, []memberSpec{
		{"Frigoríficos del Bierzo, S.A.", -1, "Castilla y León", 1},
	}},
	{storyHeadroom, segEnergia, .023, .31, .8, false, kamE, 5, 5, 1, 9.5, .012, 0, .002,
		[]int{famRodamientos, famTransmision, famLubricantes}, 2024, []memberSpec{
			{"Energías Renovables del Moncayo, S.A.", -1, "Aragón", 1},
		}},
	{storyNoKAM, segIndustrial, .02, .26, .03, true, noKAM, 4, 3, 2, 1.9, .02, .01, .004, nil, 2006, []memberSpec{
		{"Papelera del Nervión, S.A.", -1, "País Vasco", 1},
	}},
	{storyNoPlan, segIndustrial, .018, .28, .07, true, kamF, 4, 3, 2, 2.2, .018, .01, .003, nil, 2012, []memberSpec{
		{"Aceros Inoxidables Txingudi, S.L.", -1, "País Vasco", 1},
	}},
	{storyUSD, segIndustrial, .008, .3, .06, false, kamB, 3, 2, 1, 3, .03, 0, .004, nil, 2019, []memberSpec{
		{"Lone Star Conveyor Systems, Inc.", -1, "Texas", 1},
	}},
}
