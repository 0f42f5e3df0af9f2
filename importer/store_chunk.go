package importer

import (
	"bufio"
	"encoding/binary"
	"errors"
	"io"
	"math"
)

// A chunk on disk: the magic, its string table (without the "" every
// chunk starts with), then its records, numbers as varints and values as
// the bits of their float64 (so NaN, "not stated", survives). The file is
// named by the SHA-256 of these bytes, which checks it when it is read.
//
//	"ACCHUNK1"
//	uvarint n, then n × (uvarint length, bytes)
//	uvarint m, then m × (7 uvarint string IDs, varint year, byte period,
//	                     3 × 8 bytes little-endian: value, yoy, edited)
const chunkMagic = "ACCHUNK1"

// ErrStoreDamaged says a file of the store is not what it should be.
var ErrStoreDamaged = errors.New("a workspace file is damaged")

func (c *chunk) writeTo(w io.Writer) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	var buf [binary.MaxVarintLen64]byte
	uv := func(v uint64) { bw.Write(buf[:binary.PutUvarint(buf[:], v)]) }
	bw.WriteString(chunkMagic)
	strs := c.strs
	if len(strs) > 0 {
		strs = strs[1:]
	}
	uv(uint64(len(strs)))
	for _, s := range strs {
		uv(uint64(len(s)))
		bw.WriteString(s)
	}
	uv(uint64(len(c.recs)))
	var f [24]byte
	for i := range c.recs {
		r := &c.recs[i]
		for _, id := range [...]uint32{r.region, r.metric, r.dim, r.source, r.note, r.qual, r.conf} {
			uv(uint64(id))
		}
		bw.Write(buf[:binary.PutVarint(buf[:], int64(r.year))])
		bw.WriteByte(byte(r.period))
		binary.LittleEndian.PutUint64(f[0:], math.Float64bits(r.value))
		binary.LittleEndian.PutUint64(f[8:], math.Float64bits(r.yoy))
		binary.LittleEndian.PutUint64(f[16:], math.Float64bits(r.edited))
		bw.Write(f[:])
	}
	return bw.Flush()
}

// readChunk decodes a chunk file's bytes; anything out of place is
// ErrStoreDamaged.
func readChunk(b []byte) (c *chunk, err error) {
	if len(b) < len(chunkMagic) || string(b[:len(chunkMagic)]) != chunkMagic {
		return nil, ErrStoreDamaged
	}
	r := &byteReader{b: b[len(chunkMagic):]}
	n := r.count(1)
	c = &chunk{strs: make([]string, 1, n+1)}
	for i := 0; i < n && r.err == nil; i++ {
		c.strs = append(c.strs, string(r.bytes(r.count(1))))
	}
	m := r.count(33) // a record takes at least 33 bytes
	c.recs = make([]obsRec, 0, m)
	for i := 0; i < m && r.err == nil; i++ {
		var rec obsRec
		for _, id := range [...]*uint32{&rec.region, &rec.metric, &rec.dim, &rec.source, &rec.note, &rec.qual, &rec.conf} {
			*id = r.id(len(c.strs))
		}
		rec.year = int16(r.varint())
		rec.period = Period(r.byte())
		rec.value, rec.yoy, rec.edited = r.float(), r.float(), r.float()
		c.recs = append(c.recs, rec)
	}
	if r.err != nil || len(r.b) != 0 {
		return nil, ErrStoreDamaged
	}
	return c, nil
}

// byteReader reads a chunk's fields, remembering the first thing wrong.
type byteReader struct {
	b   []byte
	err error
}

func (r *byteReader) uvarint() uint64 {
	v, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.err, r.b = ErrStoreDamaged, nil
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *byteReader) varint() int64 {
	v, n := binary.Varint(r.b)
	if n <= 0 {
		r.err, r.b = ErrStoreDamaged, nil
		return 0
	}
	r.b = r.b[n:]
	return v
}

// count reads a length, refusing one that the bytes left cannot hold
// (each item takes at least size bytes).
func (r *byteReader) count(size int) int {
	v := r.uvarint()
	if v > uint64(len(r.b)/size) {
		r.err, r.b = ErrStoreDamaged, nil
		return 0
	}
	return int(v)
}

func (r *byteReader) id(n int) uint32 {
	v := r.uvarint()
	if v >= uint64(n) {
		r.err, r.b = ErrStoreDamaged, nil
		return 0
	}
	return uint32(v)
}

func (r *byteReader) bytes(n int) []byte {
	if n > len(r.b) {
		r.err, r.b = ErrStoreDamaged, nil
		return nil
	}
	out := r.b[:n]
	r.b = r.b[n:]
	return out
}

func (r *byteReader) byte() byte {
	b := r.bytes(1)
	if len(b) == 0 {
		return 0
	}
	return b[0]
}

func (r *byteReader) float() float64 {
	b := r.bytes(8)
	if len(b) < 8 {
		return 0
	}
	return math.Float64frombits(binary.LittleEndian.Uint64(b))
}
