package report

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"math/big"
	"time"

	"github.com/planc-dev/planc/compiler"
	"github.com/planc-dev/planc/compiler/display"
	"github.com/planc-dev/planc/lang/quantity"
)

// TrackText writes the plan against its actuals: every tracked value by
// month (plan, actual, expected from actual upstream, variance) with its
// year to date, then each funnel's bottleneck and forecast.
func TrackText(w io.Writer, r *compiler.Result) {
	tr := r.Tracking
	fmt.Fprintf(w, "actuals %q to %s: %d months over\n\n", tr.Name, tr.AsOf.Format(time.DateOnly), tr.Known)
	rows := [][]string{{"path", "month", "plan", "actual", "expected", "variance"}}
	for _, tv := range tr.Values {
		u := tv.Var.Unit
		for m := range tv.Plan {
			if tv.Actual[m] == nil {
				continue
			}
			month := r.Timeline.Periods[m].Name
			if m >= tr.Known {
				month += " (partial)"
			}
			rows = append(rows, []string{tv.Var.Path.String(), month, cell(tv.Plan[m], u), cell(tv.Actual[m], u), expectedCell(tv, m), display.Variance(tv.Actual[m], tv.Plan[m])})
		}
		rows = append(rows, []string{tv.Var.Path.String(), "year to date", cell(tv.YTDPlan, u), cell(tv.YTDActual, u), "", display.Variance(tv.YTDActual, tv.YTDPlan)})
	}
	writeTable(w, rows)
	for _, f := range tr.Funnels {
		fmt.Fprintf(w, "\nfunnel %q\n", f.Funnel.Name())
		if f.Bottleneck != nil {
			fmt.Fprintf(w, "  bottleneck: %s, its own gap %s of its plan\n", f.Bottleneck.Path, quantity.Format(f.Own[f.Bottleneck].Rel, quantity.Ratio))
		} else {
			fmt.Fprintln(w, "  bottleneck: none; no stage converts behind its plan")
		}
		if f.Forecast != nil {
			u := f.Funnel.Value("revenue").Unit
			gap := new(big.Rat).Sub(f.Forecast, f.Target)
			fmt.Fprintf(w, "  forecast:   %s of %s (%s)\n", quantity.Format(f.Forecast, u), quantity.Format(f.Target, u), display.Signed(gap, u))
		}
		catchUpText(w, r, f)
	}
}

// catchUpText writes a funnel's catch-up: the extra leads by month and by
// channel with their spend, or the rates that would close the gap.
func catchUpText(w io.Writer, r *compiler.Result, f *compiler.FunnelTracking) {
	cu := f.CatchUp
	if cu == nil || cu.Leads == nil {
		return
	}
	if len(cu.Months) == 0 {
		fmt.Fprintf(w, "  catch-up:   %s deals; new leads can no longer close in the period\n", quantity.Decimal(cu.Deals, 2, true))
		for _, s := range f.Funnel.Kids {
			if rate, ok := cu.Rates[s]; ok {
				fmt.Fprintf(w, "              or %s's rate at %s\n", s.Label(), quantity.Format(rate, quantity.Ratio))
			}
		}
		return
	}
	fmt.Fprintf(w, "  catch-up:   %s deals take %s more leads:\n", quantity.Decimal(cu.Deals, 2, true), quantity.Format(cu.Leads, quantity.Count))
	header := []string{"    channel"}
	for _, m := range cu.Months {
		header = append(header, r.Timeline.Periods[m].Name)
	}
	rows := [][]string{append(header, "total")}
	total := []string{"    leads"}
	for _, x := range cu.ByMonth {
		total = append(total, quantity.Format(x, quantity.Count))
	}
	rows = append(rows, append(total, quantity.Format(cu.Leads, quantity.Count)))
	money := quantity.Money(r.Info.Currency)
	for _, c := range cu.Channels {
		leads, spend := []string{"    " + c.Channel.Name() + " leads"}, []string{"    " + c.Channel.Name() + " spend"}
		for i := range cu.Months {
			leads, spend = append(leads, quantity.Format(c.Leads[i], quantity.Count)), append(spend, quantity.Format(c.Spend[i], money))
		}
		rows = append(rows, append(leads, quantity.Format(c.TotalLeads, quantity.Count)), append(spend, quantity.Format(c.TotalSpend, money)))
	}
	writeTable(w, rows)
	for _, b := range cu.Budgets {
		fmt.Fprintf(w, "  budget %q: %s left for the rest of the period; the catch-up spends %s of it\n", b.Budget.Name(), quantity.Format(b.Left, money), quantity.Format(b.Spend, money))
	}
}

