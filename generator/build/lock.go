package build

import (
	"context"
	"errors"
	"fmt"
	"io"

	"disclose/generator/publish"
)

// Lock takes the output's lock: a build already writing the same output
// is waited for (said once on log), unless c.NoWait, for at most
// c.LockTimeout; ctx ending stops the wait too.
func Lock(ctx context.Context, c Config, log io.Writer, command string) (*publish.OutputLock, error) {
	// Before the lock: its file goes beside the output, which must not be
	// in the content folder.
	if err := checkOutput(c.Content, c.Out); err != nil {
		return nil, err
	}
	cancel := func() {}
	switch {
	case c.NoWait:
		ctx, cancel = context.WithCancel(ctx)
		cancel() // done already: one try
	case c.LockTimeout > 0:
		ctx, cancel = context.WithTimeout(ctx, c.LockTimeout)
	}
	defer cancel()
	lock, err := publish.Lock(ctx, c.Out, func(holder string) {
		if holder != "" {
			holder = "（进程 " + holder + "）"
		}
		fmt.Fprintf(log, "disclose %s: 另一个构建正在写入 %s%s，等待…\n", command, c.Out, holder)
	})
	if errors.Is(err, publish.ErrBusy) {
		if c.NoWait {
			return nil, fmt.Errorf("%w；未等待（--no-wait）", err)
		}
		return nil, fmt.Errorf("%w；已等待 %v", err, c.LockTimeout)
	}
	return lock, err
}
