// Command disclose turns a folder of budget performance disclosures
// (预算绩效公开) written as YAML, Markdown and CSV into a checked model, and
// (in later stages) a static website and PDF reports.
//
// Usage:
//
//	disclose init   [--empty [--year Y]] [DIR]
//	disclose build  [--content DIR] [--out DIR] [--templates DIR] [--cache DIR] [--pdf=false] [--clean] [--no-wait|--lock-timeout D]
//	disclose serve  [--addr 127.0.0.1:8080] [--content DIR] [--out DIR] [--templates DIR]
//	disclose check  [--content DIR] [--strict] [--format text|json]
//	disclose diff   [--format text|markdown|json] OLD NEW
//	disclose import --year Y --department CODE [--out DIR] FILE...
//	disclose export --xlsx FILE --department YEAR/CODE
//	disclose schema [--out DIR]
//	disclose gen-corpus --departments N --projects M --records R --seed S --out DIR
//	disclose version
package main

import (
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/pprof"

	"disclose/generator/console"
)

const usage = `disclose — 预算绩效信息公开生成器

用法：
  disclose init   [--empty [--year Y]] [DIR]
        在 DIR（默认当前目录）中写入示例内容 content 和 schema，之后在该目录运行 disclose serve 预览。
        --empty 改为写入一个带中文注释的空白部门（--year 年度，默认今年）。
  disclose build  [--content DIR] [--out DIR] [--templates DIR] [--cache DIR] [--pdf=false] [--clean]
        检查内容并生成网站和 PDF 报告（默认 public/）；有错误时不改动输出目录。
        增量构建：只重新生成内容有变化的部门，其余文件原样保留（--clean 全部重新生成）。
        同一输出目录一次只有一个构建：另一个构建（或 serve）正在写入时等待它，--no-wait 则立即失败。
  disclose serve  [--addr 127.0.0.1:8080] [--content DIR] [--out DIR] [--templates DIR]
        生成并在本机预览网站；内容或模板改动后自动重新生成并刷新页面，出错时页面上显示错误。
  disclose check  [--content DIR] [--strict] [--format text|json]
        检查内容目录（默认 content/），列出错误和警告；有错误时退出码为 1。
  disclose diff   [--format text|markdown|json] 旧版本 新版本
        按业务含义比较两个版本（内容目录或 Git 修订版本）：增删的部门和项目、金额及差额、
        指标、计划、支出记录、文字的逐字差异、新出现的检查消息。无变化退出码 0，有变化 1，出错 2。
  disclose import --year 2021 --department 编码 [--name 名称] [--out content] 文件.xlsx|文件.csv ...
        从公开表式的 Excel 工作簿或 CSV 导入绩效目标、自评、监控和支出记录，写入内容目录并检查。
  disclose export --xlsx 文件.xlsx --department 2021/编码 [--content content]
        把一个部门写成公开表式的工作簿（导入它会得到同样的内容）。
  disclose schema [--out DIR]
        写出 YAML 文件的 JSON Schema（默认 schema/），供编辑器补全和提示。
  disclose gen-corpus --departments N --projects M --records R [--seed S] --out DIR
        生成确定的合成内容，用于性能测试。
  disclose version
        显示版本。
`

// version is set at build time with -ldflags "-X main.version=…".
var version = "dev"

func main() {
	// A build holds a few departments at a time (about 150 MB at province
	// scale), so the collector can let the heap grow four times before it
	// runs: a fifth less CPU for the build. GOGC still overrides.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	// With very large departments the 400% would let the heap reach
	// gigabytes: past 1 GiB the collector runs as often as it must to stay
	// there. GOMEMLIMIT still overrides.
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(1 << 30)
	}
	// On a Chinese Windows console (code page 936) messages are written in
	// GBK; files stay UTF-8.
	stdout, stderr := console.Streams()
	// DISCLOSE_CPUPROFILE=FILE writes a CPU profile, for performance work.
	if f := os.Getenv("DISCLOSE_CPUPROFILE"); f != "" {
		if out, err := os.Create(f); err == nil {
			if err := pprof.StartCPUProfile(out); err == nil {
				code := run(os.Args[1:], stdout, stderr)
				pprof.StopCPUProfile()
				out.Close()
				os.Exit(code)
			}
		}
	}
	// DISCLOSE_MEMPROFILE=FILE writes an allocation profile at the end.
	if f := os.Getenv("DISCLOSE_MEMPROFILE"); f != "" {
		runtime.MemProfileRate = 64 << 10
		code := run(os.Args[1:], stdout, stderr)
		if out, err := os.Create(f); err == nil {
			_ = pprof.Lookup("allocs").WriteTo(out, 0)
			out.Close()
		}
		os.Exit(code)
	}
	os.Exit(run(os.Args[1:], stdout, stderr))
}

// run executes one command and returns the exit status: 0 success, 1 the
// content has errors, 2 the command line or the environment is wrong.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	switch args[0] {
	case "init":
		return cmdInit(args[1:], stdout, stderr)
	case "check":
		return cmdCheck(args[1:], stdout, stderr)
	case "build":
		return cmdBuild(args[1:], stdout, stderr)
	case "import":
		return cmdImport(args[1:], stdout, stderr)
	case "export":
		return cmdExport(args[1:], stdout, stderr)
	case "diff":
		return cmdDiff(args[1:], stdout, stderr)
	case "serve":
		return cmdServe(args[1:], stdout, stderr)
	case "schema":
		return cmdSchema(args[1:], stdout, stderr)
	case "gen-corpus":
		return cmdGenCorpus(args[1:], stdout, stderr)
	case "version", "--version":
		fmt.Fprintln(stdout, "disclose", version)
		return 0
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return 0
	}
	fmt.Fprintf(stderr, "disclose: 未知的命令 %q\n\n%s", args[0], usage)
	return 2
}
