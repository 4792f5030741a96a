// Package semdiff compares two versions of a content folder in the
// domain's terms: departments and projects added or removed, amounts with
// both values and the difference, indicator targets, plan checkpoints,
// spending records and the totals they move, prose as a character-level
// diff, and the check messages a change introduces. Reviewers read it
// instead of a YAML diff; the website's 修订记录 is made from it.
package semdiff

import (
	"cmp"
	"fmt"
	"math/big"
	"reflect"
	"slices"
	"strings"

	"disclose/generator/derive"
	"disclose/generator/diag"
	"disclose/generator/model"
	"disclose/generator/money"
	"disclose/generator/present"
)

// Side is one version: the loaded site, its derived figures and its check
// messages. Root is its content folder, to name files relative to it.
type Side struct {
	Label string
	Root  string
	Site  *model.Site
	Depts []*derive.Department
	Diags []diag.Diagnostic
}

// Change is one difference.
type Change struct {
	// Op is "added", "removed" or "changed".
	Op string `json:"op"`
	// Kind says what changed: department, project, item, amount, value,
	// text, record or total.
	Kind string `json:"kind"`
	// Path is the place in the domain's terms, outermost first: keys for
	// deciding, labels for readers (and for JSON).
	Path Path   `json:"path"`
	Old  string `json:"old,omitempty"`
	New  string `json:"new,omitempty"`
	// Delta is new − old for amounts, signed with ASCII + and - (JSON is
	// read by programs); text for people writes the minus as −.
	Delta string `json:"delta,omitempty"`
	Note  string `json:"note,omitempty"` // what the change means, e.g. a sum that no longer holds
	// Text is the character-level diff of prose.
	Text []Segment `json:"text,omitempty"`
}

// Report is the difference between two versions.
type Report struct {
	Old      string    `json:"old"`
	New      string    `json:"new"`
	Changes  []Change  `json:"changes"`
	Messages []Message `json:"new_messages"`
}

// Message is a check message the new version has and the old had not.
type Message struct {
	Severity string `json:"severity"`
	File     string `json:"file"`
	Line     int    `json:"line,omitempty"`
	Code     string `json:"code"`
	Text     string `json:"message"`
}

// Empty reports whether nothing changed.
func (r *Report) Empty() bool { return len(r.Changes) == 0 && len(r.Messages) == 0 }

// longText is the length from which a changed text is shown as a
// character diff rather than as old → new.
const longText = 24

type differ struct {
	out []Change
}

func (d *differ) add(c Change) { d.out = append(d.out, c) }

// sitePath is where site.yaml's changes are (网站设置).
var sitePath = Path{{Kind: Site, Label: "网站设置"}}

// inOrder keeps each department's and each project's changes together, in
// the order they were found; departments in the order of their headings
// (the order readers scan), projects by code.
func inOrder(changes []Change) {
	slices.SortStableFunc(changes, func(a, b Change) int {
		return cmp.Or(cmp.Compare(a.Path[0].Label, b.Path[0].Label), cmp.Compare(group(a), group(b)))
	})
}

// Compare compares two versions.
func Compare(old, new Side) *Report {
	d := &differ{}
	d.walk(sitePath, reflect.ValueOf(*old.Site), reflect.ValueOf(*new.Site))
	d.departments(old, new)
	inOrder(d.out)
	r := &Report{Old: old.Label, New: new.Label, Changes: d.out}
	if r.Changes == nil {
		r.Changes = []Change{}
	}
	r.Messages = newMessages(old, new)
	return r
}

// group is the project a change sits inside ("" for the department's own
// fields and for a project added or removed whole), for keeping a
// project's changes together.
func group(c Change) string {
	if c.inProject() {
		return c.Path[1].ID
	}
	return ""
}

func deptStep(d *model.Department) Step {
	return Step{Kind: Department, ID: fmt.Sprintf("%d/%s", d.Year, d.Code), Label: fmt.Sprintf("%d年 %s（%s）", d.Year, d.Name, d.Code)}
}

