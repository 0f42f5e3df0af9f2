//go:build (linux || freebsd) && cgo && !ci

package clipboard

// X11 has no clipboard store: the app that copied keeps the data and hands
// it to each app that pastes (ICCCM selections). This owner runs on its
// own XCB connection and goroutine, apart from Fyne's window: XCB is
// thread-safe and reports protocol errors as events (Xlib's default error
// handler would end the process when a pasting window goes away mid-
// transfer, and Xlib's handler is one per process, which GLFW resets).
// libxcb is a dependency of libX11, which Fyne links already: present on
// every X11 system (building needs its headers: libxcb1-dev, which
// libx11-dev brings).

/*
#cgo linux LDFLAGS: -lxcb
#cgo freebsd pkg-config: xcb
#include <stdlib.h>
#include <string.h>
#include <xcb/xcb.h>

static xcb_atom_t ac_atom(xcb_connection_t *c, const char *name) {
	xcb_intern_atom_reply_t *r = xcb_intern_atom_reply(c, xcb_intern_atom(c, 0, strlen(name), name), NULL);
	if (!r) return XCB_ATOM_NONE;
	xcb_atom_t a = r->atom;
	free(r);
	return a;
}

// ac_window makes the unmapped window that owns the selection; it hears
// its own property changes (the timestamps).
static xcb_window_t ac_window(xcb_connection_t *c) {
	xcb_screen_t *s = xcb_setup_roots_iterator(xcb_get_setup(c)).data;
	xcb_window_t w = xcb_generate_id(c);
	uint32_t mask = XCB_EVENT_MASK_PROPERTY_CHANGE;
	xcb_create_window(c, XCB_COPY_FROM_PARENT, w, s->root, 0, 0, 1, 1, 0,
		XCB_WINDOW_CLASS_INPUT_ONLY, XCB_COPY_FROM_PARENT, XCB_CW_EVENT_MASK, &mask);
	return w;
}

static xcb_window_t ac_owner(xcb_connection_t *c, xcb_atom_t selection) {
	xcb_get_selection_owner_reply_t *r = xcb_get_selection_owner_reply(c, xcb_get_selection_owner(c, selection), NULL);
	if (!r) return XCB_WINDOW_NONE;
	xcb_window_t w = r->owner;
	free(r);
	return w;
}

// ac_notify answers a SelectionRequest. send_event copies 32 bytes: the
// event goes in a buffer of that size.
static void ac_notify(xcb_connection_t *c, xcb_window_t requestor, xcb_atom_t selection,
		xcb_atom_t target, xcb_atom_t property, xcb_timestamp_t time) {
	char buf[32];
	memset(buf, 0, sizeof buf);
	xcb_selection_notify_event_t *ev = (xcb_selection_notify_event_t *)buf;
	ev->response_type = XCB_SELECTION_NOTIFY;
	ev->time = time;
	ev->requestor = requestor;
	ev->selection = selection;
	ev->target = target;
	ev->property = property;
	xcb_send_event(c, 0, requestor, XCB_EVENT_MASK_NO_EVENT, buf);
}

static void ac_watch(xcb_connection_t *c, xcb_window_t w, uint32_t mask) {
	xcb_change_window_attributes(c, w, XCB_CW_EVENT_MASK, &mask);
}

// ac_atom_pairs reads MULTIPLE's list of (target, property) pairs; the
// caller frees the reply. n is the number of atoms (twice the pairs).
static xcb_get_property_reply_t *ac_pairs(xcb_connection_t *c, xcb_window_t w, xcb_atom_t property, xcb_atom_t *(*atoms), int *n) {
	xcb_get_property_reply_t *r = xcb_get_property_reply(c, xcb_get_property(c, 0, w, property, XCB_GET_PROPERTY_TYPE_ANY, 0, 0x1fffffff), NULL);
	if (!r) return NULL;
	if (r->format != 32) { free(r); return NULL; }
	*atoms = (xcb_atom_t *)xcb_get_property_value(r);
	*n = xcb_get_property_value_length(r) / 4;
	return r;
}

static uint8_t ac_type(xcb_generic_event_t *e) { return e->response_type & 0x7f; }
*/
import "C"

