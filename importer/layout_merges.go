package importer

import (
	"sort"
)

// applyMerges copies each merged range's value into all its cells, within
// the rows kept (in row order). The work is bounded whatever the ranges.
func applyMerges(rows []gridRow, merges []cellRange) {
	if len(merges) == 0 || len(rows) == 0 {
		return
	}
	type fill struct {
		m    cellRange
		top  int
		cell cell
	}
	var fills []fill
	for _, m := range merges { // read every value before changing rows
		top := sort.Search(len(rows), func(i int) bool { return rows[i].num >= m.r1 })
		if top < len(rows) && rows[top].num == m.r1 {
			if v, ok := cellAt(rows[top], m.c1); ok {
				fills = append(fills, fill{m, top, v})
			}
		}
	}
	budget := 200000
	dirty := map[int]bool{}
	for _, f := range fills {
		for i := f.top; i < len(rows) && rows[i].num <= f.m.r2 && budget > 0; i++ {
			for c := f.m.c1; c <= f.m.c2 && budget > 0; c++ {
				budget--
				rows[i].cells = append(rows[i].cells, cell{col: c, text: f.cell.text, num: f.cell.num})
				dirty[i] = true
			}
		}
	}
	for i := range dirty {
		rows[i].cells = sortCells(rows[i].cells) // a cell's own value stays first and wins
	}
}
