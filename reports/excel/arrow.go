package excel

import (
	"fmt"
	"math"
	"strconv"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
)

// cellValue turns one value of an Arrow column into what a cell holds:
// nil, string, bool, int64, float64, time.Time or []string. Decimals (the
// marts' money) become the nearest float64, which is what a spreadsheet
// stores; nothing is rounded further.
func cellValue(col arrow.Array, i int) any {
	if col.IsNull(i) {
		return nil
	}
	switch a := col.(type) {
	case *array.String:
		return a.Value(i)
	case *array.LargeString:
		return a.Value(i)
	case *array.StringView:
		return a.Value(i)
	case *array.Boolean:
		return a.Value(i)
	case *array.Int8:
		return int64(a.Value(i))
	case *array.Int16:
		return int64(a.Value(i))
	case *array.Int32:
		return int64(a.Value(i))
	case *array.Int64:
		return a.Value(i)
	case *array.Uint8:
		return int64(a.Value(i))
	case *array.Uint16:
		return int64(a.Value(i))
	case *array.Uint32:
		return int64(a.Value(i))
	case *array.Uint64:
		return float64(a.Value(i))
	case *array.Float32:
		return finite(float64(a.Value(i)))
	case *array.Float64:
		return finite(a.Value(i))
	case *array.Decimal128:
		n, scale := a.Value(i), a.DataType().(arrow.DecimalType).GetScale()
		if hi, lo := n.HighBits(), n.LowBits(); (hi == 0 && lo < 1<<53) || (hi == -1 && lo > math.MaxUint64-1<<53) {
			// Both operands are exact doubles, so the quotient is correctly rounded.
			return float64(int64(lo)) / math.Pow10(int(scale))
		}
		return decimal(a.ValueStr(i))
	case *array.Decimal64:
		return float64(a.Value(i)) / math.Pow10(int(a.DataType().(arrow.DecimalType).GetScale()))
	case *array.Decimal32:
		return float64(a.Value(i)) / math.Pow10(int(a.DataType().(arrow.DecimalType).GetScale()))
	case *array.Decimal256:
		return decimal(a.ValueStr(i))
	case *array.Date32:
		return a.Value(i).ToTime()
	case *array.Date64:
		return a.Value(i).ToTime()
	case *array.Timestamp:
		return a.Value(i).ToTime(a.DataType().(*arrow.TimestampType).Unit)
	case array.ListLike:
		start, end := a.ValueOffsets(i)
		vals := a.ListValues()
		out := make([]string, 0, end-start)
		for j := start; j < end; j++ {
			if v := cellValue(vals, int(j)); v != nil {
				out = append(out, fmt.Sprint(v))
			}
		}
		return out
	}
	return col.ValueStr(i)
}

func finite(f float64) any {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return nil
	}
	return f
}

func decimal(s string) any {
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return s
	}
	return f
}

// asNumber returns a numeric cell value as float64 (ok false when it is not one).
func asNumber(v any) (float64, bool) {
	switch n := v.(type) {
	case float64:
		return n, true
	case int64:
		return float64(n), true
	}
	return 0, false
}
