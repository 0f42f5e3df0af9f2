// A stand-in for a desktop's clipboard manager (freedesktop.org
// ClipboardManager), for TestX11KeepToClipboardManager: it owns
// CLIPBOARD_MANAGER and, asked for SAVE_TARGETS, saves the clipboard the
// way GNOME's manager does — TARGETS, then every target at once with
// MULTIPLE, each possibly in pieces (INCR) — into OUTDIR/<target> ('/'
// and ';' as '_'), answers, and exits.
//   gcc -o clipboard-manager clipboard-manager.c -lxcb; ./clipboard-manager OUTDIR
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xcb/xcb.h>

static xcb_connection_t *c;
static xcb_window_t w;

static xcb_atom_t atom(const char *name) {
	xcb_intern_atom_reply_t *r = xcb_intern_atom_reply(c, xcb_intern_atom(c, 0, strlen(name), name), NULL);
	xcb_atom_t a = r->atom;
	free(r);
	return a;
}

static void atom_name(xcb_atom_t a, char *out, size_t size) {
	xcb_get_atom_name_reply_t *r = xcb_get_atom_name_reply(c, xcb_get_atom_name(c, a), NULL);
	snprintf(out, size, "%.*s", xcb_get_atom_name_name_length(r), xcb_get_atom_name_name(r));
	free(r);
}

// next waits for an event of a type; others are dropped.
static xcb_generic_event_t *next(int type) {
	for (;;) {
		xcb_generic_event_t *e = xcb_wait_for_event(c);
		if (!e) exit(2);
		if ((e->response_type & 0x7f) == type) return e;
		free(e);
	}
}

// take reads and deletes a property of the window.
static xcb_get_property_reply_t *take(xcb_atom_t prop) {
	return xcb_get_property_reply(c, xcb_get_property(c, 1, w, prop, XCB_GET_PROPERTY_TYPE_ANY, 0, 0x1fffffff), NULL);
}

// convert asks the owner of CLIPBOARD for a target into a property; 0 when refused.
static int convert(xcb_atom_t target, xcb_atom_t prop) {
	xcb_convert_selection(c, w, atom("CLIPBOARD"), target, prop, XCB_CURRENT_TIME);
	xcb_flush(c);
	xcb_selection_notify_event_t *n = (xcb_selection_notify_event_t *)next(XCB_SELECTION_NOTIFY);
	int ok = n->property != XCB_ATOM_NONE;
	free(n);
	return ok;
}

// save writes a property's value, read in pieces when it is INCR.
static void save(const char *dir, xcb_atom_t target, xcb_atom_t prop) {
	char name[256], path[512];
	atom_name(target, name, sizeof name);
	xcb_get_property_reply_t *r = take(prop);
	size_t len = 0;
	unsigned char *data = NULL;
	if (r->type == atom("INCR")) {
		free(r);
		xcb_flush(c); // the delete starts the transfer
		for (;;) {
			xcb_property_notify_event_t *p = (xcb_property_notify_event_t *)next(XCB_PROPERTY_NOTIFY);
			int fresh = p->atom == prop && p->state == XCB_PROPERTY_NEW_VALUE;
			free(p);
			if (!fresh) continue;
			r = take(prop);
			int n = xcb_get_property_value_length(r);
			xcb_flush(c);
			if (n == 0) break;
			data = realloc(data, len + n);
			memcpy(data + len, xcb_get_property_value(r), n);
			len += n;
			free(r);
		}
	} else {
		len = xcb_get_property_value_length(r);
		data = malloc(len + 1);
		memcpy(data, xcb_get_property_value(r), len);
	}
	free(r);
	for (char *x = name; *x; x++) if (*x == '/' || *x == ';') *x = '_';
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *f = fopen(path, "wb");
	fwrite(data, 1, len, f);
	fclose(f);
	free(data);
	printf("saved %s: %zu bytes\n", name, len);
}

int main(int argc, char **argv) {
	if (argc != 2) return 2;
	c = xcb_connect(NULL, NULL);
	if (xcb_connection_has_error(c)) return 2;
	xcb_screen_t *s = xcb_setup_roots_iterator(xcb_get_setup(c)).data;
	w = xcb_generate_id(c);
	uint32_t mask = XCB_EVENT_MASK_PROPERTY_CHANGE;
	xcb_create_window(c, 0, w, s->root, 0, 0, 1, 1, 0, XCB_WINDOW_CLASS_INPUT_ONLY, 0, XCB_CW_EVENT_MASK, &mask);
	xcb_set_selection_owner(c, w, atom("CLIPBOARD_MANAGER"), XCB_CURRENT_TIME);
	free(xcb_get_input_focus_reply(c, xcb_get_input_focus(c), NULL));
	printf("ready\n");
	fflush(stdout);

	xcb_selection_request_event_t *q = (xcb_selection_request_event_t *)next(XCB_SELECTION_REQUEST);
	xcb_atom_t multiple = atom("AC_TEST_MULTIPLE"), skip[] = {atom("TARGETS"), atom("TIMESTAMP"), atom("MULTIPLE"), atom("SAVE_TARGETS")};
	if (!convert(atom("TARGETS"), multiple)) return 3;
	xcb_get_property_reply_t *r = take(multiple);
	xcb_atom_t *targets = (xcb_atom_t *)xcb_get_property_value(r);
	int n = xcb_get_property_value_length(r) / 4, pairs = 0;
	xcb_atom_t *list = calloc(2 * n, sizeof *list);
	for (int i = 0; i < n; i++) {
		int keep = 1;
		for (int k = 0; k < 4; k++) keep = keep && targets[i] != skip[k];
		if (!keep) continue;
		char prop[32];
		snprintf(prop, sizeof prop, "AC_TEST_%d", pairs);
		list[2 * pairs] = targets[i];
		list[2 * pairs + 1] = atom(prop);
		pairs++;
	}
	free(r);
	xcb_change_property(c, XCB_PROP_MODE_REPLACE, w, multiple, atom("ATOM_PAIR"), 32, 2 * pairs, list);
	if (!convert(atom("MULTIPLE"), multiple)) return 4;
	r = take(multiple); // the pairs back: None where a target failed
	xcb_atom_t *back = (xcb_atom_t *)xcb_get_property_value(r);
	for (int i = 0; i < pairs; i++) {
		if (back[2 * i + 1] != XCB_ATOM_NONE) save(argv[1], list[2 * i], list[2 * i + 1]);
	}
	free(r);

	char buf[32] = {0}; // send_event copies 32 bytes
	xcb_selection_notify_event_t *ev = (xcb_selection_notify_event_t *)buf;
	ev->response_type = XCB_SELECTION_NOTIFY;
	ev->time = q->time;
	ev->requestor = q->requestor;
	ev->selection = q->selection;
	ev->target = q->target;
	ev->property = q->property;
	xcb_send_event(c, 0, q->requestor, 0, buf);
	// A round trip before leaving: a client that disconnects at once may
	// have its last requests dropped, this event with them.
	free(xcb_get_input_focus_reply(c, xcb_get_input_focus(c), NULL));
	printf("answered\n");
	return 0;
}
