package importer

import (
	"path/filepath"
	"regexp"
	"strings"
)

// reportColumn says how a column was read when that needs saying: a user
// indicator, categories kept as a dimension, figures not read and why, a
// column the user chose to leave out.
func (t *tableReader) reportColumn(c *column) {
	p := t.plan
	switch {
	case c.role == roleUnread && c.note.Code != "":
		t.issue(t.sheet, 0, c.col, false, c.note.Code, c.note.Args...)
	case c.role == roleUnread:
		t.issue(t.sheet, 0, c.col, false, "column.unread", clip(c.header))
	case c.role == roleSkip && c.note.Code != "":
		t.issue(t.sheet, 0, c.col, false, c.note.Code, c.note.Args...)
	case c.role == roleDimension:
		c.note = M("column.dimension", clip(c.header))
		t.issue(t.sheet, 0, c.col, true, c.note.Code, c.note.Args...)
	case c.role == roleValue && c.ind != nil:
		c.note = M("column.indicator", clip(c.header), c.ind.Metric, unitSaid(cmpUnit(c.unit, p.unit)))
		t.issue(t.sheet, 0, c.col, true, c.note.Code, c.note.Args...)
	case c.role == roleValue && c.dim != "":
		c.note = M("column.header_dim", clip(c.header), c.dim)
		t.issue(t.sheet, 0, c.col, true, c.note.Code, c.note.Args...)
	}
}

// unitSaid describes a unit for the report: its conversion, or that none
// is stated.
func unitSaid(u *unit) Msg {
	if u == nil || u.written == "(none)" {
		return M("unit.none")
	}
	return u.msg()
}

// reGenericName matches names that say nothing of the figures: Sheet1,
// 工作表2, data, download (3).
var reGenericName = regexp.MustCompile(`(?i)^(?:sheet|工作表|表|table|data|数据|page|download|export|下载|导出|` +
	`未命名|untitled|book|工作簿|新建|file|文件)?[\s_()（）0-9-]*$`)

// nameFallback: where no header, title, metric column or choice names what
// the figures measure, the sheet's name or else the file's is taken as
// the indicator ("ChinaVehicleOwnership.csv" → Vehicle ownership), and the
// report says so.
func (t *tableReader) nameFallback() {
	p := t.plan
	if p.metric != "" || !t.needsMetric() {
		return
	}
	names := []Msg{M("place.file", filepath.Base(t.rep.File))}
	if t.sheet != "" && t.sheet == t.name {
		names = append([]Msg{M("place.sheet", t.name)}, names...)
	}
	for _, at := range names {
		raw := at.Args[0].(string)
		if at.Code == "place.file" {
			raw = fileStem(raw)
		}
		name := nameIndicator(raw)
		if name == "" || reGenericName.MatchString(strings.TrimSpace(raw)) {
			continue
		}
		in, _ := headerIndicator(name)
		p.metric, p.metricAt = in.Metric, at
		if !in.Metric.BuiltIn() {
			p.ind = &in
		}
		t.issue(t.sheet, 0, 0, true, "table.metric_from_name", in.Metric, at)
		return
	}
}

// needsMetric: a value column names no metric and no column names the
// rows' indicators.
func (t *tableReader) needsMetric() bool {
	if t.hasRole(roleMetric) {
		return false
	}
	for _, c := range t.plan.cols {
		if c.role == roleValue && (c.metric == "" || c.nev) {
			return true
		}
	}
	return false
}
