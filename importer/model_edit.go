package importer

import "fmt"

// UserSource is the source of the user's corrections.
const UserSource = "user"

// Correct returns a copy of the data set in which the user's correction of
// an observation is preferred: a new observation of the same key with the
// new value, qualifier and note, Source "user" and EditedFrom holding the
// value it corrects. The observation corrected and its source are kept, so
// the correction shows like a conflict. A second correction of the same key
// replaces the first, keeping the original EditedFrom.
func (d *DataSet) Correct(orig Observation, value float64, qualifier, note string) *DataSet {
	out := d.Clone()
	from := orig.Value
	if orig.EditedFrom != nil {
		from = *orig.EditedFrom
	}
	out.Remove(func(o Observation) bool { return o.SourceID == UserSource && o.Key() == orig.Key() })
	edit := orig
	edit.Value, edit.Qualifier, edit.Note = value, qualifier, note
	edit.SourceID, edit.Confidence, edit.EditedFrom = UserSource, Normal, &from
	out.AddObservation(edit)
	out.AddSource(Source{ID: UserSource, Title: "Your correction", Publisher: "You (corrected in Auto Cities)", Tier: TierOther})
	return out
}

// ParseNumber reads a number a person typed, with thousands separators or
// full-width digits ("2,540,000", "２５４００００"); units, percents and
// missing marks are refused.
func ParseNumber(s string) (float64, error) {
	f := parseNumber(s)
	if f.kind != numOK || f.unit != "" || f.qual != "" {
		return 0, fmt.Errorf("%q is not a plain number", s)
	}
	return f.v, nil
}