func expectedCell(tv *compiler.Tracked, m int) string {
	if tv.Expected == nil || tv.Expected[m] == nil {
		return "-"
	}
	return cell(tv.Expected[m], tv.Var.Unit)
}

// TrackDocument is the JSON of planc track; tools may rely on it
// (../shared/design/actuals.md).
type TrackDocument struct {
	FormatVersion string                    `json:"format_version"`
	Valid         bool                      `json:"valid"`
	AsOf          string                    `json:"as_of"`
	Known         int                       `json:"months_over"`
	Values        map[string]TrackValueJSON `json:"values"`
	Funnels       map[string]FunnelJSON     `json:"funnels"`
	Diagnostics   []DiagnosticJSON          `json:"diagnostics"`
}

// TrackValueJSON is a tracked value: by month and year to date.
type TrackValueJSON struct {
	Periods display.Ordered[TrackPoint] `json:"periods"`
	YTD     TrackPoint                  `json:"ytd"`
}

// TrackPoint is a value's plan, actual, expected and variance (actual -
// plan), each a value as solve shows one; absent where there is none.
type TrackPoint struct {
	Plan     *display.JSONValue `json:"plan,omitempty"`
	Actual   *display.JSONValue `json:"actual,omitempty"`
	Expected *display.JSONValue `json:"expected,omitempty"`
	Variance *display.JSONValue `json:"variance,omitempty"`
}

// FunnelJSON is a funnel's bottleneck (a stage's path), forecast and
// catch-up.
type FunnelJSON struct {
	Bottleneck string             `json:"bottleneck,omitempty"`
	Forecast   *display.JSONValue `json:"forecast,omitempty"`
	Target     *display.JSONValue `json:"target,omitempty"`
	Gap        *display.JSONValue `json:"gap,omitempty"`
	CatchUp    *CatchUpJSON       `json:"catch_up,omitempty"`
}

// CatchUpJSON is what a funnel short of its target needs: the deals and
// the leads they take, by month (with the spend at the channels' CPAs)
// and by channel; or, when no lead can close in time, the rate of each
// stage that would close the gap alone.
type CatchUpJSON struct {
	Deals    *display.JSONValue            `json:"deals"`
	Leads    *display.JSONValue            `json:"leads"`
	Periods  catchUpMonths                 `json:"periods"`
	Channels map[string]catchUpSide        `json:"channels,omitempty"`
	Rates    map[string]*display.JSONValue `json:"rates,omitempty"`
	// Budgets are what is left of each budget that pays for the channels,
	// and the catch-up's spend in it.
	Budgets map[string]budgetLeftJSON `json:"budgets,omitempty"`
}

type budgetLeftJSON struct {
	Left  *display.JSONValue `json:"left"`
	Spend *display.JSONValue `json:"spend"`
}

type catchUpSide struct {
	Periods catchUpMonths `json:"periods"`
}

// CatchUpPoint is a month's extra leads and their spend.
type CatchUpPoint struct {
	Leads *display.JSONValue `json:"leads"`
	Spend *display.JSONValue `json:"spend,omitempty"`
}

type catchUpMonths = display.Ordered[CatchUpPoint]

// catchUpJSON is cu's JSON form.
func catchUpJSON(r *compiler.Result, cu *compiler.CatchUp) *CatchUpJSON {
	if cu == nil || cu.Leads == nil {
		return nil
	}
	money := quantity.Money(r.Info.Currency)
	out := &CatchUpJSON{Deals: numberJSON(cu.Deals, quantity.Count), Leads: numberJSON(cu.Leads, quantity.Count), Periods: catchUpMonths{}}
	for i, m := range cu.Months {
		spend := new(big.Rat)
		for _, c := range cu.Channels {
			spend.Add(spend, c.Spend[i])
		}
		p := CatchUpPoint{Leads: numberJSON(cu.ByMonth[i], quantity.Count)}
		if len(cu.Channels) > 0 {
			p.Spend = numberJSON(spend, money)
		}
		out.Periods = append(out.Periods, display.Keyed[CatchUpPoint]{Key: r.Timeline.Periods[m].Name, Value: p})
	}
	for _, c := range cu.Channels {
		if out.Channels == nil {
			out.Channels = map[string]catchUpSide{}
		}
		var ms catchUpMonths
		for i, m := range cu.Months {
			ms = append(ms, display.Keyed[CatchUpPoint]{Key: r.Timeline.Periods[m].Name, Value: CatchUpPoint{Leads: numberJSON(c.Leads[i], quantity.Count), Spend: numberJSON(c.Spend[i], money)}})
		}
		out.Channels[c.Channel.Name()] = catchUpSide{Periods: ms}
	}
	for _, b := range cu.Budgets {
		if out.Budgets == nil {
			out.Budgets = map[string]budgetLeftJSON{}
		}
		out.Budgets[b.Budget.Name()] = budgetLeftJSON{Left: numberJSON(b.Left, money), Spend: numberJSON(b.Spend, money)}
	}
	for s, rate := range cu.Rates {
		if out.Rates == nil {
			out.Rates = map[string]*display.JSONValue{}
		}
		out.Rates[s.Path.String()] = numberJSON(rate, quantity.Ratio)
	}
	return out
}

