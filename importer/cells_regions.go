package importer

import (
	"strings"
	"unicode"
)

// place is one gazetteer entry: the canonical English name, the Chinese
// name without 市, and other spellings and abbreviations people write.
type place struct {
	name    string
	zh      string
	aliases []string
}

// gazetteer lists the municipalities, the provincial capitals and the main
// car-making cities. One-character abbreviations are only those in common
// use for a city (渝, 沪, 穗, 深 …), not a province's (苏, 鲁).
var gazetteer = []place{
	{"Beijing", "北京", []string{"京", "Peking", "Pekin"}},
	{"Shanghai", "上海", []string{"沪", "申"}},
	{"Tianjin", "天津", []string{"津", "Tientsin"}},
	{"Chongqing", "重庆", []string{"渝", "Chungking", "Chong Qing"}},
	{"Shijiazhuang", "石家庄", nil},
	{"Taiyuan", "太原", nil},
	{"Hohhot", "呼和浩特", []string{"Huhehaote", "Huhhot"}},
	{"Shenyang", "沈阳", []string{"Mukden"}},
	{"Changchun", "长春", nil},
	{"Harbin", "哈尔滨", []string{"Haerbin"}},
	{"Nanjing", "南京", []string{"宁", "Nanking"}},
	{"Hangzhou", "杭州", []string{"杭"}},
	{"Hefei", "合肥", []string{"庐"}},
	{"Fuzhou", "福州", []string{"榕", "Foochow"}},
	{"Nanchang", "南昌", []string{"洪"}},
	{"Jinan", "济南", []string{"泉城"}},
	{"Zhengzhou", "郑州", []string{"郑"}},
	{"Wuhan", "武汉", []string{"汉", "Hankow"}},
	{"Changsha", "长沙", []string{"星城"}},
	{"Guangzhou", "广州", []string{"穗", "Canton"}},
	{"Nanning", "南宁", []string{"邕"}},
	{"Haikou", "海口", nil},
	{"Chengdu", "成都", []string{"蓉"}},
	{"Guiyang", "贵阳", []string{"筑"}},
	{"Kunming", "昆明", nil},
	{"Lhasa", "拉萨", []string{"Lasa"}},
	{"Xi'an", "西安", []string{"Xian", "Sian", "镐"}},
	{"Lanzhou", "兰州", nil},
	{"Xining", "西宁", nil},
	{"Yinchuan", "银川", nil},
	{"Urumqi", "乌鲁木齐", []string{"Ürümqi", "Wulumuqi", "Urumchi"}},
	{"Hong Kong", "香港", []string{"港", "HK"}},
	{"Macau", "澳门", []string{"澳", "Macao"}},
	{"Shenzhen", "深圳", []string{"深"}},
	{"Liuzhou", "柳州", []string{"柳"}},
	{"Wuhu", "芜湖", []string{"芜"}},
	{"Xiangyang", "襄阳", []string{"襄樊", "Xiangfan"}},
	{"Baoding", "保定", nil},
	{"Ningbo", "宁波", []string{"甬"}},
	{"Suzhou", "苏州", []string{"姑苏"}},
	{"Suzhou (Anhui)", "宿州", nil},
	{"Shiyan", "十堰", nil},
	{"Foshan", "佛山", nil},
	{"Dongguan", "东莞", []string{"莞"}},
	{"Huizhou", "惠州", nil},
	{"Zhaoqing", "肇庆", nil},
	{"Zhuhai", "珠海", nil},
	{"Jiangmen", "江门", nil},
	{"Zhongshan", "中山", nil},
	{"Shantou", "汕头", nil},
	{"Zhanjiang", "湛江", nil},
	{"Changzhou", "常州", nil},
	{"Wuxi", "无锡", []string{"锡"}},
	{"Nantong", "南通", nil},
	{"Yancheng", "盐城", nil},
	{"Yangzhou", "扬州", nil},
	{"Zhenjiang", "镇江", nil},
	{"Xuzhou", "徐州", nil},
	{"Huai'an", "淮安", []string{"Huaian"}},
	{"Lianyungang", "连云港", nil},
	{"Taizhou (Jiangsu)", "泰州", nil},
	{"Taizhou", "台州", nil},
	{"Jinhua", "金华", nil},
	{"Jiaxing", "嘉兴", nil},
	{"Huzhou", "湖州", nil},
	{"Shaoxing", "绍兴", nil},
	{"Wenzhou", "温州", nil},
	{"Xiamen", "厦门", []string{"厦", "鹭", "Amoy"}},
	{"Quanzhou", "泉州", nil},
	{"Qingdao", "青岛", []string{"Tsingtao"}},
	{"Yantai", "烟台", nil},
	{"Weifang", "潍坊", nil},
	{"Zibo", "淄博", nil},
	{"Linyi", "临沂", nil},
	{"Rizhao", "日照", nil},
	{"Liaocheng", "聊城", nil},
	{"Dalian", "大连", []string{"连"}},
	{"Tieling", "铁岭", nil},
	{"Jilin", "吉林", []string{"Jilin City"}},
	{"Daqing", "大庆", nil},
	{"Tangshan", "唐山", nil},
	{"Cangzhou", "沧州", nil},
	{"Handan", "邯郸", nil},
	{"Zhangjiakou", "张家口", nil},
	{"Jinzhong", "晋中", nil},
	{"Yuncheng", "运城", nil},
	{"Baotou", "包头", nil},
	{"Ordos", "鄂尔多斯", []string{"Eerduosi"}},
	{"Luoyang", "洛阳", nil},
	{"Kaifeng", "开封", nil},
	{"Xinxiang", "新乡", nil},
	{"Xuchang", "许昌", nil},
	{"Jingzhou", "荆州", nil},
	{"Jingmen", "荆门", nil},
	{"Xiaogan", "孝感", nil},
	{"Suizhou", "随州", nil},
	{"Yichang", "宜昌", nil},
	{"Zhuzhou", "株洲", nil},
	{"Xiangtan", "湘潭", nil},
	{"Loudi", "娄底", nil},
	{"Ganzhou", "赣州", nil},
	{"Shangrao", "上饶", nil},
	{"Jiujiang", "九江", nil},
	{"Jingdezhen", "景德镇", nil},
	{"Chuzhou", "滁州", nil},
	{"Anqing", "安庆", nil},
	{"Ma'anshan", "马鞍山", []string{"Maanshan"}},
	{"Bengbu", "蚌埠", nil},
	{"Huainan", "淮南", nil},
	{"Guilin", "桂林", nil},
	{"Yulin", "玉林", nil},
	{"Mianyang", "绵阳", nil},
	{"Yibin", "宜宾", nil},
	{"Ziyang", "资阳", nil},
	{"Nanchong", "南充", nil},
	{"Zunyi", "遵义", nil},
	{"Qujing", "曲靖", nil},
	{"Baoji", "宝鸡", nil},
	{"Hanzhong", "汉中", nil},
	{"Sanya", "三亚", nil},
}

