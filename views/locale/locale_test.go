package locale

import "testing"

func TestSettle(t *testing.T) {
	tests := []struct {
		name  string
		env   map[string]string
		saved string
		want  string // LANGUAGE afterwards
	}{
		{"C.UTF-8 gets English", map[string]string{"LANG": "C.UTF-8"}, "", "en"},
		{"LC_ALL wins over LANG", map[string]string{"LC_ALL": "POSIX.UTF-8", "LANG": "zh_CN.UTF-8"}, "", "en"},
		{"plain C is left alone (Fyne reads it fine)", map[string]string{"LANG": "C"}, "", ""},
		{"a real locale is left alone", map[string]string{"LANG": "zh_CN.UTF-8"}, "", ""},
		{"the user's LANGUAGE is kept", map[string]string{"LANG": "C.UTF-8", "LANGUAGE": "zh"}, "", "zh"},
		{"the app's choice wins", map[string]string{"LANG": "en_GB.UTF-8", Override: "zh"}, "en", "zh"},
		{"the saved choice wins over the system", map[string]string{"LANG": "en_GB.UTF-8"}, "zh", "zh"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env := map[string]string{}
			for k, v := range tt.env {
				env[k] = v
			}
			settle(func(k string) string { return env[k] }, func(k, v string) error { env[k] = v; return nil }, tt.saved)
			if env["LANGUAGE"] != tt.want {
				t.Errorf("LANGUAGE = %q, want %q", env["LANGUAGE"], tt.want)
			}
		})
	}
}

func TestSaveAndSaved(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	t.Setenv("HOME", t.TempDir())
	if got := Saved(); got != "" {
		t.Fatalf("fresh config: %q", got)
	}
	if err := Save("zh"); err != nil {
		t.Fatal(err)
	}
	if got := Saved(); got != "zh" {
		t.Errorf("after Save(zh): %q", got)
	}
	if err := Save(""); err != nil {
		t.Fatal(err)
	}
	if got := Saved(); got != "" {
		t.Errorf("after Save(\"\"): %q", got)
	}
}
