package semdiff

import (
	"reflect"

	"disclose/generator/derive"
	"disclose/generator/model"
)

// A report can be made part by part, so that disclose diff holds one
// department of each version at a time, not two whole provinces:
// Settings, then Departments for each pair that may differ, then
// Assemble. The result is Compare's.

// Settings lists what changed in site.yaml (网站设置).
func Settings(old, new *model.Site) []Change {
	d := &differ{}
	d.walk(sitePath, reflect.ValueOf(*old), reflect.ValueOf(*new))
	return d.out
}

// Departments lists what changed in one department (部门); o is nil when
// it was added, n when it was removed.
func Departments(o, n *derive.Department) []Change {
	var old, new Side
	if o != nil {
		old.Depts = []*derive.Department{o}
	}
	if n != nil {
		new.Depts = []*derive.Department{n}
	}
	d := &differ{}
	d.departments(old, new)
	return d.out
}

// Assemble makes the report from the changes Settings and Departments
// found, in the site's order, and the check messages of both versions
// (old and new without Depts; their Diags may leave out departments whose
// files are the same in both, whose messages are then the same too).
func Assemble(old, new Side, changes []Change) *Report {
	inOrder(changes)
	r := &Report{Old: old.Label, New: new.Label, Changes: changes}
	if r.Changes == nil {
		r.Changes = []Change{}
	}
	r.Messages = newMessages(old, new)
	return r
}
