package report

import (
	"fmt"
	"io"
	"math/big"

	"github.com/planc-dev/planc/compiler"
	"github.com/planc-dev/planc/compiler/display"
	"github.com/planc-dev/planc/lang/quantity"
)

// TornadoText writes a sensitivity analysis: each input at its low and
// high end and each output's value at both, the widest swing of the first
// output first.
func TornadoText(w io.Writer, t *compiler.Tornado) {
	fmt.Fprintf(w, "\nSensitivity %q (each input at its low and high end; outputs at low -> high)\n\n", t.Name)
	head := []string{"input", "low", "high"}
	for _, o := range t.Outputs {
		head = append(head, o.Path.String())
	}
	rows := [][]string{head}
	for _, row := range t.Rows {
		u := row.Input.Unit
		cells := []string{row.Input.Path.String(), quantity.Format(row.Low, u), quantity.Format(row.High, u)}
		for i, o := range t.Outputs {
			cells = append(cells, fmtOr(row.Outputs[i].Low, o.Unit)+" -> "+fmtOr(row.Outputs[i].High, o.Unit))
		}
		rows = append(rows, cells)
	}
	writeTable(w, rows)
}

func fmtOr(x *big.Rat, u quantity.Unit) string {
	if x == nil {
		return "?"
	}
	return quantity.Format(x, u)
}

// TornadoJSON is one input of a sensitivity analysis.
type TornadoJSON struct {
	Input   string               `json:"input"`
	Low     *display.JSONPoint   `json:"low"`
	High    *display.JSONPoint   `json:"high"`
	Outputs map[string]SwingJSON `json:"outputs"`
}

// SwingJSON is an output's value with the input at its low and high end;
// null where that plan did not solve.
type SwingJSON struct {
	Low  *display.JSONPoint `json:"low"`
	High *display.JSONPoint `json:"high"`
}

// TornadoesJSON is the plan's sensitivity analyses by name.
func TornadoesJSON(ts []*compiler.Tornado) map[string][]TornadoJSON {
	if len(ts) == 0 {
		return nil
	}
	out := map[string][]TornadoJSON{}
	for _, t := range ts {
		rows := []TornadoJSON{}
		for _, row := range t.Rows {
			j := TornadoJSON{Input: row.Input.Path.String(), Low: display.Point(row.Low), High: display.Point(row.High), Outputs: map[string]SwingJSON{}}
			for i, o := range t.Outputs {
				j.Outputs[o.Path.String()] = SwingJSON{Low: display.Point(row.Outputs[i].Low), High: display.Point(row.Outputs[i].High)}
			}
			rows = append(rows, j)
		}
		out[t.Name] = rows
	}
	return out
}