func projectStep(p *model.Project) Step {
	return Step{Kind: Project, ID: p.Code, Label: fmt.Sprintf("项目 %s %s", p.Code, p.Name)}
}

func (d *differ) departments(old, new Side) {
	key := func(x *derive.Department) string { return fmt.Sprintf("%d/%s", x.Year, x.Code) }
	olds := map[string]*derive.Department{}
	for _, x := range old.Depts {
		olds[key(x)] = x
	}
	seen := map[string]bool{}
	for _, n := range new.Depts {
		seen[key(n)] = true
		o := olds[key(n)]
		if o == nil {
			d.add(Change{Op: "added", Kind: "department", Path: Path{deptStep(n.Department)},
				New: fmt.Sprintf("%s，%d 个项目，项目预算 %s万元", n.Title, len(n.Projects), present.WanFen(n.Budget))})
			continue
		}
		d.department(o, n)
	}
	for _, o := range old.Depts {
		if !seen[key(o)] {
			d.add(Change{Op: "removed", Kind: "department", Path: Path{deptStep(o.Department)},
				Old: fmt.Sprintf("%s，%d 个项目，项目预算 %s万元", o.Title, len(o.Projects), present.WanFen(o.Budget))})
		}
	}
}

func (d *differ) department(o, n *derive.Department) {
	base := Path{deptStep(n.Department)}
	d.walk(base, reflect.ValueOf(*o.Department), reflect.ValueOf(*n.Department))
	d.text(base.With(figure("overall_goal", "总体绩效目标")), o.OverallGoal.Text, n.OverallGoal.Text)
	d.text(base.With(figure("measures", "工作保障措施")), o.Measures.Text, n.Measures.Text)

	olds := map[string]*derive.Project{}
	for _, p := range o.Projects {
		olds[p.Code] = p
	}
	seen := map[string]bool{}
	for _, p := range n.Projects {
		seen[p.Code] = true
		op := olds[p.Code]
		if op == nil {
			d.add(Change{Op: "added", Kind: "project", Path: base.With(projectStep(p.Project)),
				New: fmt.Sprintf("资金总额 %s万元，%d 个预算明细，%d 个绩效指标", present.Wan(p.Total), len(p.BudgetLines), len(p.Indicators))})
			continue
		}
		d.project(base, op, p)
	}
	for _, p := range o.Projects {
		if !seen[p.Code] {
			d.add(Change{Op: "removed", Kind: "project", Path: base.With(projectStep(p.Project)),
				Old: fmt.Sprintf("资金总额 %s万元，%d 个预算明细，%d 个绩效指标", present.Wan(p.Total), len(p.BudgetLines), len(p.Indicators))})
		}
	}
	d.records(base, o, n)
	d.totalWan(base.With(figure("budget_total", "部门全年预算数合计（万元）")), o.Budget, n.Budget)
	d.totalYuan(base.With(figure("spent_total", "部门支出合计（元）")), o.Spent, n.Spent)
}

// The places in a project that semdiff names itself.
var (
	resultsStep   = figure("results", "绩效监控与自评")
	linesSumStep  = figure("budget_lines_total", "预算明细合计（万元）")
	evalTotalStep = figure("evaluation_total", "绩效自评总分")
)

func (d *differ) project(base Path, o, n *derive.Project) {
	path := base.With(projectStep(n.Project))
	d.walk(path, reflect.ValueOf(*o.Project), reflect.ValueOf(*n.Project))
	d.text(path.With(figure("description", "项目说明")), o.Description.Text, n.Description.Text)
	switch {
	case o.Results == nil && n.Results != nil:
		d.add(Change{Op: "added", Kind: "item", Path: path.With(resultsStep), New: summarizeResults(n.Results)})
	case o.Results != nil && n.Results == nil:
		d.add(Change{Op: "removed", Kind: "item", Path: path.With(resultsStep), Old: summarizeResults(o.Results)})
	case o.Results != nil:
		d.walk(path.With(resultsStep), reflect.ValueOf(*o.Results), reflect.ValueOf(*n.Results))
	}
	// Totals the change moves.
	var oSum, nSum money.Fen
	for _, l := range o.BudgetLines {
		oSum += l.Amount.Fen
	}
	for _, l := range n.BudgetLines {
		nSum += l.Amount.Fen
	}
	if oSum != nSum {
		c := amountChange(path.With(linesSumStep), oSum, nSum)
		c.Kind = "total"
		if nSum != n.Total.Fen {
			c.Note = fmt.Sprintf("与资金总额 %s万元 不符", present.Wan(n.Total))
		}
		d.add(c)
	}
	if o.Evaluation != nil && n.Evaluation != nil && (!sameScore(o.Evaluation.Total, n.Evaluation.Total) || o.Evaluation.Grade != n.Evaluation.Grade) {
		d.add(Change{Op: "changed", Kind: "total", Path: path.With(evalTotalStep),
			Old: evaluationWords(o.Evaluation), New: evaluationWords(n.Evaluation)})
	}
}

