package views

import (
	"cmp"
	"context"
	"encoding/csv"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"autocities/assets"
	"autocities/charts"
	"autocities/importer"
	"autocities/views/chartspec"
)

// Exit codes of the command line.
const (
	exitOK       = 0
	exitFailed   = 1 // a chart or export could not be written
	exitBadInput = 2 // a file could not be read, or the command line is wrong
)

// RunCommand runs a headless subcommand (inspect, chart) and returns its
// exit code; ok is false when args do not start with a subcommand, and the
// window should open instead.
func RunCommand(args []string, stdout, stderr io.Writer) (code int, ok bool) {
	if len(args) == 0 {
		return 0, false
	}
	switch args[0] {
	case "inspect":
		return inspect(args[1:], stdout, stderr), true
	case "chart":
		return chart(args[1:], stdout, stderr), true
	case "export":
		return export(args[1:], stdout, stderr), true
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return exitOK, true
	}
	return 0, false
}

const usage = `Auto Cities: China's car industry, city by city.

  autocities [FILE...]           open the window, with those files imported
  autocities inspect [flags] [FILE...]
                                 print the data (default data, or the files merged) as CSV
  autocities chart [flags]       draw a chart to PNG or SVG (autocities chart -h lists the flags)
  autocities export [--data FILE] [flags] -o OUT.xlsx|OUT.pptx|OUT.csv
                                 the data as a workbook with native charts, a slide deck, or CSV

What a file leaves unsaid (inspect, export, and chart with --data):
  --metric NAME   what its figures measure: production, nev_production… or any indicator's name
  --unit UNIT     their unit as a file writes it: 万辆, 亿元, million, 万人…
  --year YYYY     their year
  --level L       its regions' level: city, province or country
  --source TEXT   where its figures come from
  (chart draws --metric, --unit and --year of its own: there these are --data-metric,
  --data-unit and --data-year.) A choice the file says otherwise about is an error.
`

// importFlags are what a file leaves unsaid, on the command line: the
// same choices as the import preview's.
type importFlags struct {
	metric, unit, level, source *string
	year, maxRows               *int
}

// addImportFlags declares the choices; chart names its metric, unit and
// year flags otherwise (prefix "data-"), as its own choose what to draw.
func addImportFlags(fs *flag.FlagSet, prefix string) *importFlags {
	return &importFlags{
		metric: fs.String(prefix+"metric", "", "what the file's figures measure, where it does not say: a metric ("+metricNames()+") or any indicator's name"),
		unit:   fs.String(prefix+"unit", "", "the unit of the file's figures, where it does not say, as a file writes it (万辆, 亿元, million, 万人)"),
		year:   fs.Int(prefix+"year", 0, "the year of the file's figures, where it does not say"),
		level:  fs.String("level", "", "the level of the file's regions: city, province or country"),
		source: fs.String("source", "", "where the file's figures come from, where it does not say"),
		maxRows: fs.Int("max-rows", importer.DefaultMaxRows,
			"the most figures one file may give (a larger file is refused at once)"),
	}
}

// options reads the flags as the importer's options: the choices and the
// limit.
func (f *importFlags) options() (importer.ImportOptions, error) {
	ch, err := f.choices()
	return importer.ImportOptions{Choices: ch, MaxRows: *f.maxRows}, err
}

// choices reads the flags as the importer's Choices.
func (f *importFlags) choices() (importer.Choices, error) {
	ch := importer.Choices{Unit: strings.TrimSpace(*f.unit), Source: strings.TrimSpace(*f.source), Year: *f.year}
	if m := strings.TrimSpace(*f.metric); m != "" {
		ch.Metric = importer.ChoiceMetric(m)
	}
	if ch.Year != 0 && (ch.Year < 1900 || ch.Year > 2100) {
		return ch, fmt.Errorf("year %d is not between 1900 and 2100", ch.Year)
	}
	switch l, _ := importer.ParseLevel(*f.level); {
	case *f.level == "":
	case l == importer.LevelCity || l == importer.LevelProvince || l == importer.LevelCountry:
		ch.Level = l
	default:
		return ch, fmt.Errorf("level %q is not city, province or country", *f.level)
	}
	return ch, nil
}

// parseAll parses flags given before, between or after the files.
func parseAll(fs *flag.FlagSet, args []string) ([]string, error) {
	var files []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return files, nil
		}
		files = append(files, args[0])
		args = args[1:]
	}
}

