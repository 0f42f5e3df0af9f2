// Command autocities is Auto Cities: China's car industry, city by city.
// With a subcommand (inspect, chart) it runs headless; otherwise it opens
// the window on the default data, importing any files given.
package main

import (
	"fmt"
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"

	"autocities/assets"
	"autocities/views"
)

func main() {
	if code, ok := views.RunCommand(os.Args[1:], os.Stdout, os.Stderr); ok {
		os.Exit(code)
	}
	d, rep, err := views.DefaultData()
	if err != nil {
		fmt.Fprintf(os.Stderr, "autocities: built-in data: %v\n", err)
		os.Exit(1)
	}
	a := app.NewWithID("io.github.autocities")
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon))
	views.Version = a.Metadata().Version
	w := views.NewWindow(a, views.NewState(d, rep), os.Args[1:])
	w.ShowAndRun()
}
