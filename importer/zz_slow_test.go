package importer

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestSlowCorpus(t *testing.T) {
	dir := os.Getenv("CORPUS")
	if dir == "" {
		t.Skip()
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*"))
	for _, f := range files {
		b, _ := os.ReadFile(f)
		lines := strings.SplitN(string(b), "\n", 2)
		arg := strings.TrimSpace(lines[1])
		arg = strings.TrimSuffix(strings.TrimPrefix(arg, "[]byte("), ")")
		s, err := strconv.Unquote(arg)
		if err != nil {
			continue
		}
		data := []byte(s)
		start := time.Now()
		Import(context.Background(), "x.csv", bytes.NewReader(data), int64(len(data)), ImportOptions{MaxUnzippedBytes: 8 << 20})
		if d := time.Since(start); d > 20*time.Millisecond {
			t.Logf("%s: %d bytes %v", filepath.Base(f), len(data), d)
		}
	}
}