// cityIndex maps folded spellings to canonical names.
var cityIndex = func() map[string]string {
	m := map[string]string{}
	for _, p := range gazetteer {
		m[foldCity(p.name)] = p.name
		m[foldCity(p.zh)] = p.name
		for _, a := range p.aliases {
			m[foldCity(a)] = p.name
		}
	}
	return m
}()

// foldCity reduces a written city name to a lookup key: full-width folded,
// lower case, without spaces, apostrophes, hyphens and dots, and without the
// suffixes 市, 地区, "city", "shi" and "municipality".
func foldCity(s string) string {
	s = strings.ToLower(normText(s))
	s = strings.Map(func(r rune) rune {
		switch {
		case unicode.IsSpace(r), strings.ContainsRune("'’‘`´-–—.·・", r):
			return -1
		case r == 'ü':
			return 'u'
		}
		return r
	}, s)
	for _, suf := range []string{"municipality", "prefecture", "city", "地区", "市"} {
		if t, ok := strings.CutSuffix(s, suf); ok && t != "" {
			s = t
			break
		}
	}
	return s
}

// MatchCity returns a city's canonical English name and true, or the name
// as written (trimmed) and false when it is not in the gazetteer.
func MatchCity(s string) (string, bool) {
	k := foldCity(s)
	if name, ok := cityIndex[k]; ok {
		return name, true
	}
	if t, ok := strings.CutSuffix(k, "shi"); ok {
		if name, ok := cityIndex[t]; ok {
			return name, true
		}
	}
	return strings.TrimSpace(normText(s)), false
}
