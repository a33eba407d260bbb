package i18n

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
)

// Note is a sentence the ingest writes about a file (how it was read, what
// was decided, what was dropped), kept in the warehouse as its key and
// arguments so that each report shows it in its own language. Text is its
// reading in Default, kept beside the key for the manifest and for anyone
// reading the stored JSON.
type Note struct {
	Key  string `json:"key"`
	Args []any  `json:"args,omitempty"` // each a string or a Note
	Text string `json:"text"`
}

// listKey joins its arguments with ", " (a list of notes in one sentence);
// joinKey writes them one after the other (a sentence with a clause added).
const (
	listKey = "note.list"
	joinKey = "note.join"
)

// N makes the note key with args: a Note stays a note (translated with
// its parent), anything else becomes its text (numbers are written by the
// caller, so a stored note reads the same in every language).
func N(key string, args ...any) Note {
	n := Note{Key: key, Args: make([]any, len(args))}
	for i, a := range args {
		switch v := a.(type) {
		case Note:
			n.Args[i] = v
		case string:
			n.Args[i] = v
		default:
			n.Args[i] = fmt.Sprint(v)
		}
	}
	if len(n.Args) == 0 {
		n.Args = nil
	}
	n.Text = n.In(Default)
	return n
}

// List is the notes as one list: "a, b, c".
func List(notes ...Note) Note {
	args := make([]any, len(notes))
	for i, n := range notes {
		args[i] = n
	}
	return N(listKey, args...)
}

// Join is the note n with more written after it.
func Join(n Note, more Note) Note { return N(joinKey, n, more) }

// In renders the note in lang.
func (n Note) In(lang string) string {
	args := make([]any, len(n.Args))
	for i, a := range n.Args {
		switch v := a.(type) {
		case Note:
			args[i] = v.In(lang)
		default:
			args[i] = fmt.Sprint(v)
		}
	}
	switch n.Key {
	case listKey, joinKey:
		parts := make([]string, len(args))
		for i, a := range args {
			parts[i] = a.(string)
		}
		sep := ""
		if n.Key == listKey {
			sep = ", "
		}
		return strings.Join(parts, sep)
	case "":
		return n.Text
	}
	if !Has(n.Key) {
		// A key of a later kam than this one: its own reading.
		return n.Text
	}
	return T(lang, n.Key, args...)
}

// UnmarshalJSON reads the arguments back as strings and notes.
func (n *Note) UnmarshalJSON(b []byte) error {
	var raw struct {
		Key  string            `json:"key"`
		Args []json.RawMessage `json:"args"`
		Text string            `json:"text"`
	}
	if err := json.Unmarshal(b, &raw); err != nil {
		return err
	}
	n.Key, n.Text, n.Args = raw.Key, raw.Text, nil
	for _, a := range raw.Args {
		if bytes.HasPrefix(bytes.TrimSpace(a), []byte("{")) {
			var sub Note
			if err := json.Unmarshal(a, &sub); err != nil {
				return err
			}
			n.Args = append(n.Args, sub)
			continue
		}
		var s any
		if err := json.Unmarshal(a, &s); err != nil {
			return err
		}
		n.Args = append(n.Args, fmt.Sprint(s))
	}
	return nil
}

// Notes renders a stored JSON list of notes in lang, one string a note. A
// list written by an earlier kam holds plain English sentences: they are
// shown as they are. Text that is not such a list is returned whole.
func Notes(lang, stored string) []string {
	var items []json.RawMessage
	if json.Unmarshal([]byte(stored), &items) != nil {
		return []string{stored}
	}
	out := make([]string, 0, len(items))
	for _, it := range items {
		var s string
		if json.Unmarshal(it, &s) == nil {
			out = append(out, s)
			continue
		}
		var n Note
		if json.Unmarshal(it, &n) != nil {
			out = append(out, string(it))
			continue
		}
		out = append(out, n.In(lang))
	}
	return out
}

// Texts are the notes' readings in Default (for the manifest).
func Texts(notes []Note) []string {
	out := make([]string, len(notes))
	for i, n := range notes {
		out[i] = n.Text
	}
	return out
}