// DefaultData reads the built-in data set.
func DefaultData() (*importer.DataSet, *importer.FileReport, error) {
	return importer.LoadCanonical(assets.DefaultData())
}

// loadData reads the default data, or the given files merged, with what
// the user says they leave unsaid. Unreadable files (and files that
// contradict a choice) are reported on stderr, one line each, and make ok
// false.
func loadData(files []string, opts importer.ImportOptions, stderr io.Writer) (d *importer.DataSet, reports []*importer.FileReport, ok bool) {
	if len(files) == 0 {
		d, rep, err := DefaultData()
		if err != nil {
			fmt.Fprintf(stderr, "built-in data: %v; please report this as a bug\n", err)
			return nil, nil, false
		}
		return d, []*importer.FileReport{rep}, true
	}
	d, ok = &importer.DataSet{}, true
	for _, f := range files {
		fd, rep, err := readInput(f, opts)
		if err != nil {
			fmt.Fprintln(stderr, fileError(f, err))
			ok = false
			continue
		}
		fd.AttachFileSource(f)
		d.Merge(fd)
		reports = append(reports, rep)
	}
	return d, reports, ok
}

// readInput reads a file, or the current data of a workspace folder.
func readInput(path string, opts importer.ImportOptions) (*importer.DataSet, *importer.FileReport, error) {
	if w := workspaceIn(path); w != nil {
		r := w.peek()
		if r.data == nil {
			return nil, nil, errors.New("no saved state of this workspace can be read; open Auto Cities on it to recover what can be")
		}
		return r.data, &importer.FileReport{File: filepath.Base(path), Rows: r.data.Count()}, nil
	}
	return importer.ImportFile(context.Background(), path, opts)
}

// workspaceIn is the workspace kept in dir — the app's storage folder or
// its workspace folder — read without changing anything; nil when dir
// holds none.
func workspaceIn(dir string) *workspace {
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		return nil
	}
	root := dir
	if filepath.Base(filepath.Clean(dir)) == workspaceDir {
		root = filepath.Dir(filepath.Clean(dir))
	}
	w := newWorkspaceAt(root, importer.OS)
	if len(w.stateSeqs()) == 0 {
		return nil
	}
	return w
}

// fileError is one line: "FILE: what is wrong; what to do".
func fileError(path string, err error) string {
	msg := strings.ReplaceAll(err.Error(), "\n", " ")
	if strings.HasPrefix(msg, path) || strings.HasPrefix(msg, filepath.Base(path)) {
		return msg
	}
	return path + ": " + msg
}

func inspect(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("inspect", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: autocities inspect [--metric NAME] [--unit UNIT] [--year YYYY] [--level city|province|country] [--source TEXT] [--max-rows N] [FILE or WORKSPACE FOLDER...]")
		fs.PrintDefaults()
	}
	flags := addImportFlags(fs, "")
	files, err := parseAll(fs, args)
	if err != nil {
		return exitBadInput
	}
	opts, err := flags.options()
	if err != nil {
		fmt.Fprintf(stderr, "inspect: %v\n", err)
		return exitBadInput
	}
	d, reports, ok := loadData(files, opts, stderr)
	if d == nil {
		return exitBadInput
	}
	for _, rep := range reports {
		fmt.Fprint(stderr, rep.String())
	}
	if len(reports) > 0 {
		fmt.Fprintf(stderr, "%d targets, %d events, %d glossary terms\n", len(d.Targets), len(d.Events), len(d.Terms))
	}
	if !ok {
		return exitBadInput // nothing on stdout: a partial CSV would pass for the whole
	}
	writeInspect(stdout, d)
	return exitOK
}

// yearList is a repeatable --year flag that also takes "2023,2024".
type yearList []int

func (y *yearList) String() string { return fmt.Sprint([]int(*y)) }

func (y *yearList) Set(s string) error {
	for _, p := range strings.Split(s, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(p))
		if err != nil || n < 1900 || n > 2100 {
			return fmt.Errorf("%q is not a year", p)
		}
		*y = append(*y, n)
	}
	return nil
}

