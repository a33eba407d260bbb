package main

import (
	"io"
	"strconv"
	"unicode/utf8"
)

// console is kam's stdout or stderr: whatever reaches it (a file name in an
// error, a value in a failed data test) cannot drive the terminal. Control
// characters other than line breaks and tabs (ESC sequences, BEL, a carriage
// return), C1 controls and the direction overrides that reorder text are
// written as Go escapes. File names are escaped whole (line breaks
// included) where they are printed, with pipeline.Printable.
type console struct{ w io.Writer }

func (c console) Write(p []byte) (int, error) {
	clean := true
	for _, b := range p {
		if b < 0x20 && b != '\n' && b != '\t' || b == 0x7f || b == 0xc2 || b == 0xe2 {
			clean = false
			break
		}
	}
	if clean {
		return c.w.Write(p)
	}
	out := make([]byte, 0, len(p)+16)
	for i := 0; i < len(p); {
		r, n := utf8.DecodeRune(p[i:])
		if r == utf8.RuneError && n == 1 || !steers(r) {
			out = append(out, p[i:i+n]...)
		} else {
			q := strconv.QuoteRuneToASCII(r)
			out = append(out, q[1:len(q)-1]...)
		}
		i += n
	}
	if _, err := c.w.Write(out); err != nil {
		return 0, err
	}
	return len(p), nil
}

// steers: a character that changes what the terminal shows rather than
// being shown.
func steers(r rune) bool {
	switch {
	case r == '\n' || r == '\t':
		return false
	case r < 0x20, r == 0x7f, r >= 0x80 && r <= 0x9f:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0x200e, r == 0x200f:
		return true
	}
	return false
}
