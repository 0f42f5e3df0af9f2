//go:build unix

package importer

import (
	"context"
	"os"
	"syscall"
	"time"
)

// openStream opens a pipe for reading. Opening a named pipe waits for a
// writer; after wait (or when ctx ends) the wait is ended by opening the
// pipe's other end once, and the pipe is reported silent.
func openStream(ctx context.Context, path string, wait time.Duration) (*os.File, error) {
	type opened struct {
		f   *os.File
		err error
	}
	ch := make(chan opened, 1)
	go func() {
		f, err := os.Open(path)
		ch <- opened{f, err}
	}()
	timer := time.NewTimer(wait)
	defer timer.Stop()
	var gaveUp error
	select {
	case o := <-ch:
		return o.f, o.err
	case <-timer.C:
		gaveUp = errPipeTimeout
	case <-ctx.Done():
		gaveUp = ctx.Err()
	}
	if fd, err := syscall.Open(path, syscall.O_WRONLY|syscall.O_NONBLOCK, 0); err == nil {
		syscall.Close(fd) // lets the open above return; it reads nothing
	}
	select {
	case o := <-ch:
		if o.f != nil {
			o.f.Close()
		}
	case <-time.After(time.Second): // still waiting: leave it, never hang here
	}
	return nil, gaveUp
}
