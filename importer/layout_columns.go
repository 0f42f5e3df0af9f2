package importer

import "strings"

// headerCells is what the header rows hold, by column: each row's text
// (top first, a merged cell's once) and the units of a unit row.
type headerCells struct {
	texts map[int][]string
	units map[int]*unit
	last  int // the last column with a header
}

func readHeaderCells(hdr []gridRow) headerCells {
	h := headerCells{texts: map[int][]string{}, units: map[int]*unit{}}
	for ri, r := range hdr {
		if ri > 0 && isUnitRow(r) {
			for _, c := range r.cells {
				if u, ok := parseUnit(c.text); ok {
					h.units[c.col] = &u
				}
			}
			continue
		}
		for _, c := range r.cells {
			if t := h.texts[c.col]; len(t) == 0 || t[len(t)-1] != c.text {
				h.texts[c.col] = append(t, c.text)
			}
			h.last = max(h.last, c.col)
		}
	}
	return h
}

// buildColumns joins the header rows of each column (merged cells filled)
// and classifies them. Columns with data but no header (a region column
// whose top cell is empty) join with an empty header, to be read by
// content.
func buildColumns(hdr, data []gridRow, merged bool) []column {
	h := readHeaderCells(hdr)
	if !merged && len(hdr) > 1 {
		fillRight(hdr, h.texts)
	}
	for _, r := range data[:min(len(data), 60)] {
		for _, c := range r.cells {
			if _, ok := h.texts[c.col]; !ok && c.col < h.last {
				h.texts[c.col] = nil
			}
		}
	}
	var cols []column
	for c := 1; c <= h.last; c++ {
		parts, ok := h.texts[c]
		if !ok && h.units[c] == nil {
			continue
		}
		col := column{col: c, header: strings.Join(parts, " "), parts: parts, unit: h.units[c]}
		classifyHeader(&col)
		cols = append(cols, col)
	}
	return cols
}

// fillRight copies an upper header cell into the empty cells to its right
// that have a sub-header below: what a merged group header looks like once
// the merge is lost (CSV, or a sheet too large to wait for its merges).
func fillRight(hdr []gridRow, texts map[int][]string) {
	last := map[int]bool{}
	for _, c := range hdr[len(hdr)-1].cells {
		last[c.col] = true
	}
	top := hdr[0]
	for i, c := range top.cells {
		end := maxCol
		if i+1 < len(top.cells) {
			end = top.cells[i+1].col
		}
		for col := c.col + 1; col < end && last[col]; col++ {
			texts[col] = append([]string{c.text}, texts[col]...)
		}
	}
}

// classifyHeader gives a column its role and what its header says.
func classifyHeader(c *column) {
	h := c.header
	if r, ok := headerWords[headerKey(h)]; ok {
		c.role = r
		if u, ok := findUnit(h); ok && c.unit == nil && r == roleValue {
			c.unit = &u
		}
		return
	}
	if u, ok := parseUnit(h); ok && c.unit == nil {
		c.unit = &u
		c.role = roleValue
		return
	}
	if u, ok := findUnit(h); ok && c.unit == nil {
		c.unit = &u
	}
	c.when = parseWhen(h)
	c.metric, _ = findMetric(h)
	classifyWords(c)
}

// classifyWords reads the words of a header that is no role's name: stated
// growth, the vehicles of the sheet's metric, a region, a metric or a time.
func classifyWords(c *column) {
	h := c.header
	if isYoYHeader(h) {
		c.role = roleYoY
		return
	}
	if k := headerKey(h); vehicleWords[k] || nevWords[k] {
		c.role, c.nev = roleValue, nevWords[k]
		return
	}
	if name, ok := matchName(stripBrackets(h)); ok && len([]rune(h)) <= 24 {
		c.region = name
	}
	if c.metric != "" || c.region != "" || !c.when.empty() {
		c.role = roleValue
	}
}

// saysNothing: a header part that names no role, metric, time, region or
// unit of its own ("全市", "地区生产总值(亿元)", "GDP").
func saysNothing(part string) bool {
	c := column{header: part}
	classifyHeader(&c)
	return c.role == roleIgnore
}

// headerDims settles a value column of a header two or more rows deep
// whose lower rows name a category under an indicator: 汽车产量(万辆)
// over 全市 and 市辖区 are two series, not one written twice.
func headerDims(c *column) {
	if c.role != roleValue || len(c.parts) < 2 {
		return
	}
	var dims []string
	for _, part := range c.parts[1:] {
		if saysNothing(part) && !isTotal(part) {
			dims = append(dims, strings.TrimSpace(part))
		}
	}
	c.dim = strings.Join(dims, " ")
}