import (
	"errors"
	"fmt"
	"log"
	"os"
	"slices"
	"sync"
	"time"
	"unsafe"
)

// Write makes the app the owner of the CLIPBOARD selection with these
// contents; it returns once the X server has made it so.
func Write(c Content) error {
	b, err := x11()
	if err != nil {
		return err
	}
	return b.write(offersFor(c))
}

// Keep hands the contents to the desktop's clipboard manager (the
// freedesktop.org ClipboardManager protocol, SAVE_TARGETS), so that they
// can still be pasted after the app exits; it waits at most timeout.
// Where no manager runs, or the app does not own the clipboard, it
// returns at once.
func Keep(timeout time.Duration) {
	board.mu.Lock()
	b := board.b
	board.mu.Unlock()
	if b != nil {
		b.keep(timeout)
	}
}

// offer is one format the clipboard holds: a target name and its data.
type offer struct {
	target, typ string // typ: the property type it is sent as ("" the target)
	data        []byte
}

// offersFor lists the formats of a content, the picture first: the order
// of TARGETS, which some apps take as a preference.
func offersFor(c Content) []offer {
	var out []offer
	if c.PNG != nil {
		out = append(out, offer{target: "image/png", data: c.PNG})
	}
	if c.SVG != nil {
		out = append(out, offer{target: "image/svg+xml", data: c.SVG})
	}
	if c.Text != "" {
		utf8 := []byte(c.Text)
		out = append(out,
			offer{target: "UTF8_STRING", data: utf8},
			offer{target: "text/plain;charset=utf-8", data: utf8},
			offer{target: "text/plain", data: utf8},
			offer{target: "STRING", data: latin1(c.Text)})
	}
	return out
}

// latin1 is the text as ICCCM's STRING (ISO 8859-1): what Latin-1 lacks
// (Chinese) becomes "?".
func latin1(s string) []byte {
	out := make([]byte, 0, len(s))
	for _, r := range s {
		if r > 0xff {
			r = '?'
		}
		out = append(out, byte(r))
	}
	return out
}

// atomNames are the atoms the owner uses, interned once.
var atomNames = []string{"CLIPBOARD", "TARGETS", "TIMESTAMP", "MULTIPLE", "INCR", "ATOM", "ATOM_PAIR", "INTEGER",
	"CLIPBOARD_MANAGER", "SAVE_TARGETS", "AUTOCITIES_TIME", "AUTOCITIES_KEEP",
	"image/png", "image/svg+xml", "UTF8_STRING", "text/plain;charset=utf-8", "text/plain", "STRING"}

// owner is the selection owner: its connection, window and atoms are
// fixed once made; the rest belongs to its event loop.
type owner struct {
	conn  *C.xcb_connection_t
	win   C.xcb_window_t
	atoms map[string]C.xcb_atom_t
	names map[C.xcb_atom_t]string
	chunk int // the largest property written at once; larger data goes by INCR

	writing sync.Mutex // one Write at a time
	mu      sync.Mutex // guards pending and saving, handed to the loop
	pending *request
	saving  chan struct{}
	done    chan struct{} // closed when the loop ends (the X connection broke)

	// the loop's own
	offers []offer
	owned  bool
	time   C.xcb_timestamp_t
	incr   map[incrKey]*transfer
}

// request is a Write waiting for the loop to take the selection.
type request struct {
	offers []offer
	err    chan error
}

// board is the process's one owner, made at the first Write.
var board struct {
	mu sync.Mutex
	b  *owner
}

// x11 is the owner, connecting on first use (and again after the X
// connection broke).
func x11() (*owner, error) {
	board.mu.Lock()
	defer board.mu.Unlock()
	if board.b != nil {
		select {
		case <-board.b.done:
		default:
			return board.b, nil
		}
	}
	b, err := connect()
	board.b = b
	return b, err
}

