package importer

import (
	"context"
)

// readBook reads every worksheet of a workbook that holds a table; hidden
// sheets, chart sheets and sheets without a table are listed as skipped.
func readBook(ctx context.Context, name string, bk *xlsxBook, b *zipBudget, lim *importLimits, rep *FileReport) error {
	d := lim.d
	todo := bk.sheetsToRead(rep)
	if len(todo) == 0 {
		if len(bk.sheets) == 0 || len(rep.SheetsSkipped) == 0 {
			return fileErr(name, ErrEmpty)
		}
		return &FileError{File: name, Err: ErrNoNumbers, Why: M("why.no_visible_sheet")}
	}
	if bk.declaredTooLarge(todo, b) {
		return fileErr(name, ErrTooLarge)
	}
	sst, err := bk.sharedStrings(ctx, b)
	if err != nil {
		return zipErr(name, err)
	}
	styles := bk.cellStyles(b)
	layouts := []Msg{M("format.workbook")}
	filled, read := false, 0
	for _, sh := range todo {
		t := newTableReader(sh.name, sh.name, d, rep)
		if err := scanSheet(ctx, sh, b, sst, styles, bk.date1904, t, lim); err != nil {
			return zipErr(name, err)
		}
		if t.err != nil {
			return t.err
		}
		filled = filled || t.filled
		switch {
		case !t.filled:
			rep.SheetsSkipped = append(rep.SheetsSkipped, SkippedSheet{sh.name, M("sheet.empty")})
		case t.skip.Code != "":
			rep.SheetsSkipped = append(rep.SheetsSkipped, SkippedSheet{sh.name, t.skip})
		default:
			rep.SheetsUsed = append(rep.SheetsUsed, sh.name)
			layouts = append(layouts, M("layout.sheet", sh.name, t.layout()))
			read += t.obs
		}
	}
	if b.progress != nil {
		b.progress(b.total, b.total)
	}
	rep.Layout = layouts
	switch {
	case !filled:
		return fileErr(name, ErrEmpty)
	case read == 0:
		return &FileError{File: name, Err: ErrNoNumbers, Why: firstReason(rep)}
	}
	return nil
}

// declaredTooLarge adds the sheets' declared sizes to the progress total,
// and reports whether the parts to read say they unzip to more than the
// limit. Those are refused at once: Go's zip reader fails on a part whose
// size is not what it says, so such a part can never be read within the
// limit. Parts that understate their size are stopped by counting
// (zipBudget, importLimits).
func (bk *xlsxBook) declaredTooLarge(todo []xlsxSheet, b *zipBudget) bool {
	var sizes uint64
	for _, sh := range todo {
		b.total += declared(sh.file.UncompressedSize64, b.left)
		sizes += sh.file.UncompressedSize64
	}
	if bk.sst != nil {
		sizes += bk.sst.UncompressedSize64
	}
	return sizes > uint64(max(b.left, 0))
}

// sheetsToRead lists the worksheets to read and records the others as
// skipped. In the canonical workbook only the canonical tables are read.
func (bk *xlsxBook) sheetsToRead(rep *FileReport) []xlsxSheet {
	canonical := 0
	for _, sh := range bk.sheets {
		if _, ok := CanonicalColumns[sh.name]; ok {
			canonical++
		}
	}
	var todo []xlsxSheet
	for _, sh := range bk.sheets {
		var why Msg
		_, isCanon := CanonicalColumns[sh.name]
		switch {
		case sh.kind == "chartsheet":
			why = M("sheet.chart")
		case sh.kind != "worksheet":
			why = M("sheet.not_worksheet", sh.kind)
		case sh.state == "hidden" || sh.state == "veryHidden":
			why = M("sheet.hidden")
		case sh.file == nil:
			why = M("sheet.missing_part")
		case canonical >= 2 && !isCanon:
			why = M("sheet.not_canonical")
		}
		if why.Code != "" {
			rep.SheetsSkipped = append(rep.SheetsSkipped, SkippedSheet{sh.name, why})
			continue
		}
		todo = append(todo, sh)
	}
	return todo
}

func (bk *xlsxBook) sharedStrings(ctx context.Context, b *zipBudget) ([]string, error) {
	if bk.sst == nil {
		return nil, nil
	}
	b.total += declared(bk.sst.UncompressedSize64, b.left)
	rc, err := b.open(bk.sst)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	return readSharedStrings(ctx, rc, 128<<20)
}

// declared is a part's declared size for progress, capped by the limit: a
// zip may declare anything.
func declared(size uint64, limit int64) int64 {
	if size > uint64(limit) {
		return limit
	}
	return int64(size)
}

func scanSheet(ctx context.Context, sh xlsxSheet, b *zipBudget, sst []string, styles []styleKind, d1904 bool, t *tableReader,
	lim *importLimits) error {
	rc, read, err := b.openCounted(sh.file)
	if err != nil {
		return err
	}
	defer rc.Close()
	lim.stream(int64(sh.file.CompressedSize64), read)
	sc := &sheetScan{ctx: ctx, sst: sst, styles: styles, date04: d1904,
		emit: func(r gridRow) error { t.row(r); return lim.row(len(r.cells)) }}
	sc.onDimension = func(rows int) { t.hint = rows }
	t.hintCap = int(min(sh.file.CompressedSize64/2, 1<<30))
	if err := sc.run(rc); err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	t.end(sc.merges, true)
	return lim.check() // the rows kept to decide the layout were read at the end
}

func firstReason(rep *FileReport) Msg {
	for _, s := range rep.SheetsSkipped {
		if s.Why.Code != "sheet.hidden" && s.Why.Code != "sheet.chart" {
			return M("why.sheet", s.Name, s.Why)
		}
	}
	if is, ok := rep.firstSkip(); ok {
		return M("why.all_skipped", is.at(), is.Msg)
	}
	return Msg{}
}

// finishTable settles a CSV file's outcome.
func finishTable(name string, t *tableReader, rep *FileReport) error {
	switch {
	case t.err != nil:
		return t.err
	case !t.filled:
		return fileErr(name, ErrEmpty)
	case t.skip.Code != "":
		return &FileError{File: name, Err: ErrNoNumbers, Why: t.skip}
	case t.obs == 0:
		return &FileError{File: name, Err: ErrNoNumbers, Why: firstReason(rep)}
	}
	return nil
}
