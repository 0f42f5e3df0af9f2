//go:build !windows && (ci || !cgo || !(linux || freebsd || darwin))

package clipboard

import (
	"fmt"
	"time"
)

// Write fails: this build has no clipboard (the ci tag's headless test
// driver, or a build without cgo, where X11 and AppKit cannot be called).
func Write(Content) error {
	return fmt.Errorf("%w: this build of Auto Cities has none (built without cgo or with the ci tag)", ErrUnavailable)
}

// Keep has nothing to hand on.
func Keep(time.Duration) {}
