package site

import (
	"bytes"
	"strings"
	"testing"
)

// TestTeamsPage checks teams.html against the numbers of teams.txtar:
// inside sales handles 888 SALs a month and needs 7.4 of its 5 people;
// field sales 88.75 deals a month, 11.09 of its 12.
func TestTeamsPage(t *testing.T) {
	files := generate(t, teamsTxtar)
	pageHas(t, files, "teams.html",
		`<section class="team team-over" id="team-inside_sales">`,
		`<h2><a href="team.inside_sales.html">inside_sales</a></h2>`,
		`<li><a href="funnel.demand.sal.html">sal</a> <span class="num">10,656</span></li>`,
		`<dt>Headcount</dt><dd class="num">5</dd>`,
		`<dt>Capacity</dt><dd><span class="num">120 SALs/month</span> per person</dd>`,
		`<dt>Load</dt><dd><span class="num">888 SALs/month</span></dd>`,
		`<dt>Required</dt><dd><span class="num">7.4</span> people</dd>`,
		`<strong class="num over">148%</strong>`,
		`<strong>Over capacity:</strong> needs 7.4 people; has 5: 2.4 short.`,
		`aria-label="inside_sales: 148% utilised, 7.4 people needed of 5"`,
		// The bar runs to 148%: 100% at 400 / 1.48 = 270, the rest in red.
		`<rect class="load" x="0" y="0" width="270" height="20"/>`,
		`<rect class="excess" x="270" y="0" width="130" height="20"/>`,

		`<section class="team" id="team-field_sales">`,
		`<dt>Load</dt><dd><span class="num">88.75 deals/month</span></dd>`,
		`<dt>Required</dt><dd><span class="num">11.09</span> people</dd>`,
		`<strong class="num">92.45%</strong>`,
		`Within capacity: needs 11.09 people; has 12: 0.91 to spare.`,
		`per month of the period 2027-04 .. 2028-03`,
	)
	if bytes.Contains(files["teams.html"], []byte(`id="team-field_sales" class="team team-over"`)) {
		t.Error("field_sales is marked over capacity")
	}
	// The nav has the page on every page.
	for _, name := range pageNames(files) {
		if !bytes.Contains(files[name], []byte(`<li><a href="teams.html"`)) {
			t.Errorf("%s has no nav item for teams.html", name)
		}
	}
}

// TestTeamOnStages: the funnel's tables, the waterfall and the stage
// pages name the team that works each stage, linked to teams.html.
func TestTeamOnStages(t *testing.T) {
	files := generate(t, teamsTxtar)
	pageHas(t, files, "funnel.demand.html",
		`<td class="col-owner"><a class="team-link" href="teams.html#team-inside_sales">team inside_sales</a></td>`,
		`<td class="col-owner"><a class="team-link" href="teams.html#team-field_sales">team field_sales</a><br><span class="tag">handoff</span></td>`,
		// With no owner, the team's name is the owner: a handoff.
		`handoff: inside_sales → field_sales`)
	pageHas(t, files, "index.html", `<a class="team-link" href="teams.html#team-field_sales">team field_sales</a>`)
	pageHas(t, files, "funnel.demand.sal.html", `<dt>Team</dt><dd><a href="teams.html#team-inside_sales">inside_sales</a></dd>`)
	pageHas(t, files, "funnel.demand.won.html",
		`<dt>Team</dt><dd><a href="teams.html#team-field_sales">field_sales</a></dd>`,
		`<dt>Handoff</dt><dd>inside_sales → field_sales</dd>`)
}

// TestTeamValues: a team's values have sections on its page, which the
// values that use them link to.
func TestTeamValues(t *testing.T) {
	files := generate(t, teamsTxtar)
	pageHas(t, files, "team.inside_sales.html",
		`<p class="kind">Team</p>`,
		`<a href="teams.html#team-inside_sales">148%: needs 7.4 people; has 5: 2.4 short</a>`,
		`<dt>Works</dt><dd><a href="funnel.demand.sal.html">demand / sal</a></dd>`,
		`<section class="var" id="v-headcount">`, `<section class="var" id="v-capacity">`,
		`<section class="var" id="v-load">`, `<section class="var" id="v-required">`,
		`<h2>inside_sales people required</h2>`, `<dd class="num big">888 SALs/month</dd>`,
		`<a href="team.inside_sales.html#v-load">inside_sales load</a>`)
	pageHas(t, files, "funnel.demand.sal.html", `<a href="team.inside_sales.html#v-load">inside_sales load</a>`)
	// The load's equation links the stage it counts (links come from the
	// equation, not from its words: "(funnel.demand.sal.volume)" had none).
	pageHas(t, files, "team.inside_sales.html",
		`= <a href="funnel.demand.sal.html#v-volume">funnel.demand.sal.volume</a> / 12 months</code>`)
}

// TestNoTeamsNoPage: a plan without teams has neither the page nor its
// nav item.
func TestNoTeamsNoPage(t *testing.T) {
	files := generate(t, worked)
	if _, ok := files["teams.html"]; ok {
		t.Error("the worked example has no team but a teams.html")
	}
	if bytes.Contains(files["index.html"], []byte(`href="teams.html"`)) {
		t.Error("the worked example links to teams.html")
	}
}

// TestTeamsKeepCountLabel: a capacity written with a count label
// ("40件/人月", "月40件") shows that label for the team's capacity and
// load, not what the team's stages count (商談, 社): see
// testdata/solve/japanese_input.txtar. The plan is Japanese: a count a
// month is written as Japanese does, 月40件.
func TestTeamsKeepCountLabel(t *testing.T) {
	files := generate(t, "../testdata/solve/japanese_input.txtar")
	pageHas(t, files, "teams.html",
		`<dt>処理能力</dt><dd>1人あたり<span class="num">月40件</span></dd>`,
		`<dt>負荷</dt><dd><span class="num">月8.33件</span></dd>`,
		`<dt>負荷</dt><dd><span class="num">月3.33件</span></dd>`)
	pageHas(t, files, "team.field_sales.html", `<dd class="num big">月3.33件</dd>`)
}

// TestOwnerIsTeam: where a stage's owner is its team's title (fy2027-ja's
// SAL, owned by インサイドセールス and worked by the team of that name),
// the table names it once, as the link to the team.
func TestOwnerIsTeam(t *testing.T) {
	files := generate(t, "../../examples/fy2027-ja")
	link := `<a class="team-link" href="teams.html#team-inside_sales" title="チーム: インサイドセールス">インサイドセールス</a>`
	pageHas(t, files, "index.html", `<td class="col-owner">`+link+`</td>`)
	if page := string(files["index.html"]); strings.Contains(page, "インサイドセールス<br>") {
		t.Error("the owner is written twice, as text and as its team")
	}
}
