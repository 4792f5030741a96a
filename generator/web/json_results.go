package web

import (
	"encoding/json"

	"disclose/generator/derive"
	"disclose/generator/model"
	"disclose/generator/score"
)

// executionJSON is the budget-execution line of the self-evaluation.
type executionJSON struct {
	Adjusted json.Number `json:"adjusted_yuan"`
	Executed json.Number `json:"executed_yuan"`
	Formula  string      `json:"formula"`
	Initial  json.Number `json:"initial_yuan"`
	Rate     numNull     `json:"rate_percent"`
	Score    numNull     `json:"score"`
	Weight   numNull     `json:"weight"`
}

// evalIndicatorJSON is one indicator's row of the self-evaluation: the
// weight that counts, the computed score with its formula, and the score
// the form printed.
type evalIndicatorJSON struct {
	Achievement         string        `json:"achievement"`
	Actual              string        `json:"actual"`
	Category            string        `json:"category"`
	Completion          numNull       `json:"completion_percent"`
	Deviation           string        `json:"deviation"`
	Differs             bool          `json:"differs"`
	Direction           string        `json:"direction"`
	Formula             string        `json:"formula"`
	Kind                string        `json:"kind"`
	Level1              string        `json:"level1"`
	Level2              string        `json:"level2"`
	Met                 bool          `json:"met"`
	Name                string        `json:"name"`
	NotApplicable       bool          `json:"not_applicable"`
	NotApplicableReason string        `json:"not_applicable_reason"`
	Parts               []partResJSON `json:"parts"`
	Problem             string        `json:"problem"`
	PublishedScore      numNull       `json:"published_score"`
	Score               numNull       `json:"score"`
	Share               numNull       `json:"share_percent"`
	Weight              numNull       `json:"weight"`
}

// partResJSON is the actual value of a 其中 row.
type partResJSON struct {
	Actual string `json:"actual"`
	Name   string `json:"name"`
}

// groupJSON is a 一级 subtotal, computed and as printed.
type groupJSON struct {
	Differs         bool    `json:"differs"`
	Name            string  `json:"name"`
	PublishedName   string  `json:"published_name"`
	PublishedScore  numNull `json:"published_score"`
	PublishedWeight numNull `json:"published_weight"`
	Score           numNull `json:"score"`
	Weight          numNull `json:"weight"`
}

// publishedJSON are the figures the form printed, as printed.
type publishedJSON struct {
	ExecutionRate  numNull        `json:"execution_rate_percent"`
	ExecutionScore numNull        `json:"execution_score"`
	Grade          string         `json:"grade"`
	Subtotals      []subtotalJSON `json:"subtotals"`
	Total          numNull        `json:"total"`
}

type subtotalJSON struct {
	Name   string  `json:"name"`
	Score  numNull `json:"score"`
	Weight numNull `json:"weight"`
}

// findingJSON is a printed figure the rules do not give (自评得分复核).
type findingJSON struct {
	Computed  string      `json:"computed"`
	Formula   string      `json:"formula"`
	Item      string      `json:"item"`
	Kind      findingKind `json:"kind"`
	Published string      `json:"published"`
}

type evaluationJSON struct {
	Complete      bool                `json:"complete"`
	Conclusion    string              `json:"conclusion"`
	Deviation     string              `json:"deviation"`
	Execution     executionJSON       `json:"execution"`
	Explanation   string              `json:"explanation"`
	Findings      []findingJSON       `json:"findings"`
	Grade         string              `json:"grade"`
	Groups        []groupJSON         `json:"groups"`
	Indicators    []evalIndicatorJSON `json:"indicators"`
	Missing       []string            `json:"missing"`
	Problems      string              `json:"problems"`
	Published     *publishedJSON      `json:"published"`
	Remedies      string              `json:"remedies"`
	Rescaled      bool                `json:"rescaled"`
	ScoreSum      numNull             `json:"score_sum"`
	Summary       string              `json:"summary"`
	Total         numNull             `json:"total"`
	WeightCounted numNull             `json:"weight_counted"`
	WeightFull    numNull             `json:"weight_full"`
}

