// Package ingest reads the input folder into the warehouse's raw tables:
// discover the files, sniff and transcode text, read CSV, Excel and Parquet,
// map headers onto the kinds of the data contract (schema) and parse the
// values (parse), so that every row is loaded or rejected with a reason.
package ingest

import (
	"cmp"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"kam/i18n"
	"kam/pipeline/config"
	"kam/pipeline/ingest/schema"
	"kam/pipeline/warehouse"
)

// FileError is a file that could not be read at all: the run fails, so that
// none of its rows is silently missing.
type FileError struct {
	Path string
	Err  error
}

// Error names the file once (many inner errors name it already), its
// control and invisible characters escaped.
func (e *FileError) Error() string {
	msg := strings.TrimPrefix(e.Err.Error(), e.Path+": ")
	return Printable(e.Path) + ": " + msg
}
func (e *FileError) Unwrap() error { return e.Err }

// LoadedFile is what the load of one file decided, for the manifest.
type LoadedFile struct {
	FileID   int
	Path     string
	Kind     string
	Action   string   // "loaded", "replaced", "unchanged", "copy"
	CopyOf   string   // for a byte-identical copy of an already loaded file
	Notes    []string // in English, for the manifest (the warehouse keeps them as i18n notes)
	Mapping  map[string]string
	Seconds  float64
	MBytes   float64
	Duration time.Duration
}

// Ingest loads every new or changed file of the input folder into the
// warehouse, inside the run's open transaction.
func Ingest(ctx context.Context, wh *warehouse.Warehouse, inputDir string, cfg config.Config, tmpDir string, excludes []string, p warehouse.Progress) ([]LoadedFile, []Skipped, error) {
	w := &loader{wh}
	if err := w.createKindTables(ctx); err != nil {
		return nil, nil, err
	}
	files, skipped, err := Discover(inputDir, cfg, excludes...)
	if err != nil {
		return nil, nil, err
	}
	files, sheets := expandWorkbooks(files)
	skipped = append(skipped, sheets...)
	markHeaderFiles(files)
	headersFor, err := w.invoicesAvailable(ctx, files, cfg)
	if err != nil {
		return nil, nil, err
	}
	var loaded []LoadedFile
	var errs []error
	// The decode pass of the next text file runs while DuckDB loads this
	// one: it is Go work on the cores DuckDB leaves idle between and within
	// its statements.
	var next *prefetch
	defer func() { next.discard() }()
	for i, f := range files {
		if err := ctx.Err(); err != nil {
			return nil, nil, err
		}
		cur := next
		next = nil
		if i+1 < len(files) && prefetchNext {
			if next, err = w.startPrefetch(ctx, files[i+1], cfg, tmpDir, i+1); err != nil {
				cur.discard()
				return nil, nil, err
			}
		}
		p.File(i+1, len(files), f.Rel, f.Size)
		start := time.Now()
		lf, skip, err := w.ingestFile(ctx, f, cfg, tmpDir, i, headersFor(i), cur)
		cur.discard()
		switch {
		case err != nil:
			if ctx.Err() != nil {
				return nil, nil, ctx.Err()
			}
			if warehouse.EngineFailed(err) {
				// The transaction is lost: the other files would only
				// repeat that.
				return nil, nil, &FileError{Path: f.Rel, Err: err}
			}
			errs = append(errs, &FileError{Path: f.Rel, Err: err})
		case skip != "":
			skipped = append(skipped, Skipped{Path: f.Rel, Reason: skip})
		default:
			lf.Duration = time.Since(start)
			lf.MBytes = float64(f.Size) / 1e6
			loaded = append(loaded, *lf)
		}
		p.FileDone(f.Rel, f.Size, time.Since(start))
	}
	if len(errs) > 0 {
		return loaded, skipped, errors.Join(errs...)
	}
	if err := w.resolveUnsaidSigns(ctx, cfg, loaded); err != nil {
		return nil, nil, err
	}
	if err := w.noteInvoiceDiscounts(ctx, loaded); err != nil {
		return nil, nil, err
	}
	return loaded, skipped, nil
}

type knownFile struct {
	id      int
	sha     string
	size    int64
	mtime   time.Time
	kind    string
	present bool
}

func (w *loader) knownByPath(ctx context.Context, rel string) (*knownFile, error) {
	k := &knownFile{}
	err := w.QueryRow(ctx, "select file_id, sha256, size_bytes, mtime, kind from meta.files where path = ?", rel).
		Scan(&k.id, &k.sha, &k.size, &k.mtime, &k.kind)
	if err == sql.ErrNoRows {
		return nil, nil
	}
	return k, err
}

