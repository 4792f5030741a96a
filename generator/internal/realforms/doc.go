// Package realforms holds the acceptance tests on real published
// self-evaluation forms (绩效自评表 01–07 of the shared corpus), written in
// the content format under testdata/content: what check still reports about
// each form, and the printed scores that derive finds wrong.
package realforms
