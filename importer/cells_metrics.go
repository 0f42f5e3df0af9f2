package importer

import (
	"sort"
	"strings"
)

// exportAny is "exports" with no word on units or value: the unit decides
// (vehicles → export_units, money → export_value).
const exportAny Metric = "export?"

// metricAliases maps indicator names in English and Chinese (lower case,
// without spaces) to canonical metrics.
var metricAliases = map[string]Metric{
	"汽车产量": Production, "产量": Production, "整车产量": Production, "汽车制造产量": Production,
	"汽车生产量": Production, "生产量": Production, "汽车总产量": Production, "vehicleoutput": Production,
	"automobileproduction": Production, "automobileoutput": Production, "vehicleproduction": Production,
	"autoproduction": Production, "autooutput": Production, "carproduction": Production,
	"caroutput": Production, "production": Production, "output": Production,
	"新能源汽车产量": NEVProduction, "新能源车产量": NEVProduction, "新能源产量": NEVProduction,
	"新能源整车产量": NEVProduction, "nevoutput": NEVProduction, "nevproduction": NEVProduction,
	"newenergyvehicleproduction": NEVProduction, "newenergyvehicleoutput": NEVProduction,
	"nev_production": NEVProduction, "evproduction": NEVProduction, "evoutput": NEVProduction,
	"汽车销量": Sales, "销量": Sales, "销售量": Sales, "vehiclesales": Sales, "sales": Sales,
	"autosales": Sales, "carsales": Sales,
	"新能源汽车销量": NEVSales, "新能源车销量": NEVSales, "新能源销量": NEVSales, "nevsales": NEVSales,
	"newenergyvehiclesales": NEVSales, "nev_sales": NEVSales, "evsales": NEVSales,
	"汽车出口量": ExportUnits, "出口量": ExportUnits, "整车出口量": ExportUnits, "出口数量": ExportUnits,
	"exportvolume": ExportUnits, "vehicleexports": ExportUnits, "exportunits": ExportUnits,
	"export_units": ExportUnits, "exportedvehicles": ExportUnits,
	"出口额": ExportValue, "出口金额": ExportValue, "汽车出口额": ExportValue, "出口总额": ExportValue,
	"出口值": ExportValue, "exportvalue": ExportValue, "valueofexports": ExportValue,
	"export_value": ExportValue,
	"电动汽车出口额":      EVExportValue, "电动载人汽车出口额": EVExportValue, "新能源汽车出口额": EVExportValue,
	"evexportvalue": EVExportValue, "ev_export_value": EVExportValue, "evexports": EVExportValue,
	"产量排名": ProductionRank, "全国排名": ProductionRank, "排名": ProductionRank, "位次": ProductionRank,
	"productionrank": ProductionRank, "production_rank": ProductionRank, "rank": ProductionRank,
	"ranking": ProductionRank, "outputrank": ProductionRank,
	"新能源汽车产量排名": NEVProductionRank, "新能源排名": NEVProductionRank, "新能源汽车排名": NEVProductionRank,
	"nevrank": NEVProductionRank, "nevproductionrank": NEVProductionRank,
	"nev_production_rank": NEVProductionRank, "other_rank": OtherRank,
	"出口": exportAny, "汽车出口": exportAny, "exports": exportAny, "export": exportAny,
}

var metricKeys = func() []string {
	var ks []string
	for k := range metricAliases {
		ks = append(ks, k)
	}
	sort.Slice(ks, func(i, j int) bool {
		if len(ks[i]) != len(ks[j]) {
			return len(ks[i]) > len(ks[j])
		}
		return ks[i] < ks[j]
	})
	return ks
}()

func metricKey(s string) string {
	s = strings.ToLower(stripBrackets(normText(s)))
	return metricFold.Replace(s)
}

var metricFold = strings.NewReplacer(" ", "", "-", "", "new-energy", "newenergy", "vehicles", "vehicle",
	"automobiles", "automobile", "cars", "car")

// findMetric finds the canonical metric named in a header, title or cell:
// the longest alias it contains wins ("新能源汽车产量" over "产量").
func findMetric(s string) (Metric, bool) {
	k := metricKey(s)
	if k == "" || notAMetric(k) {
		return "", false
	}
	if m, ok := metricAliases[k]; ok {
		return m, true
	}
	for _, a := range metricKeys {
		if len(a) >= 3 && strings.Contains(k, a) {
			return metricAliases[a], true
		}
	}
	return "", false
}

// notMetricWords mark figures that contain a metric's word but are not it:
// motorcycle output, battery output, a production target, a share, all
// goods exported, electric cars only (IEA's and OWID's "electric car
// sales" are not the NEV count), vehicles owned.
var notMetricWords = []string{"摩托", "motorcycle", "拖拉机", "tractor", "发动机", "engine", "电池",
	"battery", "轮胎", "tire", "tyre", "零部件", "parts", "充电", "charging", "目标", "target",
	"规划", "plan", "产能", "capacity", "比重", "占比", "share", "产值", "收入", "revenue", "利润", "profit",
	"electric", "进出口", "货物", "外贸", "保有", "拥有"}

func notAMetric(k string) bool {
	for _, w := range notMetricWords {
		if strings.Contains(k, w) {
			return true
		}
	}
	return false
}

// rankScope returns the scope of a rank that is not among Chinese cities
// ("省内排名", "rank among provinces", "production bases"), or "".
func rankScope(s string) string {
	l := strings.ToLower(s)
	for _, w := range []string{"省", "province", "基地", "base", "全球", "world", "global"} {
		if strings.Contains(l, w) {
			return strings.TrimSpace(s)
		}
	}
	return ""
}

// resolveMetric settles "exports" by the unit's kind and a rank by its
// scope.
func resolveMetric(m Metric, kind, header string) (Metric, string) {
	if m == exportAny {
		if kind == kindCNY || kind == kindUSD {
			return ExportValue, ""
		}
		return ExportUnits, ""
	}
	if IsRank(m) && m != OtherRank {
		if sc := rankScope(header); sc != "" {
			return OtherRank, "scope: " + sc
		}
	}
	return m, ""
}
