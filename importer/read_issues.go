package importer

import (
	"fmt"
	"sort"
	"strings"
)

// maxIssues bounds the cells listed one by one in a file's report: a large
// sheet full of blanks would otherwise hold a million issues in memory.
// Beyond it, skipped cells are counted by reason in one last issue.
const maxIssues = 20000

func (t *tableReader) issue(sheet string, row, col int, guess bool, format string, args ...any) {
	if len(t.rep.Issues) < maxIssues {
		t.rep.issue(sheet, row, col, guess, format, args...)
		return
	}
	if t.extra == nil {
		t.extra = map[string]int{}
	}
	t.extra[verbs.Replace(format)]++
}

var verbs = strings.NewReplacer("%q", "…", "%s", "…", "%v", "…", "%d", "…")

// finishIssues adds the count of cells not listed one by one.
func (t *tableReader) finishIssues() {
	if len(t.extra) == 0 {
		return
	}
	var parts []string
	total := 0
	for r, n := range t.extra {
		parts = append(parts, fmt.Sprintf("%d × %s", n, r))
		total += n
	}
	sort.Strings(parts)
	t.rep.issue(t.sheet, 0, 0, false, "%d more cells not listed one by one: %s", total, strings.Join(parts, "; "))
}
