package build

import (
	"errors"
	"fmt"
	"io"

	"disclose/generator/publish"
)

// Run runs every stage and swaps the result into c.Out; on any error the
// output folder is left exactly as it was. The caller holds the output's
// lock (see Lock) until Run returns: the tidying after a killed build,
// the staging, the swap and the state all need it. Content errors and
// warnings are written to report.
func Run(lock *publish.OutputLock, c Config, report io.Writer) (Result, error) {
	if err := checkOutput(c.Content, c.Out); err != nil {
		return Result{}, err
	}
	res, err := run(lock, c, report)
	if buildAgain(err, c) {
		// A part of the state, listed but unreadable when at last needed
		// (damaged on disk, removed by hand): nothing was published, and
		// the site is built again without the state, as --clean would.
		fmt.Fprintln(report, "disclose build: 增量构建记录已损坏，改为完整构建")
		c.Clean = true
		res, err = run(lock, c, report)
	}
	return res, err
}

// buildAgain says whether an attempt that failed with err is made again
// without the state (its diagnostics are then not written).
func buildAgain(err error, c Config) bool { return errors.Is(err, errStateDamaged) && !c.Clean }

// run is one attempt at a build.
func run(lock *publish.OutputLock, c Config, report io.Writer) (Result, error) {
	b := &builder{cfg: c, opts: c.WebOptions(), report: report, lap: stopwatch(report)}
	if err := b.prepare(lock); err != nil {
		return Result{}, err
	}
	res, err := b.departments()
	b.prefetch.Wait()
	if e, w := b.diags.Count(); b.checkedAcross && e+w > 0 && !buildAgain(err, c) {
		_ = b.diags.WriteText(b.report)
	}
	if err != nil {
		b.stage.Abort()
		return res, err
	}
	return res, b.publish()
}
