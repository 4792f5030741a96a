// Loads every page of a built site in headless Chromium, served from
// 127.0.0.1 under a sub-path, and checks accessibility (axe-core WCAG 2.1
// A/AA plus our own rules), that nothing is requested from outside the
// site, that the Content-Security-Policy is never violated, and that every
// chart has drawn. Then, at 1280 and 390 px wide: no text of a chart is cut
// at the chart's edge (each chart drawn again with ECharts' SVG renderer,
// every text element's box tested against the chart's box), and no table
// is wider than the page unless it sits in its scroll region
// (.table-wrap, role="region", overflow-x auto). Exits 1 on any failure,
// printing each.
import { createRequire } from "node:module";
import http from "node:http";
import fs from "node:fs";
import path from "node:path";

const require = createRequire(path.join(process.env.NODE_PATH, "x.js"));
const { chromium } = require("playwright-core");
const axeSource = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

const root = path.resolve(process.argv[2] || "public");
const prefix = "/sub/path/"; // the site must work under any sub-path
const types = { ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript",
  ".json": "application/json", ".csv": "text/csv; charset=utf-8", ".xml": "application/xml", ".pdf": "application/pdf" };

const server = http.createServer((req, res) => {
  const url = new URL(req.url, "http://x");
  if (!url.pathname.startsWith(prefix)) { res.writeHead(404); res.end(); return; }
  const file = path.join(root, decodeURIComponent(url.pathname.slice(prefix.length)));
  if (!file.startsWith(root) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) { res.writeHead(404); res.end(); return; }
  res.writeHead(200, { "content-type": types[path.extname(file)] || "application/octet-stream" });
  fs.createReadStream(file).pipe(res);
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const origin = `http://127.0.0.1:${server.address().port}`;

const pages = [];
(function walk(dir) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p);
    else if (e.name.endsWith(".html")) pages.push(path.relative(root, p).split(path.sep).join("/"));
  }
})(root);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--disable-quic"],
});
const failures = [];
let charts = 0;
const concurrency = 2;
async function check(rel) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const fail = (msg) => failures.push(`${rel}: ${msg}`);
  page.on("request", (req) => {
    const u = req.url();
    if (!u.startsWith(origin + prefix) && !u.startsWith("data:")) fail(`request outside the site: ${u}`);
  });
  page.on("console", (m) => { if (/Content Security Policy|Refused to/i.test(m.text())) fail(`CSP: ${m.text()}`); });
  page.on("pageerror", (e) => fail(`script error: ${e.message}`));
  page.on("dialog", async (d) => { fail(`a script opened a dialog: ${d.message()}`); await d.dismiss(); });
  const resp = await page.goto(origin + prefix + rel, { waitUntil: "load" });
  if (!resp || (resp.status() !== 200)) fail(`status ${resp && resp.status()}`);

  const expected = await page.locator("[data-chart]").count();
  if (expected > 0) {
    await page.waitForFunction((n) => document.querySelectorAll(".chart-canvas canvas").length >= n, expected, { timeout: 15000 })
      .catch(() => fail(`only some of ${expected} charts started`));
  }
  const drawn = await page.evaluate(() => Array.from(document.querySelectorAll(".chart-canvas")).map((div) => {
    const c = div.querySelector("canvas");
    if (!c) return { id: div.id, ink: 0 };
    const d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
    let ink = 0;
    for (let i = 3; i < d.length; i += 4) if (d[i] !== 0) ink++;
    return { id: div.id, ink };
  }));
  for (const c of drawn) { charts++; if (c.ink === 0) fail(`chart ${c.id} drew nothing`); }

  const own = await page.evaluate(() => {
    const out = [];
    document.querySelectorAll("table").forEach((t, i) => {
      const cap = t.querySelector("caption");
      if (!cap || !cap.textContent.trim()) out.push(`table ${i + 1} has no caption`);
      if (!t.querySelector("th")) out.push(`table ${i + 1} (${cap ? cap.textContent.trim() : ""}) has no header cells`);
    });
    document.querySelectorAll(".chart-canvas, [data-chart-container]").forEach((c) => {
      if (c.getAttribute("role") !== "img") out.push(`chart ${c.id} lacks role="img"`);
      if (!(c.getAttribute("aria-label") || "").trim()) out.push(`chart ${c.id} has no label`);
    });
    return out;
  });
  own.forEach(fail);

  await page.evaluate(axeSource);
  const result = await page.evaluate(() => axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } }));
  for (const v of result.violations) {
    fail(`axe ${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join("; ")}`);
  }
  await context.close();
  await layout(rel, fail);
}

// layout checks what a reader sees at a desktop and a phone width. Its
// own context bypasses the CSP: the SVG renderer sets inline styles, and
// the page's own policy was checked above.
async function layout(rel, fail) {
  for (const width of [1280, 390]) {
    const context = await browser.newContext({ viewport: { width, height: 900 }, bypassCSP: true });
    const page = await context.newPage();
    await page.goto(origin + prefix + rel, { waitUntil: "load" });
    await page.waitForTimeout(50);
    const problems = await page.evaluate((width) => {
      const out = [];
      if (document.documentElement.scrollWidth > window.innerWidth + 1) {
        out.push(`at ${width}px the page scrolls sideways (${document.documentElement.scrollWidth}px wide)`);
      }
      document.querySelectorAll("table").forEach((t) => {
        const cap = (t.querySelector("caption") || {}).textContent || "";
        const box = t.parentElement.getBoundingClientRect();
        if (t.scrollWidth <= t.parentElement.clientWidth + 1 && t.getBoundingClientRect().right <= box.right + 1) return;
        const wrap = t.closest(".table-wrap");
        const ok = wrap && wrap.getAttribute("role") === "region" && /auto|scroll/.test(getComputedStyle(wrap).overflowX);
        if (!ok) out.push(`at ${width}px table "${cap.trim()}" overflows without its scroll region`);
      });
      if (typeof echarts === "undefined") return out;
      document.querySelectorAll(".chart-canvas").forEach((div) => {
        const inst = echarts.getInstanceByDom(div);
        if (!inst) return;
        const option = inst.getOption();
        inst.dispose();
        const svg = echarts.init(div, null, { renderer: "svg" });
        svg.setOption(option);
        const box = div.getBoundingClientRect();
        div.querySelectorAll("svg text").forEach((el) => {
          const r = el.getBoundingClientRect();
          if (r.width === 0 || !el.textContent.trim()) return;
          if (r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5) {
            out.push(`at ${width}px chart ${div.id}: text "${el.textContent.trim()}" is cut at the chart's edge`);
          }
        });
      });
      return out;
    }, width);
    problems.forEach(fail);
    await context.close();
  }
}
const queue = pages.slice();
await Promise.all(Array.from({ length: concurrency }, async () => {
  while (queue.length) await check(queue.shift());
}));
await browser.close();
server.close();
for (const f of failures) console.log("FAIL " + f);
console.log(`validate: ${pages.length} pages, ${charts} charts: ${failures.length === 0 ? "all passed" : failures.length + " problems"}`);
process.exit(failures.length === 0 ? 0 : 1);