func chart(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("chart", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var years yearList
	kind := fs.String("kind", chartspec.KindCompare, strings.Join(chartspec.KindNames(), ", "))
	data := fs.String("data", "", "a file to chart instead of the built-in data")
	metric := fs.String("metric", string(importer.Production), "metric: one of "+metricNames()+", or a user indicator's name")
	fs.Var(&years, "year", "compare: year (repeat, or 2023,2024, for grouped bars); default: the latest year with a full-year figure for at least three cities")
	period := fs.String("period", "FY", "period: FY, YTDnn (Jan through month nn) or Mnn; timeline: the period of --same-period")
	cities := fs.String("cities", "", "regions, comma-separated: cities, provinces or China (default: the cities with data, else the first level with data; timeline and rank: Chongqing)")
	unit := fs.String("unit", "", "vehicles, 10k, million, CNY, 100m or billion (default: million or billion)")
	samePeriod := fs.Bool("same-period", false, "timeline: add a line of the same part of each year (Jan–Nov 2025 against Jan–Nov 2024)")
	highlight := fs.String("highlight", "", "a city drawn in its colour, the others grey")
	background := fs.String("background", "", "light, dark, transparent (dark text, for light slides) or transparent-dark (light text, for dark slides); default from --theme")
	themeName := fs.String("theme", "light", "light or dark")
	size := fs.String("size", "1920x1080", "picture size WxH in pixels")
	preset := fs.String("preset", "", "16:9 (1920×1080), 4:3 (1600×1200) or 1:1 (1080×1080); overrides --size")
	scale := fs.Float64("scale", 1, "2 doubles the pixels for sharp slides")
	transparent := fs.Bool("transparent", false, "no background (PNG), text for the --theme's background")
	font := fs.String("font", "", "a TrueType font file for the chart text (for Chinese names)")
	out := fs.String("o", "", "output file, OUT.png or OUT.svg")
	flags := addImportFlags(fs, "data-")
	if err := fs.Parse(args); err != nil {
		return exitBadInput
	}
	opts, err := chartOptions(*size, *preset, *themeName, *scale, *transparent, *font)
	if err == nil && *background != "" {
		err = chartspec.SetBackground(&opts, *background)
	}
	if err == nil && *out == "" {
		err = errors.New("-o OUT.png or -o OUT.svg is required")
	}
	imp, cerr := flags.options()
	err = cmp.Or(err, cerr)
	if err != nil {
		fmt.Fprintf(stderr, "chart: %v\n", err)
		return exitBadInput
	}
	var set []string
	fs.Visit(func(f *flag.Flag) { set = append(set, f.Name) })
	for _, f := range chartspec.IgnoredFlags(*kind, set, *samePeriod) {
		fmt.Fprintf(stderr, "chart: --%s does not apply to a %s chart; ignored\n", f, *kind)
	}
	var files []string
	if *data != "" {
		files = []string{*data}
	}
	d, _, ok := loadData(files, imp, stderr)
	if !ok {
		return exitBadInput
	}
	c, err := chartChoice(d, *kind, *metric, *period, *unit, years, *cities)
	if err != nil {
		fmt.Fprintf(stderr, "chart: %v\n", err)
		return exitBadInput
	}
	c.SamePeriod, c.Highlight = *samePeriod, matchCity(*highlight)
	if spec, err := chartspec.Build(d, c); err == nil && !charts.HasData(spec) {
		fmt.Fprintf(stderr, "chart: no data for this chart (%s); nothing written\n", spec.Texts().Title)
		return exitFailed
	}
	job := chartspec.Export{Data: d, Choices: []chartspec.Choice{c}, Chart: c.Kind, Options: opts}
	if err := job.Save(*out); err != nil {
		fmt.Fprintf(stderr, "chart: %v\n", err)
		return exitFailed
	}
	fmt.Fprintf(stdout, "wrote %s (%d×%d)\n", *out, int(float64(opts.Width)*max(opts.Scale, 1)), int(float64(opts.Height)*max(opts.Scale, 1)))
	return exitOK
}

// chartChoice is the chart command's choice from its flags.
func chartChoice(d *importer.DataSet, kind, metric, period, unit string, years []int, cities string) (chartspec.Choice, error) {
	c := chartspec.Defaults(d, kind)
	p, ok := importer.ParsePeriod(period)
	if !ok {
		return c, fmt.Errorf("period %q is not FY, YTDnn or Mnn (nn = 01…12)", period)
	}
	c.Metric, c.Period, c.Unit = importer.Metric(metric), p, unit
	if kind == chartspec.KindRank && !importer.IsRank(c.Metric) {
		c.Metric = importer.ProductionRank
	}
	if len(years) > 0 {
		c.Years = years
	} else if c.Kind == chartspec.KindCompare {
		c.Years = []int{chartspec.DefaultYear(d, c.Metric, c.Period)}
	}
	if cities != "" {
		c.Cities = nil
		for _, name := range strings.Split(cities, ",") {
			c.Cities = append(c.Cities, matchCity(name))
		}
	}
	return c, nil
}

// matchCity is a city's canonical name: 重庆, chongqing, 渝 → Chongqing.
func matchCity(name string) string {
	if strings.TrimSpace(name) == "" {
		return ""
	}
	city, _, _ := importer.MatchRegion(name)
	return city
}

func chartOptions(size, preset, themeName string, scale float64, transparent bool, font string) (charts.Options, error) {
	opts := charts.Options{Scale: scale, Transparent: transparent, FontPath: font}
	if p, ok := chartspec.PresetNamed(preset); ok {
		opts.Width, opts.Height = p.Width, p.Height
	} else if preset != "" {
		return opts, fmt.Errorf("preset %q is not 16:9, 4:3 or 1:1", preset)
	} else if w, h, err := chartspec.ParseSize(size); err != nil {
		return opts, fmt.Errorf("size %w", err)
	} else {
		opts.Width, opts.Height = w, h
	}
	switch themeName {
	case "light":
	case "dark":
		opts.Theme = charts.Dark
	default:
		return opts, fmt.Errorf("theme %q is not light or dark", themeName)
	}
	if scale < 1 || scale > 4 {
		return opts, fmt.Errorf("scale %v is not between 1 and 4", scale)
	}
	return opts, nil
}

// export writes the canonical workbook (with native charts of the default
// Compare and Timeline), the slide deck (Compare, Timeline and Rank with
// their defaults) or the observations as CSV, by the output's extension.
func export(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	fs.SetOutput(stderr)
	data := fs.String("data", "", "a file to export instead of the built-in data")
	slides := fs.String("slides", "", "the deck's slides, comma-separated: "+strings.Join(chartspec.SlideNames(), ", ")+" (default: all)")
	out := fs.String("o", "", "output file: OUT.xlsx, OUT.pptx or OUT.csv")
	flags := addImportFlags(fs, "")
	if err := fs.Parse(args); err != nil {
		return exitBadInput
	}
	slideList, err := chartspec.ParseSlides(*slides)
	if err != nil {
		fmt.Fprintf(stderr, "export: %v\n", err)
		return exitBadInput
	}
	ext := strings.ToLower(filepath.Ext(*out))
	if ext != ".xlsx" && ext != ".pptx" && ext != ".csv" {
		fmt.Fprintln(stderr, "export: -o OUT.xlsx, OUT.pptx or OUT.csv is required")
		return exitBadInput
	}
	opts, err := flags.options()
	if err != nil {
		fmt.Fprintf(stderr, "export: %v\n", err)
		return exitBadInput
	}
	var files []string
	if *data != "" {
		files = []string{*data}
	}
	d, _, ok := loadData(files, opts, stderr)
	if !ok {
		return exitBadInput
	}
	job := chartspec.Export{Data: d, Version: Version, Protect: files, Slides: slideList}
	notes, err := job.SaveNoting(*out)
	for _, n := range notes {
		fmt.Fprintf(stderr, "export: %s\n", n)
	}
	if err != nil {
		fmt.Fprintf(stderr, "export: %v\n", err)
		if errors.Is(err, importer.ErrExportOntoSource) {
			return exitBadInput
		}
		return exitFailed
	}
	fmt.Fprintf(stdout, "wrote %s\n", *out)
	return exitOK
}

// writeInspect prints one row per key with its preferred observation:
// region, year, period, metric (a dimension after " · "), value in the
// canonical unit, unit and the region's level.
func writeInspect(out io.Writer, d *importer.DataSet) {
	w := csv.NewWriter(out)
	_ = w.Write([]string{"region", "year", "period", "metric", "value", "unit", "level"})
	for o := range d.AllPreferred() {
		metric := string(o.Metric)
		if o.Dimension != "" {
			metric += " · " + o.Dimension
		}
		_ = w.Write([]string{o.Region, strconv.Itoa(o.Year), o.Period.String(), metric,
			importer.FormatValue(o.Value), d.UnitOf(o.Metric), d.Level(o.Region).String()})
	}
	w.Flush()
}

// metricNames lists the built-in metrics for the help text.
func metricNames() string {
	var names []string
	for _, m := range importer.Metrics {
		names = append(names, string(m))
	}
	return strings.Join(names, ", ")
}
