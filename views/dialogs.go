package views

import (
	"log"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// showError tells the user what went wrong, in the message's own words:
// Fyne's error dialog capitalises the first letter ("Cities.csv could not
// be read" for a file named cities.csv); this one shows file names as the
// user wrote them. The message is logged too.
func showError(err error, win fyne.Window) {
	log.Printf("%v", err)
	msg := widget.NewLabel(err.Error())
	msg.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom(T("ui.problem"), T("ui.ok"), msg, win)
	d.Resize(fyne.NewSize(min(560, win.Canvas().Size().Width-40), 0))
	d.Show()
}
