// Command autocities is Auto Cities: China's car industry, city by city.
// With a subcommand (inspect, chart) it runs headless; otherwise it opens
// the window on the default data, importing any files given.
package main

import (
	"fmt"
	"log"
	"os"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"

	"autocities/assets"
	"autocities/views"
)

func main() {
	start := time.Now() // start-up is timed from here (package inits run before)
	if code, ok := views.RunCommand(os.Args[1:], os.Stdout, os.Stderr); ok {
		os.Exit(code)
	}
	if os.Getenv("AUTOCITIES_TRACE") == "1" {
		views.FirstChart = func() {
			log.Printf("trace: first chart drawn %d ms after main started", time.Since(start).Milliseconds())
		}
	}
	d, rep, err := views.DefaultData()
	if err != nil {
		fmt.Fprintf(os.Stderr, "autocities: built-in data: %v\n", err)
		os.Exit(1)
	}
	a := app.NewWithID("io.github.autocities")
	if views.HandedOff(a, os.Args[1:], os.Stderr) { // another Auto Cities has the workspace: it imports them
		return
	}
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon))
	views.Version = a.Metadata().Version
	w := views.NewWindow(a, views.NewState(d, rep), os.Args[1:])
	w.ShowAndRun()
}
