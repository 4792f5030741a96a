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
	"disclose/generator/num"
	"disclose/generator/present"
	"disclose/generator/rules"
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
	// Path names the place in the domain's terms, outermost first.
	Path []string `json:"path"`
	Old  string   `json:"old,omitempty"`
	New  string   `json:"new,omitempty"`
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

// Compare compares two versions.
func Compare(old, new Side) *Report {
	d := &differ{}
	d.walk([]string{"网站设置"}, reflect.ValueOf(*old.Site), reflect.ValueOf(*new.Site))
	d.departments(old, new)
	// Keep each department's and each project's changes together, in the
	// order they were found.
	slices.SortStableFunc(d.out, func(a, b Change) int {
		return cmp.Or(cmp.Compare(a.Path[0], b.Path[0]), cmp.Compare(group(a), group(b)))
	})
	r := &Report{Old: old.Label, New: new.Label, Changes: d.out}
	if r.Changes == nil {
		r.Changes = []Change{}
	}
	r.Messages = newMessages(old, new)
	return r
}

// group is the second level a change sits under ("" for the department's
// own fields), for keeping a project's changes together.
func group(c Change) string {
	if len(c.Path) > 2 && strings.HasPrefix(c.Path[1], "项目 ") {
		return c.Path[1]
	}
	return ""
}

func deptLabel(d *model.Department) string {
	return fmt.Sprintf("%d年 %s（%s）", d.Year, d.Name, d.Code)
}

func projectLabel(p *model.Project) string {
	return fmt.Sprintf("项目 %s %s", p.Code, p.Name)
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
			d.add(Change{Op: "added", Kind: "department", Path: []string{deptLabel(n.Department)},
				New: fmt.Sprintf("%s，%d 个项目，项目预算 %s万元", n.Title, len(n.Projects), present.WanFen(n.Budget))})
			continue
		}
		d.department(o, n)
	}
	for _, o := range old.Depts {
		if !seen[key(o)] {
			d.add(Change{Op: "removed", Kind: "department", Path: []string{deptLabel(o.Department)},
				Old: fmt.Sprintf("%s，%d 个项目，项目预算 %s万元", o.Title, len(o.Projects), present.WanFen(o.Budget))})
		}
	}
}

func (d *differ) department(o, n *derive.Department) {
	base := []string{deptLabel(n.Department)}
	d.walk(base, reflect.ValueOf(*o.Department), reflect.ValueOf(*n.Department))
	d.text(append(base, "总体绩效目标"), o.OverallGoal.Text, n.OverallGoal.Text)
	d.text(append(base, "工作保障措施"), o.Measures.Text, n.Measures.Text)

	olds := map[string]*derive.Project{}
	for _, p := range o.Projects {
		olds[p.Code] = p
	}
	seen := map[string]bool{}
	for _, p := range n.Projects {
		seen[p.Code] = true
		op := olds[p.Code]
		if op == nil {
			d.add(Change{Op: "added", Kind: "project", Path: append(slices.Clone(base), projectLabel(p.Project)),
				New: fmt.Sprintf("资金总额 %s万元，%d 个预算明细，%d 个绩效指标", present.Wan(p.Total), len(p.BudgetLines), len(p.Indicators))})
			continue
		}
		d.project(base, op, p)
	}
	for _, p := range o.Projects {
		if !seen[p.Code] {
			d.add(Change{Op: "removed", Kind: "project", Path: append(slices.Clone(base), projectLabel(p.Project)),
				Old: fmt.Sprintf("资金总额 %s万元，%d 个预算明细，%d 个绩效指标", present.Wan(p.Total), len(p.BudgetLines), len(p.Indicators))})
		}
	}
	d.records(base, o, n)
	d.total(base, "部门全年预算数合计（万元）", o.Budget, n.Budget)
	d.total(base, "部门支出合计（元）", o.Spent, n.Spent)
}

func (d *differ) project(base []string, o, n *derive.Project) {
	path := append(slices.Clone(base), projectLabel(n.Project))
	d.walk(path, reflect.ValueOf(*o.Project), reflect.ValueOf(*n.Project))
	d.text(append(slices.Clone(path), "项目说明"), o.Description.Text, n.Description.Text)
	switch {
	case o.Results == nil && n.Results != nil:
		d.add(Change{Op: "added", Kind: "item", Path: append(slices.Clone(path), "绩效监控与自评"), New: summarizeResults(n.Results)})
	case o.Results != nil && n.Results == nil:
		d.add(Change{Op: "removed", Kind: "item", Path: append(slices.Clone(path), "绩效监控与自评"), Old: summarizeResults(o.Results)})
	case o.Results != nil:
		d.walk(append(slices.Clone(path), "绩效监控与自评"), reflect.ValueOf(*o.Results), reflect.ValueOf(*n.Results))
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
		c := amountChange(append(slices.Clone(path), "预算明细合计（万元）"), oSum, nSum)
		c.Kind = "total"
		if nSum != n.Total.Fen {
			c.Note = fmt.Sprintf("与资金总额 %s万元 不符", present.Wan(n.Total))
		}
		d.add(c)
	}
	if o.Evaluation != nil && n.Evaluation != nil && (!sameScore(o.Evaluation.Total, n.Evaluation.Total) || o.Evaluation.Grade != n.Evaluation.Grade) {
		d.add(Change{Op: "changed", Kind: "total", Path: append(slices.Clone(path), "绩效自评总分"),
			Old: evaluationWords(o.Evaluation), New: evaluationWords(n.Evaluation)})
	}
}

