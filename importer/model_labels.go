package importer

import (
	"strconv"
	"strings"
)

var monthAbbr = [...]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}

// PeriodLabel is a period token as people write it: "full year",
// "Jan–Nov", "Nov".
func PeriodLabel(p string) string {
	switch {
	case p == "FY":
		return "full year"
	case strings.HasPrefix(p, "YTD"):
		if n, err := strconv.Atoi(p[3:]); err == nil && n >= 1 && n <= 12 {
			if n == 1 {
				return "Jan"
			}
			return "Jan–" + monthAbbr[n-1]
		}
	case strings.HasPrefix(p, "M"):
		if n, err := strconv.Atoi(p[1:]); err == nil && n >= 1 && n <= 12 {
			return monthAbbr[n-1]
		}
	}
	return p
}

var metricLabels = map[string]string{
	Production:        "Vehicle production",
	NEVProduction:     "NEV production",
	Sales:             "Vehicle sales",
	NEVSales:          "NEV sales",
	ExportUnits:       "Vehicle exports (units)",
	ExportValue:       "Vehicle export value",
	EVExportValue:     "EV export value",
	ProductionRank:    "National rank in vehicle production",
	NEVProductionRank: "National rank in NEV production",
	OtherRank:         "Other stated rank",
}

// MetricLabel is a canonical metric's name for people.
func MetricLabel(m string) string {
	if l, ok := metricLabels[m]; ok {
		return l
	}
	return m
}