// ingestFile loads one file unless the warehouse already holds its bytes.
// It returns a skip reason for files that are not data of any kind.
func (w *loader) ingestFile(ctx context.Context, f InputFile, cfg config.Config, tmpDir string, seq int, headers bool, pre *prefetch) (*LoadedFile, string, error) {
	old, err := w.knownByPath(ctx, f.Rel)
	if err != nil {
		return nil, "", err
	}
	// Same path, size and modification time: the bytes are taken as the
	// same (as make and rsync do), so a monthly re-run does not hash every
	// old export again.
	if old != nil && old.size == f.Size && old.mtime.Equal(f.ModTime.UTC().Truncate(time.Microsecond)) {
		return &LoadedFile{FileID: old.id, Path: f.Rel, Kind: old.kind, Action: "unchanged"}, "", nil
	}
	// Text files are fingerprinted by the same pass that decodes them.
	var text *openedText
	var sha string
	if f.Container == "csv" || f.Container == "csv.gz" {
		rt, tf, err := pre.take()
		if pre == nil {
			rt, tf, err = openText(ctx, f, fmt.Sprintf("kam_raw_%d", seq), tmpDir, cfg.NumberLocale, cfg.MissingValues)
		}
		if nh, ok := err.(noHeaderError); ok {
			nh.file = path.Base(f.Rel)
			err = nh
		}
		if err != nil {
			if errors.Is(err, errNoTable) && len(f.NameKinds) == 0 && f.Rule == nil {
				if _, ok := err.(noHeaderError); ok {
					return nil, "no header row: " + err.Error(), nil
				}
				return nil, "not a table of data: " + err.Error(), nil
			}
			return nil, "", err
		}
		if tf.TextPath != f.Abs {
			defer os.Remove(tf.TextPath)
		}
		text, sha = &openedText{rt, tf}, tf.SHA256
	} else if f.Rule != nil && len(f.Rule.Headers) > 0 {
		// Workbooks and Parquet name their columns themselves.
		return nil, "", fmt.Errorf("files: match %q gives headers:, which only text files (.csv, .txt, .tsv) take; remove them for this %s file", f.Rule.Glob, f.Container)
	} else if sha, err = hashFile(f.Abs); err != nil {
		return nil, "", err
	}
	if old != nil && old.sha == sha {
		err := w.Exec(ctx, "update meta.files set mtime = ?, size_bytes = ? where file_id = ?", f.ModTime.UTC(), f.Size, old.id)
		return &LoadedFile{FileID: old.id, Path: f.Rel, Kind: old.kind, Action: "unchanged"}, "", err
	}
	// A byte-identical copy is a duplicate of a file of a kind it may have:
	// a files: rule that gives it another kind is obeyed (as is a name that
	// says another kind).
	kinds := f.NameKinds
	if f.Rule != nil && f.Rule.Kind != "" {
		kinds = []string{f.Rule.Kind}
	}
	var copyID int
	var copyPath string
	// (Two sheets of one workbook share its bytes; a copy is of the same sheet.)
	err = w.QueryRow(ctx, `select file_id, path from meta.files where sha256 = ? and duplicate_of is null and path <> ?
		and (? = '' or list_contains(string_split(?, ','), kind)) and (? = '' or sheet = ?) order by file_id limit 1`,
		sha, f.Rel, strings.Join(kinds, ","), strings.Join(kinds, ","), f.Sheet, f.Sheet).Scan(&copyID, &copyPath)
	if err != nil && err != sql.ErrNoRows {
		return nil, "", err
	}
	action := "loaded"
	if old != nil {
		if err := w.forget(ctx, old.id); err != nil {
			return nil, "", err
		}
		action = "replaced"
	}
	if copyID != 0 {
		// A byte-identical copy under another name: its rows are all
		// duplicates of the first copy's.
		id, err := w.nextFileID(ctx)
		if err != nil {
			return nil, "", err
		}
		err = w.Exec(ctx, `insert into meta.files select ?, ?, kind, sha256, ?, ?, format, encoding, delimiter, sheet,
			header_line, preset, mapping, ?, rows_read, 0, file_id, now() from meta.files where file_id = ?`,
			id, f.Rel, f.Size, f.ModTime.UTC(), mustJSON([]string{"byte-identical copy of " + copyPath + ": every row counted as a duplicate"}), copyID)
		return &LoadedFile{FileID: id, Path: f.Rel, Action: "copy", CopyOf: copyPath}, "", err
	}
	lf, skip, err := w.loadFile(ctx, f, cfg, sha, seq, headers, text)
	if lf != nil {
		lf.Action = action
	}
	return lf, skip, err
}

