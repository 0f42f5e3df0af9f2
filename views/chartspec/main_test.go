package chartspec

import (
	"os"
	"testing"

	"autocities/importer"
)

func TestMain(m *testing.M) {
	if err := importer.UseAssets(os.DirFS("../../assets")); err != nil {
		panic(err)
	}
	os.Exit(m.Run())
}
