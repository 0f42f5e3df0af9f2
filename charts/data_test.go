package charts

import "math"

// Realistic test data: production in millions of vehicles.

func compare2024() Compare {
	return Compare{
		Text: Text{
			Title:     "Shenzhen leads, Chongqing and Guangzhou tie",
			Subtitle:  "Vehicle production, 2024 full year, million vehicles",
			ValueAxis: "Vehicles (million)",
			Footer:    "Sources: Yicai; asiacity.news report; Business Times (mirror); Time Weekly; SCMP",
			Decimals:  2,
		},
		Groups: []string{"2024"},
		Bars: []CompareBar{
			{City: "Shenzhen", Values: []float64{2.9353}},
			{City: "Chongqing", Values: []float64{2.54}},
			{City: "Guangzhou", Values: []float64{2.54}},
			{City: "Hefei", Values: []float64{1.9109}},
			{City: "Shanghai", Values: []float64{1.81}},
		},
	}
}

func compareGrouped() Compare {
	return Compare{
		Text: Text{
			Title:     "Chongqing's output keeps rising",
			Subtitle:  "Vehicle production, 2023 and 2024, million vehicles",
			ValueAxis: "Vehicles (million)",
			Footer:    "Sources: Yicai; asiacity.news report; Daily Economic News (repost); Time Weekly; SCMP",
			Decimals:  2,
		},
		Groups: []string{"2023", "2024"},
		Bars: []CompareBar{
			{City: "Shenzhen", Values: []float64{1.733, 2.9353}},
			{City: "Chongqing", Values: []float64{2.32, 2.54}},
			{City: "Guangzhou", Values: []float64{3.1792, 2.54}},
			{City: "Hefei", Values: []float64{1.34, 1.9109}},
			{City: "Shanghai", Values: []float64{2.1561, 1.81}},
			{City: "Changchun", Values: []float64{1.558, math.NaN()}},
		},
	}
}

func chongqingTimeline() Timeline {
	return Timeline{
		Text: Text{
			Title:     "Chongqing's car output, 2019–2025",
			Subtitle:  "Vehicle production, million vehicles; 2025 is January–November",
			ValueAxis: "Vehicles (million)",
			Footer:    "Sources: asiacity.news; Xinhua Chongqing; Daily Economic News (repost); iChongqing",
			Decimals:  2,
		},
		Series: []Series{{City: "Chongqing", Points: []Point{
			{Year: 2019, Value: 1.383},
			{Year: 2020, Value: 1.58},
			{Year: 2022, Value: 2.0918},
			{Year: 2023, Value: 2.32},
			{Year: 2024, Value: 2.54},
			{Year: 2025, Value: 2.4981, Partial: true, Label: "Jan–Nov"},
		}}},
		Events: []Marker{
			{At: 2019.04, Label: "Auto upgrade guidance"},
			{At: 2025.58, Label: "Changan Group HQ in Chongqing", Highlight: true},
			{At: 2025.79, Label: "Liangjiang district"},
			{At: 2025.96, Label: "Corridor finance Opinions"},
		},
		Target: &TargetLine{Year: 2025, Value: 2.6, Label: "2025 target 2.6"},
	}
}

func chongqingRank() Rank {
	return Rank{
		Text: Text{
			Title:     "Chongqing back to first place",
			Subtitle:  "National rank in vehicle production",
			ValueAxis: "Rank",
			Footer:    "Sources: asiacity.news report; Xinhua Chongqing; Time Weekly; iChongqing",
		},
		Series: []Series{{City: "Chongqing", Points: []Point{
			{Year: 2014, Value: 1}, {Year: 2015, Value: 1}, {Year: 2016, Value: 1},
			{Year: 2017, Value: 2}, {Year: 2019, Value: 7}, {Year: 2022, Value: 4},
			{Year: 2023, Value: 2}, {Year: 2025, Value: 1},
		}}},
	}
}