func (w *loader) nextFileID(ctx context.Context) (int, error) {
	var id int
	err := w.QueryRow(ctx, "select nextval('meta.file_ids')").Scan(&id)
	return id, err
}

// forget removes everything a file had loaded, before its new version is
// loaded under the same name.
func (w *loader) forget(ctx context.Context, id int) error {
	for _, k := range schema.Kinds {
		if err := w.Exec(ctx, "delete from raw."+k.Name+" where file_id = ?", id); err != nil {
			return err
		}
	}
	// Copies of the old bytes stay copies of nothing: they become their own.
	if err := w.Exec(ctx, "delete from meta.files where duplicate_of = ?", id); err != nil {
		return err
	}
	return w.Exec(ctx, "delete from meta.files where file_id = ?", id)
}

// prefetchNext starts the decode pass of the next file before its turn
// (the tests compare with the files one after the other).
var prefetchNext = true

// prefetch is the decode pass of a text file started before its turn.
type prefetch struct {
	abs  string // the file itself, never removed
	done chan struct{}
	rt   *rawTable
	tf   *textFile
	err  error
	used bool
}

// startPrefetch starts the decode pass of a text file that will need one:
// not one the warehouse holds unchanged (its path, size and time), which
// is not read at all. It returns nil for other files.
func (w *loader) startPrefetch(ctx context.Context, f InputFile, cfg config.Config, tmpDir string, seq int) (*prefetch, error) {
	if f.Container != "csv" && f.Container != "csv.gz" {
		return nil, nil
	}
	old, err := w.knownByPath(ctx, f.Rel)
	if err != nil {
		return nil, err
	}
	if old != nil && old.size == f.Size && old.mtime.Equal(f.ModTime.UTC().Truncate(time.Microsecond)) {
		return nil, nil
	}
	pf := &prefetch{abs: f.Abs, done: make(chan struct{})}
	go func() {
		defer close(pf.done)
		pf.rt, pf.tf, pf.err = openText(ctx, f, fmt.Sprintf("kam_raw_%d", seq), tmpDir, cfg.NumberLocale, cfg.MissingValues)
	}()
	return pf, nil
}

// take waits for the decode pass and hands its result over, as openText
// returns it; a nil prefetch has none.
func (pf *prefetch) take() (*rawTable, *textFile, error) {
	if pf == nil {
		return nil, nil, nil
	}
	<-pf.done
	pf.used = true
	return pf.rt, pf.tf, pf.err
}

// discard waits for a decode pass whose result was not taken (the file
// turned out unchanged, or the run stops) and removes its decoded copy.
func (pf *prefetch) discard() {
	if pf == nil {
		return
	}
	<-pf.done
	if !pf.used && pf.tf != nil && pf.tf.TextPath != "" && pf.tf.TextPath != pf.abs {
		os.Remove(pf.tf.TextPath)
	}
}

// openedText is a text file after its decoding pass.
type openedText struct {
	rt *rawTable
	tf *textFile
}

// loadFile reads, maps, types and stores one file; text files arrive
// decoded already.
// smallInsertRows is DuckDB's row group: an insert of fewer rows is kept in
// line order (see loadFile's insert).
const smallInsertRows = 122880

