package importer

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path/filepath"
	"slices"
	"strings"
	"sync"
)

// Store keeps data sets in a folder: each chunk of observations in a file
// of its own, named by the SHA-256 of its bytes and written once; a data
// set's small tables (targets, events, glossary, sources, indicators,
// region levels) in another file named the same way. Data sets share
// chunks, and so do their files: saving a correction writes the one small
// chunk it made, and saving a data set already saved (an undo) writes
// nothing. A data set on disk is named by a SetRef, which the caller keeps
// (the workspace keeps them in its state file). Every file is written
// through SaveAtomicIn (temporary file, sync, rename, sync the folder),
// so a file is either whole or absent.
type Store struct {
	dir  string
	fsys FS

	mu       sync.Mutex
	chunkIDs map[*chunk]string
	chunks   map[string]*chunk
	sets     map[*DataSet]SetRef
	tables   map[string]*storedTables
}

// SetRef names a data set in a Store: its chunk files in order, the file
// of its tables, and its number of observations.
type SetRef struct {
	Chunks []string `json:"chunks"`
	Tables string   `json:"tables"`
	Count  int      `json:"count"`
}

// storedTables is a data set's small tables, as JSON.
type storedTables struct {
	Targets    []Target         `json:"targets,omitempty"`
	Events     []Event          `json:"events,omitempty"`
	Terms      []Term           `json:"terms,omitempty"`
	Sources    []Source         `json:"sources,omitempty"`
	Indicators []Indicator      `json:"indicators,omitempty"`
	Levels     map[string]Level `json:"levels,omitempty"`
	Titles     []ChartTitle     `json:"titles,omitempty"`
}

// StoreFileError is a store file that is missing or damaged.
type StoreFileError struct {
	File string
	Err  error
}

func (e *StoreFileError) Error() string { return filepath.Base(e.File) + ": " + e.Err.Error() }
func (e *StoreFileError) Unwrap() error { return e.Err }

const (
	chunkExt  = ".chunk"
	tablesExt = ".tables"
)

// NewStore keeps data sets in dir (made when first written).
func NewStore(dir string, fsys FS) *Store {
	return &Store{dir: dir, fsys: fsys, chunkIDs: map[*chunk]string{}, chunks: map[string]*chunk{},
		sets: map[*DataSet]SetRef{}, tables: map[string]*storedTables{}}
}

// Seal makes a data set ready to be shared between goroutines: nothing
// appends to its chunks any more (a change starts a new chunk). The app
// seals every data set it shows, before a background save reads it.
func (d *DataSet) Seal() { d.seal() }

// Put writes what of d is not on disk yet and returns its name. d must
// not change afterwards (the app changes data by Clone; see Seal).
func (s *Store) Put(d *DataSet) (SetRef, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if ref, ok := s.sets[d]; ok {
		return ref, nil
	}
	if err := s.fsys.MkdirAll(s.dir); err != nil {
		return SetRef{}, &SaveError{Path: filepath.Join(s.dir, "."), Op: "create", Err: err}
	}
	ref := SetRef{Count: d.Count(), Chunks: make([]string, 0, len(d.chunks))}
	for i, c := range d.chunks {
		id, err := s.putChunk(c, d.open && i == len(d.chunks)-1)
		if err != nil {
			return SetRef{}, err
		}
		ref.Chunks = append(ref.Chunks, id)
	}
	t := &storedTables{Targets: d.Targets, Events: d.Events, Terms: d.Terms, Sources: d.Sources,
		Indicators: d.Indicators, Levels: d.levels, Titles: d.Titles}
	b, err := json.Marshal(t)
	if err != nil {
		return SetRef{}, err
	}
	if ref.Tables, err = s.putFile(b, tablesExt); err != nil {
		return SetRef{}, err
	}
	s.tables[ref.Tables] = t
	s.sets[d] = ref
	return ref, nil
}

// putChunk writes a chunk unless it is on disk; an open chunk (one that
// may still grow) is not remembered by its pointer.
func (s *Store) putChunk(c *chunk, open bool) (string, error) {
	if id, ok := s.chunkIDs[c]; ok {
		return id, nil
	}
	var buf bytes.Buffer
	if err := c.writeTo(&buf); err != nil {
		return "", err
	}
	id, err := s.putFile(buf.Bytes(), chunkExt)
	if err != nil {
		return "", err
	}
	if !open {
		s.chunkIDs[c] = id
		s.chunks[id] = c
	}
	return id, nil
}

// putFile writes b as the file named by its hash, unless it is there.
func (s *Store) putFile(b []byte, ext string) (string, error) {
	sum := sha256.Sum256(b)
	id := hex.EncodeToString(sum[:16])
	path := filepath.Join(s.dir, id+ext)
	if _, err := s.fsys.Stat(path); err == nil {
		return id, nil
	}
	err := SaveAtomicIn(s.fsys, path, func(w io.Writer) error { _, err := w.Write(b); return err })
	return id, err
}

