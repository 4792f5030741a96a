package present

// Notices of illustrative content (示例数据), on the pages and in the PDFs.
const (
	// IllustrativeYearNote is an illustrative year's notice when its
	// department.yaml gives none.
	IllustrativeYearNote = "本年度的内容为示例数据，不是公开的内容。"
	// IllustrativeFooter is the footer of a PDF page that shows made-up
	// figures of a published year: its targets are real, its spending,
	// monitoring or self-evaluation are not.
	IllustrativeFooter = "示例数据：本页的执行数、监控或自评结果含为演示而编写的数字，不是真实数据。"
	// IllustrativeYearFooter is the footer of every PDF page of a wholly
	// illustrative year (`illustrative: true`): its targets and budgets are
	// made up too.
	IllustrativeYearFooter = "示例数据：本年度的全部内容（绩效目标、预算、执行数和结果）为演示而编写，不是公开的内容。"
)
