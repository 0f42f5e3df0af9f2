package views

import (
	"slices"
	"testing"
)

// The region panel lists regions in pinyin order in both languages: by
// their English names (Beijing, Changchun, Chongqing…), and names a file
// gave only in Chinese by their pinyin, after them — never by code point
// (上海 before 北京). (A character read two ways, 长 cháng/zhǎng, sorts
// by its CLDR reading.)
func TestRegionsInPinyinOrder(t *testing.T) {
	names := []string{"渝北区", "Shanghai", "江北区", "Chongqing", "beijing", "Changchun", "巴南区"}
	sortRegions(names)
	want := []string{"beijing", "Changchun", "Chongqing", "Shanghai", "巴南区", "江北区", "渝北区"}
	if !slices.Equal(names, want) {
		t.Errorf("order %v, want %v", names, want)
	}
}
