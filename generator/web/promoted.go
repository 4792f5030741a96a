package web

import "disclose/generator/derive"

// text/template finds a field of the view itself by a scan of its fields,
// but a field promoted from an embedded struct by reflect's breadth-first
// search, which costs ten times more (maps, for every lookup): a province's
// 5,000 project pages read a dozen such fields each. The views therefore
// carry copies of the fields the default templates read; the embedded
// structs still give every other field to a site's own templates.

// promoteDept sets v's copies of its department's fields.
func promoteDept(v *DeptView, d *derive.Department) {
	v.Name, v.Title, v.Year, v.Through = d.Name, d.Title, d.Year, d.Through
}

// promoteProject sets pv's copies of its project's fields.
func promoteProject(pv *ProjectView, p *derive.Project) {
	pv.Name, pv.Code, pv.Template, pv.Purpose, pv.Origin = p.Name, p.Code, p.Template, p.Purpose, p.Origin
	pv.Total, pv.Funds, pv.BudgetLines, pv.Plan, pv.Targets = p.Total, p.Funds, p.BudgetLines, p.Plan, p.Targets
	pv.ExecutionRate, pv.Evaluation, pv.Monitoring = p.ExecutionRate, p.Evaluation, p.Monitoring
}
