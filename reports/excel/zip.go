package excel

import (
	"archive/zip"
	"io"

	"github.com/klauspost/compress/flate"
	"github.com/xuri/excelize/v2"
)

// deflateLevel is the compression level of the workbook's parts. The
// standard library's default level spent half of the workbook stage on a
// 100,000-account workbook (615 MB of sheet XML) in its match finder;
// klauspost's deflate at level 5 compresses the same parts about 4 × faster
// for a file about 8 % larger (bench/results.md).
const deflateLevel = 5

// zipWriter is the zip container excelize writes the workbook into:
// archive/zip with klauspost's deflate registered for the Deflate method, so
// every reader of .xlsx files reads it as before.
func zipWriter(w io.Writer) excelize.ZipWriter {
	z := zip.NewWriter(w)
	z.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
		return flate.NewWriter(out, deflateLevel)
	})
	return z
}
