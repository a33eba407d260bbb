package html

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
)

// The chart library is copied into assets/ by `make build` from the pinned
// npm package and never committed; the directory's committed README.md keeps
// the embed compiling when the library is absent, and echartsJS checks at
// run time whether it is there.
//
//go:embed assets
var embeddedAssets embed.FS

// assetFS is where the writer looks for the library (tests swap it).
var assetFS fs.FS = embeddedAssets

const echartsPath = "assets/echarts.min.js"

// ErrNoChartLibrary is returned by Write when kam was built without the
// chart library. The report is never pointed at a CDN instead: it must open
// with no network.
var ErrNoChartLibrary = errors.New("the HTML report needs the ECharts chart library, " +
	"and this kam binary was built without it: build kam with `make build` " +
	"(it installs the npm package echarts pinned in package.json and embeds " +
	"reports/html/assets/echarts.min.js), then run again")

// echartsJS returns the minified ECharts library to inline into the page.
func echartsJS() ([]byte, error) {
	b, err := fs.ReadFile(assetFS, echartsPath)
	if errors.Is(err, fs.ErrNotExist) || (err == nil && len(bytes.TrimSpace(b)) == 0) {
		return nil, ErrNoChartLibrary
	}
	if err != nil {
		return nil, fmt.Errorf("read the embedded chart library: %w", err)
	}
	// Inlined into a <script> element, the text must not end the element
	// or open an HTML comment; the pinned build has neither.
	low := bytes.ToLower(b)
	if bytes.Contains(low, []byte("</script")) || bytes.Contains(low, []byte("<!--")) {
		return nil, fmt.Errorf("the embedded chart library contains </script or <!-- and cannot be inlined: rebuild kam with `make build` from the pinned package.json")
	}
	return b, nil
}

// ChartLibrary is the chart library the HTML report inlines, for the other
// pages that draw charts (the KAM packs and account pages).
func ChartLibrary() ([]byte, error) { return echartsJS() }