// totalWan reports a changed derived total in 万元.
func (d *differ) totalWan(at Path, o, n money.Fen) {
	if o != n {
		c := amountChange(at, o, n)
		c.Kind = "total"
		d.add(c)
	}
}

// totalYuan reports a changed derived total in 元 (spending, to the fen).
func (d *differ) totalYuan(at Path, o, n money.Fen) {
	if o != n {
		d.add(Change{Op: "changed", Kind: "total", Path: at, Old: o.Yuan(), New: n.Yuan(), Delta: signedYuan(n - o)})
	}
}

func amountChange(path Path, o, n money.Fen) Change {
	return Change{Op: "changed", Kind: "amount", Path: path, Old: present.WanFen(o), New: present.WanFen(n), Delta: signedWan(n - o)}
}

func signedWan(f money.Fen) string {
	s := f.Wan(2)
	if f >= 0 {
		return "+" + s + "万元"
	}
	return s + "万元"
}

func signedYuan(f money.Fen) string {
	s := f.Yuan()
	if f >= 0 {
		return "+" + s + " 元"
	}
	return s + " 元"
}

// text reports changed prose as a character diff (or old → new when short).
func (d *differ) text(path Path, o, n string) {
	if o == n {
		return
	}
	switch {
	case o == "":
		d.add(Change{Op: "added", Kind: "text", Path: path, New: n})
	case n == "":
		d.add(Change{Op: "removed", Kind: "text", Path: path, Old: o})
	case len([]rune(o)) < longText && len([]rune(n)) < longText:
		d.add(Change{Op: "changed", Kind: "value", Path: path, Old: o, New: n})
	default:
		d.add(Change{Op: "changed", Kind: "text", Path: path, Text: Context(Chars(o, n), 12)})
	}
}

// newMessages lists the check messages of the new version that the old
// had not (compared without line numbers, which edits move).
func newMessages(old, new Side) []Message {
	key := func(root string, m diag.Diagnostic) string {
		return fmt.Sprint(m.Severity, "|", rel(root, m.File), "|", m.Code, "|", m.Field, "|", m.Message)
	}
	had := map[string]bool{}
	for _, m := range old.Diags {
		had[key(old.Root, m)] = true
	}
	out := []Message{}
	for _, m := range new.Diags {
		if !had[key(new.Root, m)] {
			sev, _ := m.Severity.MarshalText()
			out = append(out, Message{Severity: string(sev), File: rel(new.Root, m.File), Line: m.Line, Code: m.Code, Text: m.Message})
		}
	}
	slices.SortStableFunc(out, func(a, b Message) int { return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line)) })
	return out
}

func rel(root, file string) string {
	if root == "" {
		return file
	}
	if r, ok := strings.CutPrefix(file, strings.TrimSuffix(root, "/")+"/"); ok {
		return r
	}
	return file
}

// sameScore compares two totals, either of which may be missing (an
// evaluation without every 完成值 has none).
func sameScore(a, b *big.Rat) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a.Cmp(b) == 0
}

func evaluationWords(e *derive.Evaluation) string {
	if e.Total == nil {
		return "未完成自评"
	}
	return present.Score(e.Total) + " " + e.Grade
}
