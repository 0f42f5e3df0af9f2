package importer

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"strings"
	"sync"
)

// Vocabulary is one language's table of words: a code (a Msg's, a
// metric's, a period's, a label's) and its text, with fmt verbs for the
// values. The app has one per language, read from assets/translations;
// everything people read goes through it, so the Chinese UI is as complete
// as its table.
type Vocabulary struct {
	Lang  string // "en", "zh"
	table map[string]string
	base  *Vocabulary // where a code is missing: English
}

// ParseVocabulary reads a translation table: a JSON object of code → text.
func ParseVocabulary(lang string, b []byte) (*Vocabulary, error) {
	v := &Vocabulary{Lang: lang}
	if err := json.Unmarshal(b, &v.table); err != nil {
		return nil, fmt.Errorf("translations %s: %w", lang, err)
	}
	return v, nil
}

var (
	vocabMu sync.RWMutex
	vocabs  = map[string]*Vocabulary{}
)

// AddVocabulary makes a language's table known; English ("en") is the one
// every other falls back to for codes it lacks.
func AddVocabulary(v *Vocabulary) {
	vocabMu.Lock()
	defer vocabMu.Unlock()
	vocabs[v.Lang] = v
	for _, o := range vocabs {
		if o.Lang != "en" {
			o.base = vocabs["en"]
		}
	}
}

// VocabularyFor is a language's table ("en" when the language has none).
func VocabularyFor(lang string) *Vocabulary {
	vocabMu.RLock()
	defer vocabMu.RUnlock()
	if v, ok := vocabs[lang]; ok {
		return v
	}
	if v, ok := vocabs["en"]; ok {
		return v
	}
	return &Vocabulary{Lang: "en"}
}

// Has reports whether the table (or English) has a code.
func (v *Vocabulary) Has(code string) bool {
	_, ok := v.text(code)
	return ok
}

// Text is a code's text as the table has it, verbs and all.
func (v *Vocabulary) Text(code string) (string, bool) { return v.text(code) }

func (v *Vocabulary) text(code string) (string, bool) {
	for x := v; x != nil; x = x.base {
		if s, ok := x.table[code]; ok {
			return s, true
		}
	}
	return "", false
}

// T is a code's text with its values: T("period.ytd", "Nov").
func (v *Vocabulary) T(code string, args ...any) string { return v.Say(M(code, args...)) }

// Say puts a message into words: its code's text with the values, each
// message among them put into words first. Two codes are built in: "list"
// (its values joined by list.sep) and "text" (its value as it is). A code
// the tables lack is written as the code and its values, so a missing word
// shows rather than hides.
func (v *Vocabulary) Say(m Msg) string {
	args := make([]any, len(m.Args))
	for i, a := range m.Args {
		switch x := a.(type) {
		case Msg:
			args[i] = v.Say(x)
		case Metric:
			args[i] = v.Metric(x)
		case Period:
			args[i] = v.Period(x)
		default:
			args[i] = a
		}
	}
	switch m.Code {
	case "list", "and":
		parts := make([]string, len(args))
		for i, a := range args {
			parts[i] = fmt.Sprint(a)
		}
		return v.join(m.Code, parts)
	case "text":
		if len(args) == 1 {
			return fmt.Sprint(args[0])
		}
	}
	f, ok := v.text(m.Code)
	if !ok {
		return m.String()
	}
	if len(args) == 0 {
		return f
	}
	return fmt.Sprintf(f, args...)
}

// join writes a list: "a; b; c", or "a, b and c".
func (v *Vocabulary) join(code string, parts []string) string {
	if code == "list" || len(parts) < 2 {
		sep, _ := v.text("list.sep")
		return strings.Join(parts, sep)
	}
	sep, _ := v.text("and.sep")
	last, _ := v.text("and.last")
	return strings.Join(parts[:len(parts)-1], sep) + last + parts[len(parts)-1]
}

// Metric is a metric's name: a built-in one's in the table
// (metric.production), a user indicator's as its file wrote it (or its
// English name in an English table, where the file gave one).
func (v *Vocabulary) Metric(m Metric) string {
	if s, ok := v.text("metric." + string(m)); ok {
		return s
	}
	return string(m)
}

// Period is a period in words: "full year", "Jan–Nov", "Nov" / "全年",
// "1–11月", "11月".
func (v *Vocabulary) Period(p Period) string {
	switch {
	case p.IsFullYear():
		return v.T("period.fy")
	case p.IsCumulative() && p.LastMonth() == 1:
		return v.T("period.m", v.MonthShort(1))
	case p.IsCumulative():
		return v.T("period.ytd", v.MonthShort(p.LastMonth()))
	}
	return v.T("period.m", v.MonthShort(p.LastMonth()))
}

// MonthShort is a month's short name: "Nov" / "11月".
func (v *Vocabulary) MonthShort(m int) string { return v.T(fmt.Sprintf("month.%d", m)) }

// Region is a region's name in the language: the gazetteer's Chinese name
// in Chinese, the canonical English name otherwise.
func (v *Vocabulary) Region(name string) string {
	if v.Lang == "zh" {
		if zh := RegionChinese(name); zh != "" {
			return zh
		}
	}
	return name
}

// translationFiles are the tables in assets/translations, by language.
var translationFiles = map[string]string{"en": "en.json", "zh": "zh-Hans.json"}

// UseTranslations reads every language's table from a folder such as the
// app's assets/translations and makes it known (AddVocabulary).
func UseTranslations(fsys fs.FS) error {
	for lang, file := range translationFiles {
		b, err := fs.ReadFile(fsys, file)
		if err != nil {
			return fmt.Errorf("translations: %w", err)
		}
		v, err := ParseVocabulary(lang, b)
		if err != nil {
			return err
		}
		AddVocabulary(v)
	}
	return nil
}