// Get reads a data set, sharing the chunks already in memory. A file
// that is missing or does not match its name is a *StoreFileError.
func (s *Store) Get(ref SetRef) (*DataSet, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	d := &DataSet{chunks: make([]*chunk, 0, len(ref.Chunks))}
	for _, id := range ref.Chunks {
		c, err := s.getChunk(id)
		if err != nil {
			return nil, err
		}
		d.chunks = append(d.chunks, c)
	}
	t, err := s.getTables(ref.Tables)
	if err != nil {
		return nil, err
	}
	d.Targets, d.Events, d.Terms = slices.Clip(t.Targets), slices.Clip(t.Events), slices.Clip(t.Terms)
	d.Sources, d.Indicators, d.levels = slices.Clip(t.Sources), slices.Clip(t.Indicators), t.Levels
	d.Titles = slices.Clip(t.Titles)
	if d.Count() != ref.Count {
		return nil, &StoreFileError{File: filepath.Join(s.dir, ref.Tables+tablesExt), Err: ErrStoreDamaged}
	}
	s.sets[d] = ref
	return d, nil
}

func (s *Store) getChunk(id string) (*chunk, error) {
	if c, ok := s.chunks[id]; ok {
		return c, nil
	}
	b, err := s.read(id, chunkExt)
	if err != nil {
		return nil, err
	}
	c, err := readChunk(b)
	if err != nil {
		return nil, &StoreFileError{File: filepath.Join(s.dir, id+chunkExt), Err: err}
	}
	s.chunks[id], s.chunkIDs[c] = c, id
	return c, nil
}

func (s *Store) getTables(id string) (*storedTables, error) {
	if t, ok := s.tables[id]; ok {
		return t, nil
	}
	b, err := s.read(id, tablesExt)
	if err != nil {
		return nil, err
	}
	t := &storedTables{}
	if err := json.Unmarshal(b, t); err != nil {
		return nil, &StoreFileError{File: filepath.Join(s.dir, id+tablesExt), Err: ErrStoreDamaged}
	}
	s.tables[id] = t
	return t, nil
}

// read reads a store file and checks it against its name.
func (s *Store) read(id, ext string) ([]byte, error) {
	path := filepath.Join(s.dir, id+ext)
	b, err := s.fsys.ReadFile(path)
	if err != nil {
		return nil, &StoreFileError{File: path, Err: err}
	}
	sum := sha256.Sum256(b)
	if hex.EncodeToString(sum[:16]) != id {
		return nil, &StoreFileError{File: path, Err: ErrStoreDamaged}
	}
	return b, nil
}

// Retain forgets the data sets, chunks and tables that none of refs
// names, so that memory holds only what the history can come back to.
func (s *Store) Retain(refs []SetRef) {
	s.mu.Lock()
	defer s.mu.Unlock()
	keep := referenced(refs)
	for c, id := range s.chunkIDs {
		if !keep[id+chunkExt] {
			delete(s.chunkIDs, c)
			delete(s.chunks, id)
		}
	}
	for id := range s.tables {
		if !keep[id+tablesExt] {
			delete(s.tables, id)
		}
	}
	for d, ref := range s.sets {
		ok := keep[ref.Tables+tablesExt]
		for _, id := range ref.Chunks {
			ok = ok && keep[id+chunkExt]
		}
		if !ok {
			delete(s.sets, d)
		}
	}
}

// Sweep removes the store's files that none of refs names, and the
// temporary files of saves cut short; it returns how many of those there
// were. Files it does not know are left alone.
func (s *Store) Sweep(refs []SetRef) (temps int, err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	entries, err := s.fsys.ReadDir(s.dir)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return 0, nil
		}
		return 0, err
	}
	keep := referenced(refs)
	removed := false
	for _, e := range entries {
		name := e.Name()
		stale := strings.HasPrefix(name, ".") && strings.HasSuffix(name, ".tmp")
		unused := (strings.HasSuffix(name, chunkExt) || strings.HasSuffix(name, tablesExt)) && !keep[name]
		if !stale && !unused || e.IsDir() {
			continue
		}
		if err := s.fsys.Remove(filepath.Join(s.dir, name)); err != nil {
			return temps, fmt.Errorf("removing %s: %w", name, err)
		}
		removed = true
		if stale {
			temps++
		}
	}
	if removed {
		return temps, s.fsys.SyncDir(s.dir)
	}
	return temps, nil
}

func referenced(refs []SetRef) map[string]bool {
	keep := map[string]bool{}
	for _, r := range refs {
		for _, id := range r.Chunks {
			keep[id+chunkExt] = true
		}
		keep[r.Tables+tablesExt] = true
	}
	return keep
}
