package views

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"
)

// One instance per workspace: the first to start holds a lock file in the
// workspace folder, naming its process. A second instance finds it, sees
// that the process is alive, and either hands its files to the first
// (workspace_inbox.go) or opens read-only. A lock whose process is gone
// (a crash, kill -9) is stale: the next start takes it over, and says the
// last session did not close.

const lockFile = "lock"

// lockHeartbeat is how often the holder touches its lock; a lock not
// touched for staleAfter is stale, wherever its process runs (a storage
// folder shared by two machines, where the process cannot be checked).
const (
	lockHeartbeat = 30 * time.Second
	staleAfter    = 3 * time.Minute
)

// lockInfo is what the lock file says.
type lockInfo struct {
	PID     int       `json:"pid"`
	Started uint64    `json:"started,omitempty"` // the process's start as the system counts it; 0 unknown
	Token   string    `json:"token"`             // this process's, so two workspaces of one process tell each other apart from a reused PID
	Host    string    `json:"host"`
	Since   time.Time `json:"since"`
}

// processToken tells this process from an earlier one with the same PID.
var processToken = func() string {
	b := make([]byte, 8)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}()

func thisProcess() lockInfo {
	host, _ := os.Hostname()
	return lockInfo{PID: os.Getpid(), Started: processStart(os.Getpid()), Token: processToken, Host: host, Since: time.Now()}
}

// alive says whether the instance that wrote the lock still runs.
func (l lockInfo) alive(modified time.Time) bool {
	me := thisProcess()
	switch {
	case l.Host != me.Host:
		return time.Since(modified) < staleAfter
	case l.PID == me.PID:
		return l.Token == me.Token // this process (another window, a test); else an earlier boot's
	case l.Started != 0 && processStart(l.PID) != l.Started:
		return false // the PID now belongs to another process
	}
	return processAlive(l.PID)
}

// instanceLock is a lock this process holds.
type instanceLock struct {
	path string
	info lockInfo
	stop chan struct{} // closed by halt: the heartbeat and the inbox stop
	once sync.Once
}

// halt stops the lock's goroutines.
func (l *instanceLock) halt() { l.once.Do(func() { close(l.stop) }) }

// errLockHeld: another instance has the workspace.
var errLockHeld = errors.New("the workspace is open in another Auto Cities")

// acquireLock takes the workspace's lock. When another live instance has
// it: errLockHeld and that instance's info. stale reports a lock of a
// process that is gone, taken over: the last session did not close. A
// folder where no lock can be made (read-only) gives the error of making
// it.
func acquireLock(dir string) (l *instanceLock, holder lockInfo, stale bool, err error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, lockInfo{}, false, err
	}
	path := filepath.Join(dir, lockFile)
	me := thisProcess()
	for attempt := 0; attempt < 3; attempt++ {
		f, err := os.OpenFile(path, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o644)
		if err == nil {
			err = writeLock(f, me)
			if err != nil {
				os.Remove(path)
				return nil, lockInfo{}, stale, err
			}
			return &instanceLock{path: path, info: me, stop: make(chan struct{})}, lockInfo{}, stale, nil
		}
		if !errors.Is(err, fs.ErrExist) {
			return nil, lockInfo{}, stale, err
		}
		other, state := readLock(path)
		switch state {
		case lockLive:
			return nil, other, false, errLockHeld
		case lockGone: // released between the two looks
			continue
		}
		// Stale, or written half by a crash: move it away (one of two
		// instances starting at once wins the rename) and try again.
		stale = true
		aside := path + ".stale-" + processToken
		if os.Rename(path, aside) == nil {
			os.Remove(aside)
		}
	}
	return nil, lockInfo{}, stale, errLockHeld
}

func writeLock(f *os.File, me lockInfo) error {
	b, _ := json.Marshal(me)
	_, err := f.Write(b)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// What a lock file is found to be.
const (
	lockGone  = iota // no lock file
	lockLive         // a live instance's
	lockStale        // a gone process's, or not a lock
)

// readLock reads a lock and says whether it is live.
func readLock(path string) (lockInfo, int) {
	var l lockInfo
	st, err := os.Stat(path)
	if err != nil {
		return l, lockGone
	}
	b, err := os.ReadFile(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return l, lockGone
	case err != nil || json.Unmarshal(b, &l) != nil || l.PID <= 0 || !l.alive(st.ModTime()):
		return l, lockStale
	}
	return l, lockLive
}

// heartbeat touches the lock until release, so that another machine
// sharing the folder can tell a live lock from a stale one.
func (l *instanceLock) heartbeat() {
	t := time.NewTicker(lockHeartbeat)
	defer t.Stop()
	for {
		select {
		case <-l.stop:
			return
		case now := <-t.C:
			_ = os.Chtimes(l.path, now, now)
		}
	}
}

// release removes the lock, if it is still this process's.
func (l *instanceLock) release() {
	if l == nil {
		return
	}
	l.halt()
	if other, _ := readLock(l.path); other.Token == l.info.Token && other.PID == l.info.PID {
		os.Remove(l.path)
	}
}

// holderText describes the instance holding a lock: "process 1234, since
// 10:02".
func (l lockInfo) holderText() string {
	s := T("ui.ws_holder", l.PID, l.Since.Local().Format("15:04"))
	if h, _ := os.Hostname(); l.Host != "" && !strings.EqualFold(l.Host, h) {
		s = T("ui.ws_holder_host", l.PID, l.Host, l.Since.Local().Format("15:04"))
	}
	return s
}