func evaluationDoc(e *derive.Evaluation) *evaluationJSON {
	ev := e.Evaluation
	doc := &evaluationJSON{
		Execution: executionJSON{Initial: yuanJSON(e.Initial), Adjusted: yuanJSON(e.Adjusted), Executed: yuanJSON(e.Executed),
			Rate: rateNull(e.ExecutionRate), Weight: pointsNull(e.ExecutionWeight), Score: scoreNull(e.ExecutionScore), Formula: e.ExecutionFormula},
		ScoreSum: scoreNull(e.Sum), WeightCounted: pointsNull(e.Weight), WeightFull: pointsNull(e.Full),
		Total: scoreNull(e.Total), Rescaled: e.Rescaled, Complete: e.Complete, Missing: nonNil(e.Missing), Grade: e.Grade,
		Explanation: ev.Explanation, Summary: ev.Summary, Deviation: ev.Deviation, Conclusion: ev.Conclusion,
		Problems: ev.Problems, Remedies: ev.Remedies,
		Indicators: []evalIndicatorJSON{}, Groups: []groupJSON{}, Findings: []findingJSON{},
	}
	for i := range e.Indicators {
		is := &e.Indicators[i]
		row := evalIndicatorJSON{Name: is.Name, Level1: is.Level1, Level2: is.Level2, Category: is.Category,
			Direction: string(is.Direction()), Kind: kindWord(score.KindOf(is.Indicator)), Weight: pointsNull(is.Weight),
			Score: scoreNull(is.Score), PublishedScore: decNull(is.Published), Differs: is.Differs, NotApplicable: is.NotApplicable,
			Formula: is.Outcome.Formula, Problem: is.Outcome.Problem, Met: is.Outcome.Met, Completion: rateNull(is.Outcome.Completion),
			Parts: []partResJSON{}}
		if r := is.Result; r != nil {
			row.Actual, row.Achievement, row.Share, row.Deviation = r.Actual, r.Achievement, decNull(r.Share), r.Deviation
			row.NotApplicableReason = r.NotApplicable
			for _, pr := range r.Parts {
				row.Parts = append(row.Parts, partResJSON{Name: pr.Name, Actual: pr.Actual})
			}
		}
		doc.Indicators = append(doc.Indicators, row)
	}
	for _, g := range e.Groups {
		gj := groupJSON{Name: g.Name, Weight: pointsNull(g.Weight), Score: scoreNull(g.Score), Differs: g.Differs}
		if st := g.Published; st != nil {
			gj.PublishedName, gj.PublishedWeight, gj.PublishedScore = st.Name, decNull(st.Weight), decNull(st.Score)
		}
		doc.Groups = append(doc.Groups, gj)
	}
	if p := ev.Published; p != nil {
		pj := &publishedJSON{ExecutionRate: decNull(p.ExecutionRate), ExecutionScore: decNull(p.ExecutionScore),
			Total: decNull(p.Total), Grade: p.Grade, Subtotals: []subtotalJSON{}}
		for _, st := range p.Subtotals {
			pj.Subtotals = append(pj.Subtotals, subtotalJSON{Name: st.Name, Weight: decNull(st.Weight), Score: decNull(st.Score)})
		}
		doc.Published = pj
	}
	for _, f := range e.Findings {
		doc.Findings = append(doc.Findings, findingJSON{Kind: findingKind(f.Kind), Item: f.Item, Published: f.Published,
			Computed: f.Computed, Formula: f.Formula})
	}
	return doc
}

// monitoringJSON is one in-year monitoring (绩效运行监控) of a project.
type monitoringJSON struct {
	Behind             bool          `json:"behind"`
	Cause              string        `json:"cause"`
	Date               string        `json:"date"`
	Deviation          numNull       `json:"deviation_points"`
	ExecutedPublished  string        `json:"executed_published"`
	ExecutedSource     string        `json:"executed_source"`
	Executed           json.Number   `json:"executed_yuan"`
	ExecutionRate      numNull       `json:"execution_rate_percent"`
	Indicators         []outlookJSON `json:"indicators"`
	Label              string        `json:"label"`
	Planned            numNull       `json:"planned_percent"`
	Progress           numNull       `json:"progress_percent"`
	ProjectedPublished string        `json:"projected_published"`
	Projected          numNull       `json:"projected_yuan"`
	Remedy             string        `json:"remedy"`
	Status             string        `json:"status"`
}

// outlookJSON is an indicator's monitoring answer: as written, and what it
// means in the standard wording (确定能, 有可能, 不可能).
type outlookJSON struct {
	Actual          string `json:"actual"`
	Cause           string `json:"cause"`
	Direction       string `json:"direction"`
	Name            string `json:"name"`
	Outlook         string `json:"outlook"`
	OutlookStandard string `json:"outlook_standard"`
	Progress        string `json:"progress"`
	Remedy          string `json:"remedy"`
}

func monitoringDoc(m *derive.Monitoring) monitoringJSON {
	doc := monitoringJSON{Date: m.Date.String(), Label: m.Label, Executed: yuanJSON(m.Spent), ExecutedPublished: published(m.Snapshot.Executed),
		ExecutedSource: snapshotSource(m), Projected: amountNull(m.Projected), ProjectedPublished: published(m.Projected),
		ExecutionRate: rateNull(m.ExecutionRate), Progress: rateNull(m.Progress), Status: m.Status.Word(),
		Planned: rateNull(m.Planned), Deviation: rateNull(m.Deviation), Behind: m.Behind, Cause: m.Cause, Remedy: m.Remedy,
		Indicators: []outlookJSON{}}
	for _, o := range m.Outlooks {
		doc.Indicators = append(doc.Indicators, outlookJSON{Name: o.Name, Direction: outlookDirection(o), Outlook: o.Outlook.Outlook,
			OutlookStandard: model.KindOfOutlook(o.Outlook.Outlook).Word(), Actual: o.Actual, Progress: o.Outlook.Progress, Cause: o.Outlook.Cause,
			Remedy: o.Outlook.Remedy})
	}
	return doc
}
