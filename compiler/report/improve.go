package report

import (
	"encoding/json"
	"fmt"
	"io"
	"math/big"

	"github.com/planc-dev/planc/compiler"
	"github.com/planc-dev/planc/compiler/display"
	"github.com/planc-dev/planc/lang/quantity"
)

// ImproveText writes planc improve's ranking: each stage and step, the
// rate it tries, and the change in spend and in leads (negative: saved).
func ImproveText(w io.Writer, r *compiler.Result, ims []compiler.Improvement) {
	money := quantity.Money(r.Info.Currency)
	rows := [][]string{{"stage", "points", "rate", "spend", "leads"}}
	for _, im := range ims {
		rate, _ := r.Value(im.Stage.Value("rate"))
		to := new(big.Rat).Add(rate.Nom, big.NewRat(int64(im.Points), 100))
		rows = append(rows, []string{im.Stage.Path.String(), fmt.Sprintf("+%d", im.Points),
			quantity.Format(rate.Nom, quantity.Ratio) + " -> " + quantity.Format(to, quantity.Ratio),
			display.Signed(im.Spend, money), display.Signed(im.Leads, quantity.Count)})
	}
	writeTable(w, rows)
}

// ImproveJSON writes {"improve": [{"stage", "points", "spend", "leads"}]}.
func ImproveJSON(w io.Writer, ims []compiler.Improvement) error {
	type row struct {
		Stage  string       `json:"stage"`
		Points int          `json:"points"`
		Spend  *json.Number `json:"spend"`
		Leads  *json.Number `json:"leads"`
	}
	doc := struct {
		Improve []row `json:"improve"`
	}{Improve: []row{}}
	for _, im := range ims {
		doc.Improve = append(doc.Improve, row{Stage: im.Stage.Path.String(), Points: im.Points, Spend: display.Number(im.Spend), Leads: display.Number(im.Leads)})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(doc)
}
