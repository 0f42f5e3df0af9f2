package importer

import (
	"context"
	"errors"
	"io"
	"os"
	"time"
)

// A file that is a stream (a named pipe, the shell's <(cat f.xlsx), a
// device) has no size and cannot be read at an offset, which a workbook
// needs: it is copied into a temporary file first, up to the size limit,
// then read as usual. A pipe no one writes to is given up after
// pipeWait, one that stops sending after pipeIdle: never a hang.
var (
	pipeWait = 10 * time.Second
	pipeIdle = 60 * time.Second
)

func importStream(ctx context.Context, path string, opts ImportOptions) (*DataSet, *FileReport, error) {
	f, err := openStream(ctx, path, pipeWait)
	if err != nil {
		return nil, nil, streamErr(path, err)
	}
	defer f.Close()
	tmp, err := os.CreateTemp("", "autocities-stream-*")
	if err != nil {
		return nil, nil, unreadable(path, err)
	}
	defer func() {
		tmp.Close()
		os.Remove(tmp.Name())
	}()
	n, err := copyStream(ctx, tmp, f, opts.limit())
	if err != nil {
		return nil, nil, streamErr(path, err)
	}
	return Import(ctx, path, tmp, n, opts)
}

// errPipeTimeout: the pipe sent nothing for too long.
var errPipeTimeout = errors.New("the pipe sent nothing")

func streamErr(path string, err error) error {
	switch {
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return err
	case errors.Is(err, errPipeTimeout), errors.Is(err, os.ErrDeadlineExceeded):
		return fileErr(path, ErrPipeSilent)
	case errors.Is(err, ErrTooLarge):
		return fileErr(path, ErrPipeTooLarge)
	}
	return unreadable(path, err)
}

// copyStream copies src into dst, up to limit bytes, giving up when src
// is silent for pipeIdle or ctx ends.
func copyStream(ctx context.Context, dst io.Writer, src *os.File, limit int64) (int64, error) {
	stop := context.AfterFunc(ctx, func() { _ = src.SetReadDeadline(time.Now()) })
	defer stop()
	buf := make([]byte, 256<<10)
	var n int64
	for {
		_ = src.SetReadDeadline(time.Now().Add(pipeIdle)) // not every stream takes one: then reads just block
		k, err := src.Read(buf)
		if k > 0 {
			if n += int64(k); n > limit {
				return n, ErrTooLarge
			}
			if _, werr := dst.Write(buf[:k]); werr != nil {
				return n, werr
			}
		}
		switch {
		case err == io.EOF:
			return n, nil
		case err != nil && ctx.Err() != nil:
			return n, ctx.Err()
		case err != nil:
			return n, err
		}
	}
}