// numberJSON is x as a value shows in solve's JSON (without an origin);
// nil for nil.
func numberJSON(x *big.Rat, u quantity.Unit) *display.JSONValue {
	if x == nil {
		return nil
	}
	j := display.NewJSONValue(x, u, true, quantity.Format(x, u), "")
	return &j
}

func diff(a, b *big.Rat) *big.Rat {
	if a == nil || b == nil {
		return nil
	}
	return new(big.Rat).Sub(a, b)
}

// TrackJSON writes the plan against its actuals as one JSON object.
func TrackJSON(w io.Writer, r *compiler.Result) error {
	tr := r.Tracking
	doc := TrackDocument{FormatVersion: "1.0", AsOf: tr.AsOf.Format(time.DateOnly), Known: tr.Known,
		Values: map[string]TrackValueJSON{}, Funnels: map[string]FunnelJSON{}, Diagnostics: Diagnostics(r.Diags)}
	errs, _ := display.Count(r.Diags)
	doc.Valid = errs == 0
	for _, tv := range tr.Values {
		u := tv.Var.Unit
		var months display.Ordered[TrackPoint]
		for m := range tv.Plan {
			p := TrackPoint{Plan: numberJSON(tv.Plan[m], u), Actual: numberJSON(tv.Actual[m], u), Variance: numberJSON(diff(tv.Actual[m], tv.Plan[m]), u)}
			if tv.Expected != nil {
				p.Expected = numberJSON(tv.Expected[m], u)
			}
			months = append(months, display.Keyed[TrackPoint]{Key: r.Timeline.Periods[m].Name, Value: p})
		}
		doc.Values[tv.Var.Path.String()] = TrackValueJSON{Periods: months,
			YTD: TrackPoint{Plan: numberJSON(tv.YTDPlan, u), Actual: numberJSON(tv.YTDActual, u), Variance: numberJSON(diff(tv.YTDActual, tv.YTDPlan), u)}}
	}
	for _, f := range tr.Funnels {
		u := f.Funnel.Value("revenue").Unit
		fj := FunnelJSON{Forecast: numberJSON(f.Forecast, u), Target: numberJSON(f.Target, u), Gap: numberJSON(diff(f.Forecast, f.Target), u),
			CatchUp: catchUpJSON(r, f.CatchUp)}
		if f.Bottleneck != nil {
			fj.Bottleneck = f.Bottleneck.Path.String()
		}
		doc.Funnels[f.Funnel.Name()] = fj
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(doc)
}

// TrackCSV writes the plan against its actuals as tidy rows for a
// spreadsheet: path,period,plan,actual,expected,variance,unit, a row per
// value and month with an actual, then its year to date (period "ytd").
func TrackCSV(w io.Writer, r *compiler.Result) error {
	cw := csv.NewWriter(w)
	if err := cw.Write([]string{"path", "period", "plan", "actual", "expected", "variance", "unit"}); err != nil {
		return err
	}
	for _, tv := range r.Tracking.Values {
		unit := display.JSONOf(r, tv.Var).Unit
		for m := range tv.Plan {
			if tv.Actual[m] == nil {
				continue
			}
			var e *big.Rat
			if tv.Expected != nil {
				e = tv.Expected[m]
			}
			if err := cw.Write([]string{tv.Var.Path.String(), r.Timeline.Periods[m].Name, number(tv.Plan[m]), number(tv.Actual[m]), number(e), number(diff(tv.Actual[m], tv.Plan[m])), unit}); err != nil {
				return err
			}
		}
		if err := cw.Write([]string{tv.Var.Path.String(), "ytd", number(tv.YTDPlan), number(tv.YTDActual), "", number(diff(tv.YTDActual, tv.YTDPlan)), unit}); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
