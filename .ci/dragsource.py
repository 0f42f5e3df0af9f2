#!/usr/bin/python3
# Copied from ../shared/tools/dragsource.py (a clone of the repository has no ../shared); used by .ci/drop.
"""A small window offering files for drag and drop (text/uri-list), as a file manager does.

    dragsource.py FILE...

It shows a 120x60 button at the screen's top-left corner; .ci/drop drags it onto the app.
Prints "ready" once shown and "drag-end" when a drag finishes. Needs python3-gi and
gir1.2-gtk-3.0 (Debian's system Python, /usr/bin/python3)."""
import pathlib
import sys

import gi

gi.require_version("Gtk", "3.0")
from gi.repository import Gdk, Gtk  # noqa: E402

uris = [pathlib.Path(p).resolve().as_uri() for p in sys.argv[1:]]
win = Gtk.Window(title="drag-source")
win.move(0, 0)
btn = Gtk.Button(label="drag me")
btn.set_size_request(120, 60)
btn.drag_source_set(Gdk.ModifierType.BUTTON1_MASK, [], Gdk.DragAction.COPY)
btn.drag_source_add_uri_targets()
btn.connect("drag-data-get", lambda w, ctx, data, info, t: data.set_uris(uris))
btn.connect("drag-end", lambda *a: print("drag-end", flush=True))
win.add(btn)
win.connect("destroy", Gtk.main_quit)
win.show_all()
print("ready", flush=True)
Gtk.main()