func (w *loader) loadFile(ctx context.Context, f InputFile, cfg config.Config, sha string, seq int, headers bool, text *openedText) (*LoadedFile, string, error) {
	rawName := fmt.Sprintf("kam_raw_%d", seq)
	defer w.Exec(context.Background(), "drop table if exists "+rawName)
	tr := newTracer(f.Rel)
	var rt *rawTable
	var tf *textFile
	if text != nil {
		rt, tf = text.rt, text.tf
	} else {
		var err error
		if rt, err = w.readRaw(ctx, f, rawName); err != nil {
			return nil, "", err
		}
	}
	tr.mark("read")
	rt.Missing = cfg.MissingValues
	kind, how, skip := decideKind(f, rt.Header)
	// sample gives a column's filled values: from records spread over a
	// text file, else from the raw table the reader made.
	sample := func(idx int) ([]string, error) { return w.sample(ctx, rt, idx) }
	var textSamples [][]string
	if tf != nil {
		var err error
		if textSamples, err = sampleText(tf.TextPath, tf.Delim, tf.HeaderLine, sampleRows); err != nil {
			return nil, "", err
		}
		rt.decideExcelText(textSamples)
		sample = func(idx int) ([]string, error) {
			var out []string
			for _, r := range textSamples {
				if idx < len(r) {
					if v := rt.present(r[idx]); v != "" {
						out = append(out, v)
					}
				}
			}
			return out, nil
		}
	}
	if tx, err := notAMaster(f, rt.Header, rt.Serial, kind, skip, cfg, sample); err != nil {
		return nil, "", err
	} else if tx != "" {
		return nil, tx, nil
	}
	if skip != "" {
		if headerLooksLikeData(rt.Header) {
			skip = fmt.Sprintf("its first line looks like data, not column names (%s); if it is data, add a files: rule with its kind and headers (its column names) to kam.yaml", quoteList(rt.Header))
		}
		if pivot := pivotHeaders(rt.Header); len(pivot) > 0 {
			skip = i18n.T(cfg.Language, "mapping.pivot_table", quoteList(pivot))
		}
		return nil, skip, nil
	}
	k, _ := schema.KindByName(kind)
	explicit := map[string]string{}
	for c, h := range cfg.Columns[kind] {
		explicit[c] = h
	}
	if f.Rule != nil {
		for c, h := range f.Rule.Columns {
			explicit[c] = h
		}
	}
	m, err := schema.Map(f.Rel, kind, rt.Header, explicit)
	var me *schema.MappingError
	if err != nil && !errors.As(err, &me) {
		return nil, "", err
	}
	// A file of one kind of cost to serve (a freight list, a rebates
	// file) names it in its amount's header or its own name.
	costType, costTypeFrom := "", ""
	if _, ok := m.Columns["cost_type"]; k.Name == schema.ServiceCosts && !ok {
		if i, ok := m.Columns["amount"]; ok {
			costType, costTypeFrom = schema.CostTypeOf(rt.Header[i]), rt.Header[i]
		}
		if costType == "" {
			costType, costTypeFrom = schema.CostTypeOf(path.Base(f.Rel)), path.Base(f.Rel)
		}
		if costType != "" && me != nil {
			me.Missing = slices.DeleteFunc(me.Missing, func(ms schema.Missing) bool { return ms.Column == "cost_type" })
			if len(me.Missing) == 0 {
				me = nil
			}
		}
	}
	if me == nil {
		if h, err := typeNamesAsNumber(k, f.Rel, &m, rt.Header, explicit, sample); err != nil {
			return nil, "", err
		} else if n := m.Columns["invoice_id"]; h != "" && rt.Header[n] != h {
			rt.note("note.type_names_not_number", h, rt.Header[n])
		} else if h != "" {
			rt.note("note.type_names_only_number", h)
		}
	}
	if codes, err := keyListCodes(k, &m, rt.Header, sample); err != nil {
		return nil, "", err
	} else if codes {
		rt.note("note.key_list_codes", rt.Header[m.Columns["account_id"]])
		if me != nil {
			// A list's rows need a code only (no name).
			me.Missing = slices.DeleteFunc(me.Missing, func(ms schema.Missing) bool {
				return ms.Column == "account_id" || strings.HasPrefix(ms.Column, "account_name")
			})
			if len(me.Missing) == 0 {
				me = nil
			}
		}
	}
	if k.Name == schema.Sales {
		if line := transactionIsLine(&m, rt.Header, explicit); line != "" {
			rt.note("note.transaction_is_line", rt.Header[m.Columns["invoice_id"]], line)
		}
	}
	if k.Name == schema.Sales && !headers && nameIsAccountID(&m, rt.Header) {
		rt.note("note.name_is_account_id", rt.Header[m.Columns["account_id"]])
	}
	// Every column the file lacks, in one message: those of the kind and
	// those its derivations need.
	if more := underivable(k, m, rt.Header, headers); len(more) > 0 {
		if me == nil {
			me = &schema.MappingError{File: f.Rel, Kind: kind, Found: rt.Header}
		}
		me.Missing = append(me.Missing, more...)
		order := func(ms schema.Missing) int {
			name, _, _ := strings.Cut(ms.Column, " ")
			return slices.IndexFunc(k.Columns, func(c schema.Column) bool { return c.Name == name })
		}
		slices.SortStableFunc(me.Missing, func(a, b schema.Missing) int { return cmp.Compare(order(a), order(b)) })
	}
	if me != nil {
		me.Lang = cfg.Language
		marketplaceNoCustomer(me, m, rt.Header)
		if (f.Rule == nil || len(f.Rule.Headers) == 0) && headerLooksLikeData(rt.Header) {
			return nil, "", fmt.Errorf("%w\n  %s", me, i18n.T(cfg.Language, "mapping.looks_like_data", path.Base(f.Rel), len(rt.Header)))
		}
		if pivot := pivotHeaders(rt.Header); len(pivot) > 0 {
			return nil, "", fmt.Errorf("%w\n  %s", me, i18n.T(cfg.Language, "mapping.pivot_table", quoteList(pivot)))
		}
		if tf != nil && groupedReport(tf, rt) {
			return nil, "", fmt.Errorf("%w\n  %s", me, i18n.T(cfg.Language, "mapping.grouped_report"))
		}
		return nil, "", me
	}
	rt.Notes = append(rt.Notes, repeatedHeaderNotes(rt.Header, m)...)

	keyValues, err := keyAccountLabel(k, &m, rt.Header, sample)
	if err != nil {
		return nil, "", err
	}
	if len(keyValues) > 0 {
		rt.note("note.key_account_by_label", rt.Header[m.Columns["account_type"]], quoteList(keyValues))
	}
	// A files: rule with the kind reads the file as the kind says.
	keyList := false
	if k.Name == schema.Accounts && (f.Rule == nil || f.Rule.Kind == "") {
		by, flag, err := keyAccountList(f.Rel, rt.Sheet, rt.Header, &m, sample)
		if err != nil {
			return nil, "", err
		}
		if by != "" {
			// The note marks the file as the list for the models too
			// (staging.stg_files.is_key_list).
			rt.note("note.key_account_list", by, f.Rel)
			keyList = true
		}
		if flag != "" {
			rt.note("note.key_list_flag", flag)
		}
	}
	booked, swaps := preferBookedAmounts(k, &m, rt.Header, explicit, cfg.Currency)
	rt.Notes = append(rt.Notes, booked...)
	rt.Notes = append(rt.Notes, ownCurrencyColumns(k, &m, rt.Header, explicit)...)
	var recs [][]string // the first records, or those sampled from a text file: an invoice's lines together
	if k.Name == schema.Sales || len(swaps) > 0 {
		recs = textSamples
		if tf == nil {
			if recs, err = w.firstRecords(ctx, rt, sampleRows); err != nil {
				return nil, "", err
			}
		}
	}
	decided, err := decideRateOrAmount(k, &m, rt.Header, rt.NumberHint, sample, recs, rt.present)
	if err != nil {
		return nil, "", err
	}
	rt.Notes = append(rt.Notes, decided...)
	if k.Name == schema.Sales {
		if ledger := ledgerAccountIsNoCustomer(&m, rt.Header, explicit, recs, rt.present); ledger != "" {
			rt.note("note.ledger_account", ledger, rt.Header[m.Columns["account_id"]])
		}
		totals, err := invoiceTotalAsLineAmount(k, &m, rt.Header, explicit, recs, rt.present, rt.NumberHint)
		var te *invoiceTotalError
		if errors.As(err, &te) {
			return nil, "", fmt.Errorf("%s: %s", f.Rel, i18n.T(cfg.Language, "mapping.invoice_total_on_lines", te.header))
		}
		if err != nil {
			return nil, "", err
		}
		rt.Notes = append(rt.Notes, totals...)
	}
	unapplied, err := unappliedDiscountNotes(k, m, rt.Header, sample)
	if err != nil {
		return nil, "", err
	}
	rt.Notes = append(rt.Notes, unapplied...)
	rt.bookedCurrency = bookedCurrency(m, swaps, recs, rt.present)
	t, err := w.planTyping(ctx, rt, k, m, cfg, f.Rule, sample)
	if err != nil {
		return nil, "", err
	}
	t.keyList = keyList
	if costType != "" {
		t.costType = costType
		rt.note("note.cost_type_from_name", costTypeFrom, costType)
	}
	if k.Name == schema.Sales && schema.NamesCreditNotes(f.Rel) {
		// "devoluciones.csv", "credit_notes.csv": ERPs export returns
		// with positive amounts in a file of their own.
		t.creditNotes = true
		rt.note("note.credit_file")
	}
	t.namedOrders = k.Name == schema.Sales && schema.NamesOrders(f.Rel)
	if k.Name == schema.Sales {
		t.decideCarryDown(rt, recs)
		t.decideOrderFill(rt, recs)
		t.decideTaxInclusion(recs)
		t.decideTaxIncluded(recs)
		var ge *grossTaxError
		if err := t.decideGrossLessTax(recs); errors.As(err, &ge) {
			return nil, "", fmt.Errorf("%s: %s", f.Rel, i18n.T(cfg.Language, "mapping.gross_tax_contradict", ge.gross, ge.grossValue, ge.tax, ge.taxValue))
		}
		t.decideBeforeDiscount(rt.Header, recs)
		t.decideUnseenDiscount(rt.Header, recs)
		if t.beforeDiscount {
			// The line's discount is taken off: another discount column
			// beside it (its rate) is the same discount, not one left.
			rt.Notes = slices.DeleteFunc(rt.Notes, func(n i18n.Note) bool { return n.Key == "note.discount_not_applied" })
		}
	}
	tr.mark("plan")
	id, err := w.nextFileID(ctx)
	if err != nil {
		return nil, "", err
	}
	cols := storedColumns(k)
	names := make([]string, len(cols))
	values := make([]string, len(cols))
	for i, c := range cols {
		names[i] = sqlIdent(c.Name)
		values[i] = sqlIdent("d_" + c.Name)
	}
	// One pass per source: the typed select streams straight into the
	// kind's table, rejected rows included (with their reason, out of
	// every model).
	insert := func(src *rawTable) error {
		q := t.typedSQL(src)
		if d := os.Getenv("KAM_TRACE_SQL"); d != "" {
			os.WriteFile(filepath.Join(d, fmt.Sprintf("%s-%d-%t.sql", kind, seq, src.native)), []byte(q), 0o644)
		}
		// A file of less than a row group is stored in line order: the
		// line numbers derived by a window over each invoice otherwise
		// made the insert store its rows in pieces, about 1 MB of memory
		// held to the end of the run for every file however small (1.3 GB
		// for a folder of 1,000 daily exports of 50 lines) and a slower
		// commit. A larger file fills its row groups anyway, and sorting
		// it cost a tenth more of its ingest.
		order := ""
		if n := src.Rows; n > 0 && n < smallInsertRows || n == 0 && tf != nil && tf.Scan.records < smallInsertRows {
			order = " order by _src_line"
		}
		ins := fmt.Sprintf("insert into raw.%s (file_id, source_line, %s, reject) select %d, _src_line, %s, _reject from (%s)%s",
			kind, strings.Join(names, ", "), id, strings.Join(values, ", "), q, order)
		if err := w.Exec(ctx, ins); err != nil {
			return fmt.Errorf("type and store the rows: %w", err)
		}
		return nil
	}
	done := false
	if tf != nil && tf.Scan.regular() && len(t.continuationParents(rt)) == 0 && len(t.orderFill) == 0 {
		nf := t.decideNative(sampleColumns(rt, textSamples, m))
		if done, err = w.loadNative(ctx, rt, tf, t, nf, id, seq, insert); err != nil {
			return nil, "", err
		}
		if !done {
			rt.note("note.duckdb_fallback")
		}
	}
	if !done {
		if tf != nil {
			if err := w.readCSVGo(ctx, rt, tf); err != nil {
				return nil, "", err
			}
		}
		if err := insert(rt); err != nil {
			return nil, "", err
		}
	}
	tr.mark("type+store")
	totals, err := w.rejectTotalLines(ctx, t, id)
	if err != nil {
		return nil, "", err
	}
	if totals > 0 {
		rt.note("note.total_lines", totals)
	}
	invoiceTotals, err := w.rejectInvoiceTotalRows(ctx, t, id)
	if err != nil {
		return nil, "", err
	}
	if invoiceTotals > 0 {
		rt.note("note.invoice_total_rows", invoiceTotals)
	}
	tr.mark("total lines")
	var rejected int64
	if err := w.QueryRow(ctx, fmt.Sprintf("select count(*) from raw.%s where file_id = ? and reject is not null", kind), id).Scan(&rejected); err != nil {
		return nil, "", err
	}
	notes := append([]i18n.Note{how}, rt.Notes...)
	notes = append(notes, t.notes...)
	mapping := map[string]string{}
	for name, idx := range m.Columns {
		mapping[name] = rt.Header[idx]
	}
	err = w.Exec(ctx, `insert into meta.files values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, null, now())`,
		id, f.Rel, kind, sha, f.Size, f.ModTime.UTC(), rt.Format, nullStr(rt.Encoding), nullStr(rt.Delimiter), nullStr(rt.Sheet),
		rt.HeaderLine, nullStr(m.Preset), mustJSON(mapping), mustJSON(notes), rt.Rows, rejected)
	if err != nil {
		return nil, "", err
	}
	return &LoadedFile{FileID: id, Path: f.Rel, Kind: kind, Notes: i18n.Texts(notes), Mapping: mapping}, "", nil
}

