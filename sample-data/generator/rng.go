package generator

import (
	"math"
	"math/rand/v2"
	"sort"
)

// Each concern draws from its own PCG stream, so that a change in how, say,
// activities are drawn leaves the sales lines byte for byte the same.
const (
	streamWorld uint64 = iota + 1
	streamSales
	streamActivities
	streamOpportunities
	streamCosts
	streamFX
	streamPlan
	streamHash
)

func newRand(seed, stream uint64) *rand.Rand {
	return rand.New(rand.NewPCG(seed, stream*0x9e3779b97f4a7c15+1))
}

// mix is SplitMix64's finaliser. Values that must be a pure function of
// their coordinates (account, month, day) are hashed instead of drawn, so
// they can be recomputed in any pass instead of being stored.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// hasher hashes coordinates under the dataset's seed.
type hasher uint64

func (h hasher) of(salt, a, b, c int) uint64 {
	return mix(uint64(h) + mix(uint64(salt)<<52^uint64(a)<<20^uint64(b)<<8^uint64(c)))
}

// frac maps a hash to [0, 1).
func frac(x uint64) float64 { return float64(x>>11) / (1 << 53) }

// normal maps a hash to a standard normal value (Box–Muller).
func normal(x uint64) float64 {
	u1 := frac(x)
	if u1 < 1e-12 {
		u1 = 1e-12
	}
	u2 := frac(mix(x))
	return math.Sqrt(-2*math.Log(u1)) * math.Cos(2*math.Pi*u2)
}

// lognormal draws a multiplier with mean 1 and log-spread sigma.
func lognormal(r *rand.Rand, sigma float64) float64 {
	return math.Exp(sigma*r.NormFloat64() - sigma*sigma/2)
}

func between(r *rand.Rand, lo, hi float64) float64 { return lo + (hi-lo)*r.Float64() }

// intn draws an integer in [lo, hi].
func intn(r *rand.Rand, lo, hi int) int { return lo + r.IntN(hi-lo+1) }

// pick returns an index drawn with the given weights.
func pick(r *rand.Rand, weights []float64) int {
	total := 0.0
	for _, w := range weights {
		total += w
	}
	x := r.Float64() * total
	for i, w := range weights {
		if x < w {
			return i
		}
		x -= w
	}
	return len(weights) - 1
}

// picker draws from a fixed weighted set many times (binary search over the
// cumulative weights).
type picker struct {
	items []int
	cum   []float64
}

func (p *picker) add(item int, w float64) {
	if w <= 0 {
		return
	}
	total := w
	if n := len(p.cum); n > 0 {
		total += p.cum[n-1]
	}
	p.items = append(p.items, item)
	p.cum = append(p.cum, total)
}

func (p *picker) empty() bool { return len(p.items) == 0 }

func (p *picker) pick(r *rand.Rand) int {
	x := r.Float64() * p.cum[len(p.cum)-1]
	return p.items[sort.SearchFloat64s(p.cum, x)]
}

const base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

// sfid builds the n-th 18-character Salesforce id of an object: its key
// prefix ("001" accounts, "005" users, "006" opportunities, "00T" tasks,
// "00U" events), a record part, and the case-insensitive suffix computed the
// way Salesforce computes it, so that tools that validate ids accept them.
func sfid(prefix string, n int) string {
	const space = 62 * 62 * 62 * 62 * 62
	x := (uint64(n)*1000003 + 7919) % space // a bijection: scattered, never repeated
	b := make([]byte, 0, 18)
	b = append(b, prefix...)
	b = append(b, "Wx00000"...)
	var rec [5]byte
	for i := 4; i >= 0; i-- {
		rec[i] = base62[x%62]
		x /= 62
	}
	b = append(b, rec[:]...)
	for i := range 3 {
		bits := 0
		for j := range 5 {
			if c := b[i*5+j]; c >= 'A' && c <= 'Z' {
				bits |= 1 << j
			}
		}
		b = append(b, "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345"[bits])
	}
	return string(b)
}
