package importer

import (
	"errors"
	"fmt"
	"strings"
)

// Msg is something the importer tells people — why a source is shown, why
// a cell was skipped, how a table was read — as a code and its values. The
// views put it into words in the UI's language: the code is a key of the
// translation tables (assets/translations), whose text takes the values in
// order. A value is text, a number or another Msg.
type Msg struct {
	Code string
	Args []any
}

// M makes a message.
func M(code string, args ...any) Msg { return Msg{Code: code, Args: args} }

// String is the code and its values, for logs and tests; people read the
// words the views make of it.
func (m Msg) String() string {
	if len(m.Args) == 0 {
		return m.Code
	}
	parts := make([]string, len(m.Args))
	for i, a := range m.Args {
		parts[i] = fmt.Sprint(a)
	}
	return m.Code + "(" + strings.Join(parts, ", ") + ")"
}

// msgError is an error that carries its message, so that the report can
// show it in the UI's language.
type msgError struct{ m Msg }

func (e msgError) Error() string { return Say(e.m) }

func msgErr(code string, args ...any) error { return msgError{M(code, args...)} }

// msgOf is an error's message: its own, or its text.
func msgOf(err error) Msg {
	var me msgError
	if errors.As(err, &me) {
		return me.m
	}
	return M("text", err.Error())
}