func connect() (*owner, error) {
	display := os.Getenv("DISPLAY")
	if display == "" {
		return nil, fmt.Errorf("%w: no X display (DISPLAY is not set)", ErrUnavailable)
	}
	conn := C.xcb_connect(nil, nil)
	if C.xcb_connection_has_error(conn) != 0 {
		C.xcb_disconnect(conn)
		return nil, fmt.Errorf("%w: cannot open the X display %q", ErrUnavailable, display)
	}
	b := &owner{conn: conn, atoms: map[string]C.xcb_atom_t{}, names: map[C.xcb_atom_t]string{},
		incr: map[incrKey]*transfer{}, done: make(chan struct{})}
	for _, name := range atomNames {
		cs := C.CString(name)
		a := C.ac_atom(conn, cs)
		C.free(unsafe.Pointer(cs))
		b.atoms[name], b.names[a] = a, name
	}
	// Properties up to 256 KiB at once (within the server's request size);
	// more goes in pieces, as ICCCM asks and as every toolkit reads.
	b.chunk = min(256<<10, int(C.xcb_get_maximum_request_length(conn))*4-1024)
	b.win = C.ac_window(conn)
	C.xcb_flush(conn)
	go b.loop()
	return b, nil
}

// write hands the offers to the loop and waits until it owns the
// selection. The loop takes it at a server timestamp: a zero-length append
// to a property of its window makes the server send one (ICCCM: never
// CurrentTime).
func (b *owner) write(offers []offer) error {
	b.writing.Lock()
	defer b.writing.Unlock()
	r := &request{offers: offers, err: make(chan error, 1)}
	b.mu.Lock()
	b.pending = r
	b.mu.Unlock()
	b.touch(b.atoms["AUTOCITIES_TIME"])
	select {
	case err := <-r.err:
		return err
	case <-b.done:
		return errors.New("the connection to the X server broke")
	case <-time.After(5 * time.Second):
		b.mu.Lock()
		b.pending = nil
		b.mu.Unlock()
		return errors.New("the X server did not answer within 5 s")
	}
}

// touch appends nothing to a property of the owner's window: the server
// answers with a PropertyNotify, which wakes the loop with a timestamp.
func (b *owner) touch(prop C.xcb_atom_t) {
	C.xcb_change_property(b.conn, C.XCB_PROP_MODE_APPEND, b.win, prop, b.atoms["INTEGER"], 32, 0, nil)
	C.xcb_flush(b.conn)
}

// keep asks the loop to hand the contents to the clipboard manager and
// waits until it is done or the time is up.
func (b *owner) keep(timeout time.Duration) {
	done := make(chan struct{})
	b.mu.Lock()
	b.saving = done
	b.mu.Unlock()
	b.touch(b.atoms["AUTOCITIES_KEEP"])
	select {
	case <-done:
	case <-b.done:
	case <-time.After(timeout):
		log.Printf("clipboard: the clipboard manager did not take the contents within %v", timeout)
	}
}

// loop serves the selection until the connection breaks.
func (b *owner) loop() {
	defer close(b.done)
	for {
		ev := C.xcb_wait_for_event(b.conn)
		if ev == nil {
			log.Printf("clipboard: the connection to the X server broke (error %d)", C.xcb_connection_has_error(b.conn))
			return
		}
		b.handle(ev)
		C.free(unsafe.Pointer(ev))
		C.xcb_flush(b.conn)
	}
}

func (b *owner) handle(ev *C.xcb_generic_event_t) {
	p := unsafe.Pointer(ev)
	switch C.ac_type(ev) {
	case C.XCB_SELECTION_REQUEST:
		b.serve((*C.xcb_selection_request_event_t)(p))
	case C.XCB_PROPERTY_NOTIFY:
		b.propertyChanged((*C.xcb_property_notify_event_t)(p))
	case C.XCB_SELECTION_CLEAR:
		if e := (*C.xcb_selection_clear_event_t)(p); e.selection == b.atoms["CLIPBOARD"] {
			b.owned, b.offers = false, nil // another app copied
		}
	case C.XCB_SELECTION_NOTIFY:
		if e := (*C.xcb_selection_notify_event_t)(p); e.selection == b.atoms["CLIPBOARD_MANAGER"] {
			b.saved()
		}
	case 0: // an error: a pasting window that went away mid-transfer
		e := (*C.xcb_generic_error_t)(p)
		b.dropTransfers(C.xcb_window_t(e.resource_id))
	}
}

