package excel

import (
	"archive/zip"
	"io"
	"sync"

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
// every reader of .xlsx files reads it as before. The compressors are
// reused (flatePool): each part of each workbook took a new one, whose
// tables (about 1 MB) cost a tenth of the time of writing the 200 KAM
// packs at 1 M lines, in allocation and garbage collection.
func zipWriter(w io.Writer) excelize.ZipWriter {
	z := zip.NewWriter(w)
	z.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
		if fw, ok := flatePool.Get().(*flate.Writer); ok {
			fw.Reset(out)
			return pooledFlate{fw}, nil
		}
		fw, err := flate.NewWriter(out, deflateLevel)
		if err != nil {
			return nil, err
		}
		return pooledFlate{fw}, nil
	})
	return z
}

var flatePool sync.Pool

// pooledFlate returns its compressor to flatePool when closed.
type pooledFlate struct{ *flate.Writer }

func (p pooledFlate) Close() error {
	err := p.Writer.Close()
	flatePool.Put(p.Writer)
	return err
}
