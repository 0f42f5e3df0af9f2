// Command autocities is Auto Cities: China's car industry, city by city.
// With a subcommand (inspect, chart) it runs headless; otherwise it opens
// the window on the default data, importing any files given.
package main

import (
	"fmt"
	"log"
	"os"
	"os/signal"
	"sync"
	"syscall"
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
	views.Quitting = exitSoon
	go func() { // Fyne quits on these too (its own handler); this makes sure the process ends
		sig := make(chan os.Signal, 1)
		signal.Notify(sig, syscall.SIGTERM, os.Interrupt)
		<-sig
		exitSoon()
	}()
	a := app.NewWithID("io.github.autocities")
	if os.Getenv("AUTOCITIES_HANG_AT_EXIT") == "1" { // .ci/startup: Fyne's exit hang, made certain, for the watchdog to end
		a.Lifecycle().SetOnStopped(func() { log.Print("autocities: the stopped hook waits for ever (AUTOCITIES_HANG_AT_EXIT)"); select {} })
	}
	if views.HandedOff(a, os.Args[1:], os.Stderr) { // another Auto Cities has the workspace: it imports them
		return
	}
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon))
	views.Version = a.Metadata().Version
	w := views.NewWindow(a, views.NewState(d, rep), os.Args[1:])
	w.ShowAndRun()
}

// exitGrace is how long Fyne gets to finish closing: it takes well under a
// second; the window's own work (the last save, the clipboard's hand-over)
// is done before the watchdog starts.
const exitGrace = 5 * time.Second

var exitOnce sync.Once

// exitSoon ends the process exitGrace from now, unless it has ended by
// then. Fyne 2.7.1 can hang at exit, the window gone and the process left:
// its loop, stopping, queues the app's stopped hook (which saves Fyne's
// preferences), then drains its queue of calls for the main thread and
// closes it. When the lifecycle goroutine finds the queue not yet marked
// drained but hands the hook over after the loop's last look, nobody runs
// or answers it, that goroutine waits for ever, and so does Run's
// WaitForEvents behind it (internal/driver/glfw/loop.go runGL and
// runOnMainWithWait, internal/app/lifecycle.go). Seen once in ten starts
// stopped by SIGTERM on a 2-core machine (CI's start-up check), the main
// thread in a futex wait. Stopped by SIGTERM, a hung instance would also
// keep the workspace's lock, so the next start would open read-only.
func exitSoon() {
	exitOnce.Do(func() {
		time.AfterFunc(exitGrace, func() {
			log.Printf("autocities: Fyne had not finished closing %v after the app began to close; ending the process", exitGrace)
			os.Exit(0)
		})
	})
}