// dataLikeCell is a value no export writes as a column name: a number, a
// date, an e-mail address, a NULL marker.
var dataLikeCell = regexp.MustCompile(`^(?i:[-+]?[0-9][0-9.,:/ -]*|null|[^@ ]+@[^@ ]+\.[a-z]+)$`)

// headerLooksLikeData: at least a third of the filled cells of a header row
// are values, so the file most likely has no header row at all.
func headerLooksLikeData(header []string) bool {
	filled, data := 0, 0
	for _, h := range header {
		if h = strings.TrimSpace(h); h == "" {
			continue
		}
		filled++
		if dataLikeCell.MatchString(h) {
			data++
		}
	}
	return filled > 0 && data*3 >= filled
}

// minHeaderFit is the least share of a file's headers that must feed a
// kind's columns for the header alone to decide its kind. A CRM export
// folder holds contacts, leads, campaigns and cases that share an Id, a Name
// and an owner with accounts (a fit of 4–10 %): taken as accounts, they
// would displace the real ones. A real export of a kind maps far more of
// its columns.
//
// The floor is inclusive: a file whose headers are the kind's required
// columns and as many others (order id and amount beside a payment id and
// method, jaffle_shop's payments) fits at exactly 25 % and is taken; one
// more unrelated column and it is not. fitEnough compares with a margin
// for the float sum of the synonym weights, so that a fit of exactly a
// quarter is never decided by rounding.
const minHeaderFit = 0.25

