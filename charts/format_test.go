package charts

import "testing"

func TestFormatValueRoundsHalfUp(t *testing.T) {
	for _, tt := range []struct {
		v    float64
		d    int
		want string
	}{{0.865, 2, "0.87"}, {2.4981, 2, "2.50"}, {1.005, 2, "1.01"}, {249.81, 1, "249.8"}, {-0.865, 2, "-0.87"}, {2540000, 0, "2,540,000"}} {
		if got := FormatValue(tt.v, tt.d); got != tt.want {
			t.Errorf("FormatValue(%v, %d) = %s, want %s (as Excel shows it)", tt.v, tt.d, got, tt.want)
		}
	}
}
