package ingest

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"kam/i18n"
	"kam/pipeline/config"
	"kam/pipeline/ingest/schema"
)

// resolveUnsaidSigns: a file that writes its amounts with $ and names no
// currency was typed against the reporting currency known then, kam's
// default when none is configured, and its rows rejected as
// currency_unsaid. With no reporting currency configured, the folder's
// other files may name one: when every currency code the data carries is
// one dollar (Dynamics' Opportunity export says US Dollar beside its Goal
// export's "$1,500,000.00"), that is the reporting currency
// (currencyFromData) and the $ is it. The rows of the files loaded now are
// then read in it, their currency written, and the file's note says so;
// otherwise they stay rejected, saying what to do.
func (w *loader) resolveUnsaidSigns(ctx context.Context, cfg config.Config, loaded []LoadedFile) error {
	if cfg.CurrencySet {
		return nil
	}
	cur, err := w.DataCurrency(ctx)
	if err != nil || cur == "" {
		return err
	}
	var signs []string
	for _, sign := range slices.Sorted(maps.Keys(signCurrencies)) {
		if slices.Contains(signCurrencies[sign], cur) {
			signs = append(signs, sqlString(sign))
		}
	}
	if len(signs) == 0 {
		return nil
	}
	for i, lf := range loaded {
		k, ok := schema.KindByName(lf.Kind)
		if !ok || lf.Action == "unchanged" || lf.Action == "copy" {
			continue
		}
		if _, ok := k.Column("currency"); !ok {
			continue
		}
		where := fmt.Sprintf("file_id = $1 and reject.reason = 'currency_unsaid' and split_part(reject.detail, chr(31), 1) in (%s)", strings.Join(signs, ", "))
		var n int64
		var example string
		if err := w.QueryRow(ctx, fmt.Sprintf("select count(*), coalesce(min(reject.value), '') from raw.%s where %s", k.Name, where), lf.FileID).Scan(&n, &example); err != nil {
			return err
		}
		if n == 0 {
			continue
		}
		if err := w.Exec(ctx, fmt.Sprintf("update raw.%s set currency = $2, reject = null where %s", k.Name, where), lf.FileID, cur); err != nil {
			return err
		}
		note := i18n.N("note.currency_sign_from_data", example, cur, strconv.FormatInt(n, 10))
		js, err := json.Marshal(note)
		if err != nil {
			return err
		}
		if err := w.Exec(ctx, "update meta.files set rows_parse_rejected = rows_parse_rejected - $2, notes = rtrim(notes, ']') || ',' || $3 || ']' where file_id = $1", lf.FileID, n, string(js)); err != nil {
			return err
		}
		loaded[i].Notes = append(loaded[i].Notes, i18n.Texts([]i18n.Note{note})...)
	}
	return nil
}