func fitEnough(score float64) bool { return score >= minHeaderFit-1e-9 }

// decideKind: the configuration, else the name (the header decides between
// the kinds a name fits), else the header alone when it fits a kind well.
// skip is the reason a file is not loaded.
func decideKind(f InputFile, header []string) (kind string, how i18n.Note, skip string) {
	switch {
	case f.Kind != "":
		return f.Kind, f.KindHow, ""
	case f.Rule != nil && f.Rule.Kind != "":
		return f.Rule.Kind, i18n.N("note.kind_config", f.Rule.Kind, f.Rule.Glob), ""
	case f.LinesIn != "":
		return schema.Invoices, i18n.N("note.kind_header_of", f.LinesIn), ""
	case schema.BookingBatch(header):
		return "", i18n.Note{}, "is a DATEV booking batch (Buchungsstapel): journal entries, whose Umsatz includes the VAT on revenue accounts that book it, whose Soll/Haben side tells an invoice from a credit note or a payment only by the accounts, and whose Belegdatum has no year (3110); kam reads invoice lines: export the outgoing invoices instead (Rechnungsausgangsbuch or invoice list with Rechnungsnummer, Rechnungsdatum, Kundennummer, Nettobetrag)"
	case schema.CFDIMetadata(header):
		return "", i18n.Note{}, "is the SAT's CFDI metadata (Uuid, RfcEmisor, RfcReceptor, Monto, EfectoComprobante, Estatus): its Monto is each CFDI's total with its taxes, no column gives the subtotal, the discount or the tax, and it lists payroll (N) and payment (P) receipts beside the invoices; kam reads invoice lines: export the report of issued CFDI with Serie, Folio, RFC, Subtotal, Descuento and IVA trasladado (CONTPAQi, Aspel SAE, Bind ERP) instead"
	case len(f.NameKinds) == 1:
		return f.NameKinds[0], i18n.N("note.kind_name", f.NameKinds[0]), ""
	case len(f.NameKinds) > 1:
		k, _ := schema.KindFromHeader(header, f.NameKinds)
		if k == "" {
			k = f.NameKinds[0]
		}
		return k, i18n.N("note.kind_name_columns", k, andList(f.NameKinds)), ""
	}
	k, score := schema.KindFromHeader(header, nil)
	what := schema.OtherEntity(f.Rel)
	switch {
	case k != "" && fitEnough(score) && what != "":
		// Contacts have an account id and a person's name, as a B2C
		// customer file has: the name says what they are.
		return "", i18n.Note{}, fmt.Sprintf("its name says it holds %s, which kam does not read, though its columns fit %s (%.0f %%); add a files: rule with kind: %s to kam.yaml if it is that", what, k, score*100, k)
	case k == "":
		return "", i18n.Note{}, fmt.Sprintf("matches no kind by name or columns (headers: %s); add a files: rule with its kind to kam.yaml if it is data", quoteList(header))
	case !fitEnough(score):
		return "", i18n.Note{}, fmt.Sprintf("fits no kind well: the closest is %s, but only %.0f %% of the file's columns fit it (at least %.0f %% needed; headers: %s); add a files: rule with kind: %s to kam.yaml if it is that", k, score*100, minHeaderFit*100, quoteList(header), k)
	}
	return k, i18n.N("note.kind_columns", k, percent(score)), ""
}

