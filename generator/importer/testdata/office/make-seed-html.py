#!/usr/bin/env python3
"""Lays the seed disclosure (shared/seed/000_*.txt) out as an HTML document
with real tables, for LibreOffice to convert to .docx (see README.md here).

Added to the seed's text, as content/ adds them (department.yaml, the
project's budget_lines): the project's 资金总额 row and its 预算明细 rows
(from its 资金用途 text), and a signature (发布机构, 发布日期).
"""
import html, sys

src = open(sys.argv[1], encoding="utf-8").read().split("\n")
out = ['<!DOCTYPE html><html><head><meta charset="utf-8"><title>2021年部门整体绩效目标</title></head><body>']
e = html.escape

def rows_of(lines):
    rows, cur = [], []
    for l in lines:
        if l.startswith("\t"):
            cur.append(l[1:])
        elif cur:
            rows.append(cur)
            cur = []
    if cur:
        rows.append(cur)
    return rows

def indicator_table(rows, width=8):
    """The indicator table: header over two rows, 指标值 over three
    columns, 一级指标 merged down over the rows of its group."""
    h = ['<table border="1">']
    head = rows[0]
    h.append("<tr>" + "".join(
        f'<td colspan="3">{e(c)}</td>' if c == "指标值" else f'<td rowspan="2">{e(c)}</td>' for c in head) + "</tr>")
    h.append("<tr>" + "".join(f"<td>{e(c)}</td>" for c in rows[1][4:7]) + "</tr>")
    data = rows[2:]
    spans = []
    for i, r in enumerate(data):
        if r[0].strip(" \u3000"):
            spans.append([i, 1])
        else:
            spans[-1][1] += 1
    start = {i: n for i, n in spans}
    for i, r in enumerate(data):
        cells = []
        for j, c in enumerate(r):
            if j == 0:
                if i in start:
                    cells.append(f'<td rowspan="{start[i]}">{e(c)}</td>')
                continue
            cells.append(f"<td>{e(c)}</td>")
        h.append("<tr>" + "".join(cells) + "</tr>")
    return h

def cells(r, width=8):
    out = [f"<td>{e(c)}</td>" for c in r[:-1]]
    out.append(f'<td colspan="{width - len(r) + 1}">{e(r[-1])}</td>')
    return "<tr>" + "".join(out) + "</tr>"

i = 0
while i < len(src):
    line = src[i]
    if line.startswith("\t"):
        j = i
        while j < len(src) and (src[j].startswith("\t") or src[j] == ""):
            j += 1
        rows = rows_of(src[i:j])
        if rows[0][0] == "一级指标":
            out += indicator_table(rows)
            out.append("</table>")
        else:
            # The project's table: header block, then its indicators.
            k = next(n for n, r in enumerate(rows) if r[0] == "一级指标")
            block, ind = rows[:k], rows[k:]
            out.append('<table border="1">')
            n = 0
            while n < len(block):
                r = block[n]
                if r[0] in ("资金支出计划（累计进度%）", "绩效目标"):
                    m = 1
                    while n + m < len(block) and block[n + m][0] == "":
                        m += 1
                    out.append(f'<tr><td rowspan="{m}">{e(r[0])}</td>' + cells(r[1:], 7)[4:])
                    for q in range(1, m):
                        out.append(cells(block[n + q][1:], 7))
                    n += m
                    continue
                out.append(cells(r))
                if r[0] == "资金用途":
                    out.append(cells(["资金总额（万元）", "21"]))
                    out.append(cells(["其中：一般公共预算", "21"]))
                    out.append(cells(["预算明细", "金额（万元）"]))
                    for name, amt in (("项目推进模块软件升级", "16"), ("软件维护", "4"), ("全区考核工作经费", "1")):
                        out.append(cells([name, amt]))
                n += 1
            out += indicator_table(ind)[1:]
            out.append("</table>")
        i = j
        continue
    s = line.strip()
    if s:
        tag = "h1" if s.startswith("第") and "部分" in s else "p"
        if s in ("2021年部门整体绩效目标",):
            tag = "h1"
        if s in ("总体绩效目标", "分项绩效目标", "四、工作保障措施", "专项资金绩效目标", "预算项目绩效目标", "督查考核专项经费"):
            tag = "h2"
        out.append(f"<{tag}>{e(s)}</{tag}>")
    i += 1
out.append('<p style="text-align:right">承德高新技术产业开发区督查考核办公室</p>')
out.append('<p style="text-align:right">2021年3月1日</p>')
out.append("</body></html>")
print("\n".join(out))