func (b *owner) propertyChanged(e *C.xcb_property_notify_event_t) {
	switch {
	case e.window == b.win && e.atom == b.atoms["AUTOCITIES_TIME"]:
		b.take(e.time)
	case e.window == b.win && e.atom == b.atoms["AUTOCITIES_KEEP"]:
		b.startSaving(e.time)
	case e.state == C.XCB_PROPERTY_DELETE:
		b.nextChunk(e.window, e.atom)
	}
}

// take makes the owner's window own CLIPBOARD with the pending offers, and
// tells the waiting Write whether it does.
func (b *owner) take(t C.xcb_timestamp_t) {
	b.mu.Lock()
	r := b.pending
	b.pending = nil
	b.mu.Unlock()
	if r == nil {
		return
	}
	clip := b.atoms["CLIPBOARD"]
	C.xcb_set_selection_owner(b.conn, b.win, clip, t)
	if C.ac_owner(b.conn, clip) != b.win {
		r.err <- errors.New("the X server did not make Auto Cities the clipboard's owner")
		return
	}
	b.offers, b.owned, b.time = r.offers, true, t
	r.err <- nil
}

// serve answers a request for the selection in a format (a target).
func (b *owner) serve(e *C.xcb_selection_request_event_t) {
	prop := e.property
	if prop == C.XCB_ATOM_NONE { // an obsolete client: the target names the property
		prop = e.target
	}
	ok := e.selection == b.atoms["CLIPBOARD"] && b.owned && (e.time == C.XCB_CURRENT_TIME || e.time >= b.time)
	if ok && e.target == b.atoms["MULTIPLE"] {
		ok = b.convertMultiple(e.requestor, prop)
	} else if ok {
		ok = b.convert(e.requestor, prop, e.target)
	}
	if !ok {
		prop = C.XCB_ATOM_NONE
	}
	C.ac_notify(b.conn, e.requestor, e.selection, e.target, prop, e.time)
}

// convert writes the selection in the target's format into the
// requestor's property; false when the owner has no such format.
func (b *owner) convert(w C.xcb_window_t, prop, target C.xcb_atom_t) bool {
	switch b.names[target] {
	case "TARGETS":
		atoms := []C.xcb_atom_t{b.atoms["TARGETS"], b.atoms["TIMESTAMP"], b.atoms["MULTIPLE"]}
		for _, o := range b.offers {
			atoms = append(atoms, b.atoms[o.target])
		}
		C.xcb_change_property(b.conn, C.XCB_PROP_MODE_REPLACE, w, prop, b.atoms["ATOM"], 32, C.uint32_t(len(atoms)), unsafe.Pointer(&atoms[0]))
		return true
	case "TIMESTAMP":
		t := b.time
		C.xcb_change_property(b.conn, C.XCB_PROP_MODE_REPLACE, w, prop, b.atoms["INTEGER"], 32, 1, unsafe.Pointer(&t))
		return true
	}
	i := slices.IndexFunc(b.offers, func(o offer) bool { return b.atoms[o.target] == target })
	if i < 0 {
		return false
	}
	data := b.offers[i].data
	if len(data) > b.chunk {
		b.startTransfer(w, prop, target, data)
		return true
	}
	b.setProperty(w, prop, target, data)
	return true
}