// groupedReport reports whether a text file is a report grouped by a
// first column without a name (QuickBooks' "Sales by Customer Detail"):
// some sampled rows hold a name in that column alone, the others leave it
// blank and hold the data. Such a file says its customer once, above its
// lines, which no column mapping can read.
func groupedReport(tf *textFile, rt *rawTable) bool {
	if len(rt.Header) < 3 || strings.TrimSpace(rt.Header[0]) != "" {
		return false
	}
	recs, err := sampleText(tf.TextPath, tf.Delim, tf.HeaderLine, sampleRows)
	if err != nil {
		return false
	}
	// A name alone counts only above a row it groups: a report's footer
	// (QuickBooks' "Accrual Basis Friday, …" in the first column under
	// any list) is alone and groups nothing.
	var alone, under int
	lastAlone := false
	for _, r := range recs {
		first, rest := "", 0
		for i, v := range r {
			if v = strings.TrimSpace(v); v == "" {
				continue
			}
			if i == 0 {
				first = v
			} else {
				rest++
			}
		}
		isAlone, isUnder := first != "" && rest == 0, first == "" && rest > 0
		if isUnder {
			under++
			if lastAlone {
				alone++
			}
		}
		lastAlone = isAlone
	}
	return alone > 0 && under > 0
}

// underivable: a unit price needs a quantity to give a net amount, and
// sales lines without date or account need invoice headers to take them
// from. m may be the partial mapping of a file that lacks more.
func underivable(k schema.Kind, m schema.Mapping, header []string, headers bool) []schema.Missing {
	if k.Name == schema.Targets {
		// A target's start alone (Salesforce's ForecastingQuota StartDate)
		// does not say whether it runs a month or a quarter: its rows were
		// rejected as missing a period they seemed to have.
		_, from := m.Columns["period_from"]
		_, to := m.Columns["period_to"]
		_, period := m.Columns["period"]
		if from && !to && !period {
			return []schema.Missing{{Column: "period_to"}}
		}
		return nil
	}
	if k.Name != schema.Sales {
		return nil
	}
	var out []schema.Missing
	_, net := m.Columns["net_amount"]
	_, price := m.Columns["unit_price"]
	_, qty := m.Columns["quantity"]
	if !net && price && !qty {
		out = append(out, schema.Missing{Column: "quantity (to derive net_amount from unit_price)",
			Closest: schema.Closest(k.Name, "quantity", header, m), PerItem: header[m.Columns["unit_price"]]})
	}
	for _, col := range []string{"invoice_date", "account_id"} {
		if _, ok := m.Columns[col]; !ok && !headers {
			out = append(out, schema.Missing{Column: col, Closest: schema.Closest(k.Name, col, header, m)})
		}
	}
	return out
}

