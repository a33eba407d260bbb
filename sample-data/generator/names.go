package generator

import (
	"math/rand/v2"
	"strings"
)

// Name pools. Customer names carry the accents and ñ that break naive
// encoding handling; plants use an en dash, which Windows-1252 has (0x96)
// and Latin-1 does not. The planted customers' names (Peñalara, Núñez,
// Ebro, Bierzo, Moncayo, Nervión, Guadarrama) are kept out of the pools so
// that no random customer looks like one of them.
var (
	surnames = strings.Fields(`Ibáñez Muñoz Castaño Ordóñez Jiménez Martínez García Fernández
		López Sánchez Pérez Gómez Díaz Álvarez Romero Navarro Gil Serrano Molina Ortega Delgado
		Castro Ortiz Rubio Marín Sanz Iglesias Medina Garrido Cortés Santos Lozano Guerrero Cano
		Prieto Méndez Cruz Calvo Gallego Vidal León Herrera Peña Flores Cabrera Campos Vega Fuentes
		Carrasco Caballero Reyes Nieto Aguilar Pascual Herrero Montero Lorenzo Hidalgo Giménez Ibarra
		Etxeberria Zubiaurre Goñi Larrañaga Aranguren Urquiza Viñas Cañete Montañés Maldonado
		Quiñones Carreño Beltrán Bermúdez Villanueva Valcárcel Echevarría Arrieta Ferrándiz Llorente
		Mañas Piñeiro Saiz Toribio Zamora Ugarte Olmedo Albiñana Cuesta Rebollo Salcedo Tejedor`)
	places = []string{"de Gredos", "del Duero",
		"del Cinca", "del Órbigo", "del Segura", "del Júcar", "del Tajo", "del Miño",
		"del Sil", "del Pisuerga", "de Albarracín", "del Maestrazgo", "de La Mancha", "de Almadén",
		"de Urbión", "del Cantábrico", "del Estrecho", "de Levante", "del Vallès", "del Penedès",
		"de la Ribera", "de la Sagra", "del Henares", "del Jarama", "del Aljarafe", "de Tierra de Campos",
		"del Alto Aragón", "del Condado", "de la Vega", "de Sierra Morena", "del Baztán", "de Peñíscola",
		"de la Alcarria", "del Somontano", "de Cazorla", "del Oria", "del Deba", "del Urola", "del Bidasoa"}
	firstNames = strings.Fields(`Javier Lucía Sergio Nuria Álvaro Carmen Marta Ignacio Pablo Elena
		Raúl Begoña Íñigo Rocío Andrés Beatriz Jesús Mónica Óscar Sonia Adrián Pilar Rubén Ainhoa
		Víctor Noelia Gonzalo Irene Tomás Yolanda Joaquín Alba Fermín Maite Germán Leire Ramón Inés`)
	legalForms = []string{"S.L.", "S.L.", "S.L.", "S.A.", "S.A.", "S.L.U.", "S. Coop."}
)

// country is where an account is billed: its currency and name pools.
type country struct {
	name, currency string
	prefixes       []string
	stems          []string
	forms          []string
}

var (
	spain    = country{name: "España", currency: "EUR"}
	portugal = country{"Portugal", "EUR",
		[]string{"Metalúrgica", "Indústrias", "Construções", "Conservas", "Componentes", "Transformadora"},
		[]string{"do Minho", "do Douro", "de Aveiro", "do Vouga", "Ferreira", "Sousa", "Oliveira", "Pereira", "do Tâmega", "de Leiria"},
		[]string{"Lda.", "Lda.", "S.A."}}
	mexico = country{"México", "MXN",
		[]string{"Aceros", "Industrias", "Componentes", "Alimentos", "Manufacturas", "Construcciones"},
		[]string{"del Bajío", "de Monterrey", "del Norte", "de Jalisco", "Garza", "Treviño", "Hernández", "de Querétaro", "Sada"},
		[]string{"S.A. de C.V."}}
	usa = country{"Estados Unidos", "USD",
		[]string{"Lone Star", "Great Lakes", "Buckeye", "Gulf Coast", "Midwest", "Keystone", "Ozark", "Allegheny", "Red River"},
		[]string{"Conveyor Systems", "Fabrication", "Food Processing", "Energy Services", "Precision Parts", "Machining", "Packaging"},
		[]string{"Inc.", "Inc.", "LLC"}}
)

// region is a billing state (comunidad autónoma, district or state) with
// the towns where plants sit.
type region struct {
	name    string
	country *country
	weight  float64
	cities  []string
}

