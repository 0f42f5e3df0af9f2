//go:build darwin && cgo && !ci

package clipboard

// NSPasteboard holds every type of one item at once, copied into the
// system, so it outlives the app. Not built or run here (no macOS SDK on
// the Linux machines): checked only on a Mac.

/*
#cgo CFLAGS: -x objective-c
#cgo LDFLAGS: -framework AppKit
#import <AppKit/AppKit.h>

// acWrite puts one item on the general pasteboard with each type given
// (a NULL or empty one is left out), the richest first: PNG, TIFF (made
// from the PNG, for older apps), SVG, plain text. 0 when it worked.
static int acWrite(const void *png, long pngLen, const void *svg, long svgLen, const void *text, long textLen) {
	@autoreleasepool {
		NSPasteboardItem *item = [[[NSPasteboardItem alloc] init] autorelease];
		if (pngLen > 0) {
			NSData *data = [NSData dataWithBytes:png length:pngLen];
			[item setData:data forType:@"public.png"];
			NSBitmapImageRep *rep = [NSBitmapImageRep imageRepWithData:data];
			NSData *tiff = [rep TIFFRepresentation];
			if (tiff != nil) {
				[item setData:tiff forType:@"public.tiff"];
			}
		}
		if (svgLen > 0) {
			[item setData:[NSData dataWithBytes:svg length:svgLen] forType:@"public.svg-image"];
		}
		if (textLen > 0) {
			NSString *s = [[[NSString alloc] initWithBytes:text length:textLen encoding:NSUTF8StringEncoding] autorelease];
			[item setString:s forType:@"public.utf8-plain-text"];
		}
		NSPasteboard *pb = [NSPasteboard generalPasteboard];
		[pb clearContents];
		return [pb writeObjects:@[item]] ? 0 : 1;
	}
}
*/
import "C"

import (
	"errors"
	"time"
	"unsafe"
)

// Write replaces the general pasteboard's contents with one item of every
// type the content has.
func Write(c Content) error {
	if C.acWrite(ptr(c.PNG), C.long(len(c.PNG)), ptr(c.SVG), C.long(len(c.SVG)), ptr([]byte(c.Text)), C.long(len(c.Text))) != 0 {
		return errors.New("the pasteboard did not take the contents (NSPasteboard writeObjects)")
	}
	return nil
}

// Keep has nothing to do on macOS: the system holds the contents.
func Keep(time.Duration) {}

// ptr is the address of a slice's bytes (nil when empty) for the call; C
// copies them before it returns.
func ptr(b []byte) unsafe.Pointer {
	if len(b) == 0 {
		return nil
	}
	return unsafe.Pointer(&b[0])
}
