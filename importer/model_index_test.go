package importer

import (
	"cmp"
	"math/rand/v2"
	"testing"
)

// TestPackedKeysSortAsKeys: the index sorts keys packed into two numbers;
// they must sort as compareGKeys orders the keys, and unpack to them.
func TestPackedKeysSortAsKeys(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	key := func() gkey {
		return gkey{region: r.Uint32N(4), metric: r.Uint32N(3) * 1 << 30, dim: r.Uint32N(3),
			year: int16(r.IntN(400) - 100), period: Period(r.IntN(25))}
	}
	for i := 0; i < 20000; i++ {
		a, b := key(), key()
		ah, al := packKey(a)
		bh, bl := packKey(b)
		if got, want := cmp.Or(cmp.Compare(ah, bh), cmp.Compare(al, bl)), compareGKeys(a, b); got != want {
			t.Fatalf("%+v vs %+v: packed %d, keys %d", a, b, got, want)
		}
		if unpackKey(ah, al) != a {
			t.Fatalf("%+v unpacks to %+v", a, unpackKey(ah, al))
		}
	}
}

// TestAllPreferredIsEachKeysFirst: AllPreferred gives what AllStated's
// Preferred does, key by key.
func TestAllPreferredIsEachKeysFirst(t *testing.T) {
	d := storeData(t, 5000)
	var want []Observation
	for s := range d.AllStated() {
		want = append(want, s.Preferred())
	}
	i := 0
	for o := range d.AllPreferred() {
		if i >= len(want) || o.Key() != want[i].Key() || o.Value != want[i].Value || o.SourceID != want[i].SourceID {
			t.Fatalf("key %d: %+v, want %+v", i, o, want[i])
		}
		i++
	}
	if i != len(want) {
		t.Errorf("%d keys, want %d", i, len(want))
	}
}