var regions = []region{
	{"Madrid", &spain, 14, []string{"Getafe", "Alcalá de Henares", "Móstoles", "Leganés", "Coslada", "Torrejón de Ardoz"}},
	{"Cataluña", &spain, 16, []string{"Martorell", "Sabadell", "Terrassa", "Tarragona", "Girona", "Lleida"}},
	{"País Vasco", &spain, 11, []string{"Bilbao", "Vitoria-Gasteiz", "Eibar", "Durango", "Irún", "Barakaldo"}},
	{"Andalucía", &spain, 9, []string{"Sevilla", "Málaga", "Jaén", "Córdoba", "Huelva", "Algeciras"}},
	{"Comunidad Valenciana", &spain, 10, []string{"Valencia", "Castellón", "Elche", "Alcoy", "Sagunto"}},
	{"Aragón", &spain, 6, []string{"Zaragoza", "Figueruelas", "Huesca", "Teruel"}},
	{"Castilla y León", &spain, 6, []string{"Valladolid", "Burgos", "León", "Ponferrada", "Segovia"}},
	{"Galicia", &spain, 5, []string{"Vigo", "A Coruña", "Ourense", "Lugo"}},
	{"Navarra", &spain, 4, []string{"Pamplona", "Tudela"}},
	{"Asturias", &spain, 3, []string{"Oviedo", "Gijón", "Avilés"}},
	{"Cantabria", &spain, 2, []string{"Santander", "Torrelavega"}},
	{"Castilla-La Mancha", &spain, 4, []string{"Toledo", "Guadalajara", "Albacete", "Puertollano"}},
	{"Región de Murcia", &spain, 3, []string{"Murcia", "Cartagena", "Lorca"}},
	{"Extremadura", &spain, 1, []string{"Badajoz", "Mérida"}},
	{"La Rioja", &spain, 1, []string{"Logroño"}},
	{"Islas Baleares", &spain, 0.5, []string{"Palma"}},
	{"Canarias", &spain, 0.5, []string{"Las Palmas de Gran Canaria", "Santa Cruz de Tenerife"}},
	{"Porto", &portugal, 2.5, []string{"Maia", "Matosinhos"}},
	{"Aveiro", &portugal, 1.5, []string{"Águeda", "Ovar"}},
	{"Nuevo León", &mexico, 1.5, []string{"Monterrey", "Apodaca"}},
	{"Querétaro", &mexico, 1, []string{"Querétaro"}},
	{"Jalisco", &mexico, 1, []string{"Guadalajara"}},
	{"Texas", &usa, 1, []string{"Houston", "Dallas"}},
	{"Ohio", &usa, 0.8, []string{"Columbus", "Toledo"}},
}

func regionByName(name string) int {
	for i, r := range regions {
		if r.name == name {
			return i
		}
	}
	panic("sampledata: unknown region " + name)
}

// namer hands out unique customer names.
type namer struct{ used map[string]bool }

func (n *namer) unique(name string) bool {
	if n.used[name] {
		return false
	}
	n.used[name] = true
	return true
}

// company invents a customer name for a segment and country.
func (n *namer) company(r *rand.Rand, seg *segment, c *country) string {
	for try := 0; ; try++ {
		var name string
		if c.name == spain.name {
			prefix := seg.prefixes[r.IntN(len(seg.prefixes))]
			stem := n.stem(r, try)
			form := legalForms[r.IntN(len(legalForms))]
			switch {
			case !strings.HasPrefix(stem, "d") && r.IntN(10) == 0:
				name = prefix + " " + stem + " e Hijos, " + form
			default:
				name = prefix + " " + stem + ", " + form
			}
		} else {
			name = c.prefixes[r.IntN(len(c.prefixes))] + " " + c.stems[r.IntN(len(c.stems))]
			if try > 3 {
				name += " " + surnames[r.IntN(len(surnames))]
			}
			name += ", " + c.forms[r.IntN(len(c.forms))]
		}
		if n.unique(name) {
			return name
		}
	}
}

// stem is a surname or a "del Place"; after a few collisions two surnames,
// which gives room for the hundred thousand accounts of a large sample.
func (n *namer) stem(r *rand.Rand, try int) string {
	if try > 4 {
		return surnames[r.IntN(len(surnames))] + " y " + surnames[r.IntN(len(surnames))]
	}
	if r.IntN(3) == 0 {
		return places[r.IntN(len(places))]
	}
	return surnames[r.IntN(len(surnames))]
}

// personName invents "Nombre Apellido Apellido".
func personName(r *rand.Rand) string {
	return firstNames[r.IntN(len(firstNames))] + " " + surnames[r.IntN(len(surnames))] + " " + surnames[r.IntN(len(surnames))]
}

// short drops the legal form: "Construcciones Peñalara, S.L." → "Construcciones Peñalara".
func short(name string) string {
	if i := strings.LastIndex(name, ", "); i > 0 {
		name = name[:i]
	}
	return strings.TrimSuffix(name, " e Hijos")
}
