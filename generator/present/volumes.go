package present

import (
	"fmt"

	"disclose/generator/model"
)

// DefaultAnnualVolume is how many departments one volume (册) of a year's
// combined report holds at most. A province of a thousand departments
// would otherwise make one book of thousands of pages, which a reader
// cannot open on a phone and a rebuild would write whole for one edit;
// in volumes a rebuild writes again only the volume that changed.
const DefaultAnnualVolume = 100

// AnnualVolume is the most departments in a volume, as site.yaml says.
func AnnualVolume(site *model.Site) int {
	if site.PDF.AnnualVolume != nil && *site.PDF.AnnualVolume > 0 {
		return *site.PDF.AnnualVolume
	}
	return DefaultAnnualVolume
}

// Volume is one volume of a year's combined report: departments From up
// to (not including) To, in the site's order; Number counts from 1, Of is
// how many volumes the year has.
type Volume struct {
	Number, Of, From, To int
}

// Volumes splits a year's n departments into volumes of at most per
// departments, as even as they can be (101 departments are two volumes
// of 51 and 50, not 100 and 1), so that no volume is a stub.
func Volumes(n, per int) []Volume {
	if n == 0 {
		return nil
	}
	of := (n + per - 1) / per
	vs := make([]Volume, of)
	from := 0
	for i := range vs {
		size := n / of
		if i < n%of {
			size++
		}
		vs[i] = Volume{Number: i + 1, Of: of, From: from, To: from + size}
		from += size
	}
	return vs
}

// Report is the volume's file: the year's one combined report,
// 2021/report-2021.pdf, when it is the only volume, else
// 2021/report-2021-3.pdf for the third.
func (v Volume) Report(year int) string {
	if v.Of == 1 {
		return YearReport(year)
	}
	return fmt.Sprintf("%d/report-%d-%d.pdf", year, year, v.Number)
}