// invoicesAvailable: is there an invoices (header) file, in this input or
// already in the warehouse, for sales lines without date or account? It
// answers per file (by its place in files): a file is no header file of
// its own lines, though its name may say invoices ("Sales Invoice
// Lines.csv" once took the account from headers that did not exist, and
// loaded every line unattributed).
func (w *loader) invoicesAvailable(ctx context.Context, files []InputFile, cfg config.Config) (func(int) bool, error) {
	var n int
	if err := w.QueryRow(ctx, "select count(*) from meta.files where kind = 'invoices'").Scan(&n); err != nil {
		return nil, err
	}
	var named []int
	for i, f := range files {
		if f.Kind == schema.Invoices || (f.Rule != nil && f.Rule.Kind == schema.Invoices) || slices.Contains(f.NameKinds, schema.Invoices) {
			named = append(named, i)
		}
	}
	return func(i int) bool {
		return n > 0 || slices.ContainsFunc(named, func(j int) bool { return j != i })
	}, nil
}

func hashFile(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

func mustJSON(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

func nullStr(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// andList names a few things in a sentence: "a and b", "a, b and c".
func andList(xs []string) i18n.Note {
	if len(xs) < 2 {
		return i18n.N("note.text", strings.Join(xs, ""))
	}
	return i18n.N("note.and", strings.Join(xs[:len(xs)-1], ", "), xs[len(xs)-1])
}

// percent writes a share as a whole percentage (0.25 → "25").
func percent(share float64) string { return strconv.FormatFloat(share*100, 'f', 0, 64) }
