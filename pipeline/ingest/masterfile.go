package ingest

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"kam/pipeline/config"
	"kam/pipeline/ingest/parse"
	"kam/pipeline/ingest/schema"
)

// masterKeys are the kinds that list each thing once (a master file), by
// their key. A snapshot of one of them replaces what older files said
// about each key, so a file taken for one by mistake overwrites the real
// master's names and attributes.
var masterKeys = map[string]string{
	schema.Accounts: "account_id",
	schema.KAMs:     "kam_id",
	schema.Products: "product_id",
}

// minRowsForRepeats is the least number of filled keys sampled before
// their repeats say anything: two rows of one customer are a duplicate,
// not a list of transactions.
const minRowsForRepeats = 4

// transactionList tells a list of transactions from a master file of
// kind: a payment processor's export (Stripe's payments: a Customer ID,
// a Customer Description, a Currency) fits accounts by its columns, and
// a file named for customers may hold their orders. A master names each
// key once; a file whose sampled rows repeat the key at least as often
// as they name a new one, and give each row a date and a number the
// kind has no column for, lists events of those keys (payments, orders,
// visits). It returns why, "" when the file may be the master it looks
// like. sample gives a column's filled values spread over the file;
// serial says the file is a workbook, whose dates are numbers.
func transactionList(kind string, header []string, serial bool, m schema.Mapping, sample func(int) ([]string, error)) (string, error) {
	key, ok := masterKeys[kind]
	if !ok {
		return "", nil
	}
	ki, ok := m.Columns[key]
	if !ok {
		return "", nil
	}
	keys, err := sample(ki)
	if err != nil {
		return "", err
	}
	distinct := map[string]bool{}
	for _, v := range keys {
		distinct[v] = true
	}
	if len(keys) < minRowsForRepeats || 2*len(distinct) > len(keys) {
		return "", nil
	}
	mapped := map[int]bool{}
	for _, i := range m.Columns {
		mapped[i] = true
	}
	// An amount with decimals is preferred to a whole number, which may
	// be a code.
	date, amount, whole := -1, -1, -1
	for i := range header {
		if mapped[i] {
			continue
		}
		vals, err := sample(i)
		if err != nil {
			return "", err
		}
		// A column filled on at most half the rows is no figure of each.
		if 2*len(vals) < len(keys) {
			continue
		}
		switch {
		case date < 0 && (allDates(vals, serial) || allMonths(vals)):
			date = i
		case amount < 0 && allNumbers(vals):
			if slices.ContainsFunc(vals, func(v string) bool { return strings.ContainsAny(v, ".,") }) {
				amount = i
			} else if whole < 0 {
				whole = i
			}
		}
	}
	if amount < 0 {
		amount = whole
	}
	if date < 0 || amount < 0 {
		return "", nil
	}
	return fmt.Sprintf("a list of transactions, not %[1]s: its rows repeat the same %[2]s (%[3]q: %[4]d of %[5]d sampled rows repeat one named above), each with a date (%[6]q) and an amount (%[7]q), where a file of %[1]s names each once; "+
		"not read, so that it cannot replace the %[1]s' names and attributes. If it is data, add a files: rule with its kind to kam.yaml "+
		"(kind: sales when these are sales lines no other file holds)",
		kind, key, header[ki], len(keys)-len(distinct), len(keys), header[date], header[amount]), nil
}

// allDates: every value reads as a date and not every one as a number
// (an amount column of 20261002-like codes is no date column). A
// workbook's dates are cells of Excel serial numbers (serial): there a
// column of numbers all between 1990 and 2100 reads as dates.
func allDates(vals []string, serial bool) bool {
	if len(vals) == 0 {
		return false
	}
	if allNumbers(vals) {
		return serial && !slices.ContainsFunc(vals, func(v string) bool {
			n, err := strconv.ParseFloat(v, 64)
			return err != nil || n < serial1990 || n >= serial2100
		})
	}
	f := parse.DetectDate(vals, "dmy", false)
	return !slices.ContainsFunc(vals, func(v string) bool {
		_, ok, err := parse.ParseDate(v, f)
		return !ok || err != nil
	})
}

// allMonths: every value is a month or a quarter written as text (2026-08,
// oct-2026, 2026-Q3): a summary by month of the sales (Cliente, Mes,
// Importe) dates its rows so, and repeats each customer once a month.
func allMonths(vals []string) bool {
	if len(vals) == 0 || allNumbers(vals) {
		return false
	}
	return !slices.ContainsFunc(vals, func(v string) bool {
		p, ok, err := parse.ParsePeriod(v, 1)
		return !ok || err != nil || (p.Months != 1 && p.Months != 3)
	})
}

// serial1990 and serial2100 are the Excel serials of 1990-01-01 and
// 2100-01-01.
const serial1990, serial2100 = 32874, 73051

// allNumbers: every value reads as a number in the column's convention.
func allNumbers(vals []string) bool {
	if len(vals) == 0 {
		return false
	}
	f := parse.DetectNumber(vals, "")
	return !slices.ContainsFunc(vals, func(v string) bool {
		_, ok, err := parse.ParseNumber(v, f)
		return !ok || err != nil
	})
}

// notAMaster checks the master kind a file was given by its name or
// columns — or, for a file skipped as a poor fit, the master kind it came
// closest to, whose hint would be to add it as one — against its rows
// (transactionList). The configuration's kind is obeyed as it is.
func notAMaster(f InputFile, header []string, serial bool, kind, skip string, cfg config.Config, sample func(int) ([]string, error)) (string, error) {
	if f.Rule != nil && f.Rule.Kind != "" {
		return "", nil
	}
	if skip != "" {
		if schema.OtherEntity(f.Rel) != "" || schema.BookingBatch(header) || schema.CFDIMetadata(header) {
			// The skip names what the file is already.
			return "", nil
		}
		kind, _ = schema.KindFromHeader(header, nil)
	}
	if _, ok := masterKeys[kind]; !ok {
		return "", nil
	}
	m, err := schema.Map(f.Rel, kind, header, cfg.Columns[kind])
	var me *schema.MappingError
	if err != nil && !errors.As(err, &me) {
		return "", nil // the configuration's error is reported where the file is mapped
	}
	return transactionList(kind, header, serial, m, sample)
}
