package schema

// assessmentSynonyms are the words of a KAM assessment file (a
// competency review exported from an HR tool or kept in a spreadsheet).
var assessmentSynonyms = map[string]map[string][]string{
	Assessments: {
		"kam_id": {
			"evaluado", "persona evaluada", "id evaluado", "assessee", "appraisee", "employee",
			"empleado", "gestor evaluado", "kam evaluado",
		},
		"dimension": {
			"dimensión", "competencia", "habilidad", "capacidad evaluada", "área", "aspecto",
			"criterio", "competency", "skill", "capability", "area", "criterion",
			"~tipo", "~type",
		},
		"score": {
			"puntuación", "nota", "valoración", "calificación", "score", "rating", "grade",
			"puntos", "nivel", "level", "~valor", "~value",
		},
		"assessor": {
			"evaluador", "evaluadora", "evaluado por", "assessor", "assessed by", "rater",
			"reviewer", "appraiser", "revisor", "responsable evaluación",
		},
		"assessment_date": {
			"fecha evaluación", "fecha de evaluación", "fecha de la evaluación", "assessment date",
			"review date", "fecha revisión", "appraisal date", "~fecha", "~date",
		},
	},
}