// convertMultiple answers MULTIPLE (clipboard managers save this way): a
// list of (target, property) pairs, each converted; a pair that fails gets
// None for its property.
func (b *owner) convertMultiple(w C.xcb_window_t, prop C.xcb_atom_t) bool {
	var atoms *C.xcb_atom_t
	var n C.int
	r := C.ac_pairs(b.conn, w, prop, &atoms, &n)
	if r == nil {
		return false
	}
	defer C.free(unsafe.Pointer(r))
	pairs := slices.Clone(unsafe.Slice(atoms, int(n)))
	for i := 0; i+1 < len(pairs); i += 2 {
		if pairs[i] == b.atoms["MULTIPLE"] || !b.convert(w, pairs[i+1], pairs[i]) {
			pairs[i+1] = C.XCB_ATOM_NONE
		}
	}
	if len(pairs) > 0 {
		C.xcb_change_property(b.conn, C.XCB_PROP_MODE_REPLACE, w, prop, b.atoms["ATOM_PAIR"], 32, C.uint32_t(len(pairs)), unsafe.Pointer(&pairs[0]))
	}
	return true
}

func (b *owner) setProperty(w C.xcb_window_t, prop, typ C.xcb_atom_t, data []byte) {
	var p unsafe.Pointer
	if len(data) > 0 {
		p = unsafe.Pointer(&data[0])
	}
	C.xcb_change_property(b.conn, C.XCB_PROP_MODE_REPLACE, w, prop, typ, 8, C.uint32_t(len(data)), p)
}

// incrKey names a transfer in pieces: the pasting window and its property.
type incrKey struct {
	w    C.xcb_window_t
	prop C.xcb_atom_t
}

// transfer is data going in pieces (ICCCM's INCR): each time the pasting
// app deletes the property, the next piece goes in; an empty piece ends it.
type transfer struct {
	typ     C.xcb_atom_t
	data    []byte
	sent    int
	started time.Time
}

func (b *owner) startTransfer(w C.xcb_window_t, prop, typ C.xcb_atom_t, data []byte) {
	for k, t := range b.incr { // a pasting app that stopped reading
		if time.Since(t.started) > time.Minute {
			delete(b.incr, k)
		}
	}
	C.ac_watch(b.conn, w, C.XCB_EVENT_MASK_PROPERTY_CHANGE)
	size := C.uint32_t(len(data))
	C.xcb_change_property(b.conn, C.XCB_PROP_MODE_REPLACE, w, prop, b.atoms["INCR"], 32, 1, unsafe.Pointer(&size))
	b.incr[incrKey{w, prop}] = &transfer{typ: typ, data: data, started: time.Now()}
}

func (b *owner) nextChunk(w C.xcb_window_t, prop C.xcb_atom_t) {
	k := incrKey{w, prop}
	t := b.incr[k]
	if t == nil {
		return
	}
	n := min(b.chunk, len(t.data)-t.sent)
	b.setProperty(w, prop, t.typ, t.data[t.sent:t.sent+n])
	t.sent += n
	if n == 0 {
		delete(b.incr, k)
		b.unwatch(w)
	}
}

func (b *owner) dropTransfers(w C.xcb_window_t) {
	for k := range b.incr {
		if k.w == w {
			delete(b.incr, k)
		}
	}
}

// unwatch stops listening to a pasting window once no transfer to it is
// left.
func (b *owner) unwatch(w C.xcb_window_t) {
	for k := range b.incr {
		if k.w == w {
			return
		}
	}
	C.ac_watch(b.conn, w, C.XCB_EVENT_MASK_NO_EVENT)
}

// startSaving asks the clipboard manager, if one runs, to take the
// contents; it answers with a SelectionNotify once it has them.
func (b *owner) startSaving(t C.xcb_timestamp_t) {
	if !b.owned || C.ac_owner(b.conn, b.atoms["CLIPBOARD_MANAGER"]) == C.XCB_WINDOW_NONE {
		b.saved()
		return
	}
	C.xcb_convert_selection(b.conn, b.win, b.atoms["CLIPBOARD_MANAGER"], b.atoms["SAVE_TARGETS"], C.XCB_ATOM_NONE, t)
}

func (b *owner) saved() {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.saving != nil {
		close(b.saving)
		b.saving = nil
	}
}
