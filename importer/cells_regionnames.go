package importer

// CityChinese is a known city's Chinese name (重庆 for Chongqing), or "" for
// a name not in the gazetteer.
func CityChinese(name string) string {
	for _, p := range gazetteer {
		if p.name == name {
			return p.zh
		}
	}
	return ""
}
