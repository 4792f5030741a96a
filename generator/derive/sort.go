package derive

import "disclose/generator/model"

// sortByDate orders records by date, then file and line (model.SortRecords).
func sortByDate(rs []*model.Record) { model.SortRecords(rs) }