// total reports a changed derived total.
func (d *differ) total(path []string, what string, o, n money.Fen) {
	if o == n {
		return
	}
	var c Change
	if strings.Contains(what, "万元") {
		c = amountChange(append(slices.Clone(path), what), o, n)
	} else {
		c = Change{Op: "changed", Path: append(slices.Clone(path), what), Old: o.Yuan(), New: n.Yuan(), Delta: signedYuan(n - o)}
	}
	c.Kind = "total"
	d.add(c)
}

func amountChange(path []string, o, n money.Fen) Change {
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
func (d *differ) text(path []string, o, n string) {
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

var (
	sourceType   = reflect.TypeFor[diag.Source]()
	amountType   = reflect.TypeFor[money.Amount]()
	decimalType  = reflect.TypeFor[num.Decimal]()
	dateType     = reflect.TypeFor[model.Date]()
	operatorType = reflect.TypeFor[model.Operator]()
)

// scalar formats a leaf value; ok is false for structs and lists.
func scalar(v reflect.Value) (string, bool) {
	switch v.Type() {
	case amountType:
		return present.Wan(v.Interface().(money.Amount)), true
	case decimalType:
		return v.Interface().(num.Decimal).String(), true
	case dateType:
		return v.Interface().(model.Date).String(), true
	case operatorType:
		return v.Interface().(model.Operator).Raw, true
	}
	switch v.Kind() {
	case reflect.String:
		return v.String(), true
	case reflect.Bool:
		if v.Bool() {
			return "是", true
		}
		return "否", true
	case reflect.Int:
		return fmt.Sprint(v.Int()), true
	}
	return "", false
}

// equal compares leaf values by meaning: 30 and 30.00 are the same percent.
func equal(a, b reflect.Value) bool {
	switch a.Type() {
	case amountType:
		return a.Interface().(money.Amount).Fen == b.Interface().(money.Amount).Fen
	case decimalType:
		x, y := a.Interface().(num.Decimal), b.Interface().(num.Decimal)
		return x.Valid() == y.Valid() && (!x.Valid() || x.Cmp(y) == 0)
	case operatorType:
		return a.Interface().(model.Operator).Raw == b.Interface().(model.Operator).Raw
	}
	sa, _ := scalar(a)
	sb, _ := scalar(b)
	return sa == sb
}

// walk compares two values of a content type field by field, lists item by
// item (matched by their identity key), reporting each changed leaf once.
func (d *differ) walk(path []string, a, b reflect.Value) {
	t := a.Type()
	if t == sourceType {
		return
	}
	if t.Kind() == reflect.Pointer {
		switch {
		case a.IsNil() && b.IsNil():
		case a.IsNil():
			d.add(Change{Op: "added", Kind: "value", Path: path, New: summary(b.Elem())})
		case b.IsNil():
			d.add(Change{Op: "removed", Kind: "value", Path: path, Old: summary(a.Elem())})
		default:
			d.walk(path, a.Elem(), b.Elem())
		}
		return
	}
	if s, ok := scalar(a); ok {
		if equal(a, b) {
			return
		}
		n, _ := scalar(b)
		if t == amountType {
			c := amountChange(path, a.Interface().(money.Amount).Fen, b.Interface().(money.Amount).Fen)
			c.Old, c.New = s, n
			d.add(c)
			return
		}
		d.text(path, s, n)
		return
	}
	switch t.Kind() {
	case reflect.Struct:
		for _, k := range model.Keys(t) {
			d.walk(append(slices.Clone(path), label(k)), a.FieldByIndex(k.Index), b.FieldByIndex(k.Index))
		}
	case reflect.Slice:
		d.list(path, a, b)
	case reflect.Map:
		keys := map[string]bool{}
		for _, k := range a.MapKeys() {
			keys[k.String()] = true
		}
		for _, k := range b.MapKeys() {
			keys[k.String()] = true
		}
		for _, k := range slices.Sorted(mapKeys(keys)) {
			av, bv := a.MapIndex(reflect.ValueOf(k)), b.MapIndex(reflect.ValueOf(k))
			p := append(slices.Clone(path), k)
			switch {
			case !av.IsValid():
				d.add(Change{Op: "added", Kind: "value", Path: p, New: bv.String()})
			case !bv.IsValid():
				d.add(Change{Op: "removed", Kind: "value", Path: p, Old: av.String()})
			case av.String() != bv.String():
				d.add(Change{Op: "changed", Kind: "value", Path: p, Old: av.String(), New: bv.String()})
			}
		}
	}
}

func mapKeys(m map[string]bool) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

func label(k model.Key) string {
	if k.Title != "" {
		return k.Title
	}
	return k.Name
}

// identity returns the identity key of a list item type, if it has one.
func identity(t reflect.Type) (model.Key, bool) {
	if t.Kind() != reflect.Struct {
		return model.Key{}, false
	}
	for _, k := range model.Keys(t) {
		if k.Identity {
			return k, true
		}
	}
	return model.Key{}, false
}

// list compares two lists: items with an identity are matched by it; plain
// strings are matched by a line diff; others by position.
func (d *differ) list(path []string, a, b reflect.Value) {
	et := a.Type().Elem()
	if id, ok := identity(et); ok {
		keyOf := func(v reflect.Value) string {
			s, _ := scalar(v.FieldByIndex(id.Index))
			return rules.Normalize(s)
		}
		olds := map[string]reflect.Value{}
		for i := range a.Len() {
			olds[keyOf(a.Index(i))] = a.Index(i)
		}
		seen := map[string]bool{}
		for i := range b.Len() {
			nv := b.Index(i)
			k := keyOf(nv)
			seen[k] = true
			p := append(slices.Clone(path[:len(path)-1]), path[len(path)-1]+"“"+k+"”")
			if ov, ok := olds[k]; ok {
				d.walk(p, ov, nv)
			} else {
				d.add(Change{Op: "added", Kind: "item", Path: p, New: summary(nv)})
			}
		}
		for i := range a.Len() {
			ov := a.Index(i)
			if k := keyOf(ov); !seen[k] {
				p := append(slices.Clone(path[:len(path)-1]), path[len(path)-1]+"“"+k+"”")
				d.add(Change{Op: "removed", Kind: "item", Path: p, Old: summary(ov)})
			}
		}
		return
	}
	if et.Kind() == reflect.String {
		var x, y []string
		for i := range a.Len() {
			x = append(x, a.Index(i).String())
		}
		for i := range b.Len() {
			y = append(y, b.Index(i).String())
		}
		for _, e := range lines(x, y) {
			p := append(slices.Clone(path[:len(path)-1]), fmt.Sprintf("%s 第%d项", path[len(path)-1], e.index+1))
			if e.op == '-' {
				d.add(Change{Op: "removed", Kind: "item", Path: p, Old: e.text})
			} else {
				d.add(Change{Op: "added", Kind: "item", Path: p, New: e.text})
			}
		}
		return
	}
	for i := range max(a.Len(), b.Len()) {
		p := append(slices.Clone(path[:len(path)-1]), fmt.Sprintf("%s 第%d项", path[len(path)-1], i+1))
		switch {
		case i >= a.Len():
			d.add(Change{Op: "added", Kind: "item", Path: p, New: summary(b.Index(i))})
		case i >= b.Len():
			d.add(Change{Op: "removed", Kind: "item", Path: p, Old: summary(a.Index(i))})
		default:
			d.walk(p, a.Index(i), b.Index(i))
		}
	}
}

type lineEdit struct {
	op    byte
	index int // in the new list for +, the old for -
	text  string
}

// lines diffs two lists of strings (LCS by dynamic programming; lists here
// are short: the sub-targets of a department).
func lines(x, y []string) []lineEdit {
	n, m := len(x), len(y)
	lcs := make([][]int, n+1)
	for i := range lcs {
		lcs[i] = make([]int, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if x[i] == y[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var out []lineEdit
	i, j := 0, 0
	for i < n || j < m {
		switch {
		case i < n && j < m && x[i] == y[j]:
			i, j = i+1, j+1
		case j < m && (i == n || lcs[i][j+1] >= lcs[i+1][j]):
			out = append(out, lineEdit{'+', j, y[j]})
			j++
		default:
			out = append(out, lineEdit{'-', i, x[i]})
			i++
		}
	}
	return out
}

// summary writes an added or removed item in a line: its fields with their
// names.
func summary(v reflect.Value) string {
	if s, ok := scalar(v); ok {
		return s
	}
	if v.Kind() != reflect.Struct {
		return ""
	}
	var parts []string
	for _, k := range model.Keys(v.Type()) {
		f := v.FieldByIndex(k.Index)
		if s, ok := scalar(f); ok && s != "" {
			parts = append(parts, label(k)+" "+s)
		}
	}
	return strings.Join(parts, "，")
}

func summarizeResults(r *model.Results) string {
	s := fmt.Sprintf("%d 次监控", len(r.Monitoring))
	if r.Evaluation != nil {
		s += fmt.Sprintf("，自评 %d 个指标", len(r.Evaluation.Indicators))
	}
	return s
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
