package importer

import "strings"

// sourceMarks start a line that names where a table's figures come from.
var sourceMarks = []string{"数据来源", "资料来源", "信息来源", "来源", "出处", "data source", "sources", "source"}

// sourceLine reads "数据来源：各市统计公报", "资料来源：国家统计局" or
// "Source: …": the publisher as written.
func sourceLine(s string) (string, bool) {
	t := normText(s)
	for _, m := range sourceMarks {
		rest, ok := cutPrefixFold(t, m)
		if !ok {
			continue
		}
		rest = strings.TrimSpace(rest)
		if !strings.HasPrefix(rest, ":") {
			return "", false
		}
		pub := strings.TrimRight(strings.TrimSpace(rest[1:]), "。.;； ")
		return pub, pub != ""
	}
	return "", false
}

// officialWords name statistics bureaus, governments and their bodies:
// a source they publish is official.
var officialWords = []string{"统计局", "统计公报", "统计年鉴", "统计月报", "政府", "海关", "工业和信息化部", "工信部",
	"商务部", "公安部", "交通运输部", "发展和改革委员会", "发改委", "国务院", "委员会", "厅", "国家统计",
	"statistics bureau", "bureau of statistics", "national bureau", "nbs", "government", "ministry",
	"customs", "statistical yearbook", "statistical communiqué", "statistical communique"}

// tierOf is a source's tier from its publisher: statistics bureaus and
// governments are official; anything else is other until someone says.
func tierOf(publisher string) string {
	l := strings.ToLower(publisher)
	for _, w := range officialWords {
		if strings.Contains(l, w) {
			return TierOfficial
		}
	}
	return TierOther
}

// fillSourceFrom gives the observations from the start-th on that name no
// source this one: a source line below a table names the source of the
// table's figures, read before the line was.
func (d *DataSet) fillSourceFrom(start int, id string) {
	i := 0
	for _, c := range d.chunks {
		if i+len(c.recs) <= start {
			i += len(c.recs)
			continue
		}
		sid := uint32(0)
		for j := max(start-i, 0); j < len(c.recs); j++ {
			if c.recs[j].source == 0 {
				if sid == 0 {
					sid = c.intern(id)
				}
				c.recs[j].source = sid
			}
		}
		i += len(c.recs)
	}
	d.idx.Store(nil)
}

// finishTable settles what only the table's end tells: a source line below
// the figures is their source; values that share a key are counted.
func (t *tableReader) finishTable() {
	if t.plan == nil || t.err != nil || t.skip.Code != "" {
		return
	}
	if t.lineSrc != "" {
		t.d.fillSourceFrom(t.start, t.lineSrc)
		if t.reading >= 0 {
			t.rep.Tables[t.reading].Source = t.lineSrc
		}
	}
	t.reportShared()
}
