package compiler

// Accessors for emitters that rebuild the solver's work elsewhere, such as
// the spreadsheet of package workbook, which writes each solved value as
// the formula of the equation it was solved from.

// Part is one channel of an apportionment (a RoleApportion equation):
// its leads and, when its share gives them, its share. A part with
// neither a share nor Rest has leads of its own (given, or bought by a
// budget), which the others split what is left of.
type Part struct {
	Leads, Share *Var
	// Rest marks the channel that fills what the shares leave.
	Rest bool
}

// Parts returns the channels a RoleApportion equation splits its V, the
// leads into a stage, among, in the plan's order (the order ties go
// by); nil for any other equation.
func (eq *Eq) Parts() []Part {
	if eq.Role != RoleApportion {
		return nil
	}
	out := make([]Part, len(eq.parts))
	for i, p := range eq.parts {
		out[i] = Part{Leads: p.leads, Share: p.share, Rest: p.rest}
	}
	return out
}
