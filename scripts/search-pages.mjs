// Tries the site search (搜索) and the project explorer (项目查询) of a built
// site in headless Chromium, served from 127.0.0.1 under a sub-path, as a
// reader uses them, and prints name=value figures:
//   search: QUERIES queries taken from the projects' names (two and four
//   characters, and codes): the time from submitting to the first result
//   shown, the bytes transferred and the requests made (index, result
//   files and the snippets' pages) and recall: every project whose name contains the query must be
//   among the results (checked against the explorer's data, which is the
//   content's names). The first query runs on a freshly loaded page.
//   explorer: filters chosen in the form give the rows the data says, a
//   column sorts both ways, and the address reloaded shows the same table.
// Exits 1 on any failure. Usage: node search-pages.mjs SITE [QUERIES]
import { createRequire } from "node:module";
import http from "node:http";
import fs from "node:fs";
import path from "node:path";

const require = createRequire(path.join(process.env.NODE_PATH, "x.js"));
const { chromium } = require("playwright-core");
const root = path.resolve(process.argv[2] || "public");
const nQueries = Number(process.argv[3] || 20);
const prefix = "/sub/path/";
const types = { ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript", ".json": "application/json" };
const server = http.createServer((req, res) => {
  const url = new URL(req.url, "http://x");
  const file = path.join(root, decodeURIComponent(url.pathname.slice(prefix.length)));
  if (!url.pathname.startsWith(prefix) || !file.startsWith(root) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
    res.writeHead(404); res.end(); return;
  }
  res.writeHead(200, { "content-type": types[path.extname(file)] || "application/octet-stream" });
  fs.createReadStream(file).pipe(res);
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const site = `http://127.0.0.1:${server.address().port}${prefix}`;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"] });
const failures = [];
const fail = (m) => failures.push(m);
const readJSON = (rel) => JSON.parse(fs.readFileSync(path.join(root, rel), "utf8"));

// The content's projects, from the explorer's data files.
const html = fs.readFileSync(path.join(root, "projects.html"), "utf8");
const files = /data-files="([^"]*)"/.exec(html)[1].split(" ");
const projects = [];
for (const f of files) {
  const d = readJSON(f);
  const c = Object.fromEntries(d.columns.map((n, i) => [n, i]));
  for (const r of d.rows) projects.push({ year: d.year, dept: d.year + "/" + r[c.dept], name: r[c.name], code: r[c.code], href: r[c.href],
    budget: r[c.budget], rate: r[c.rate], band: r[c.band], grade: r[c.grade], light: r[c.light] });
}

// ---- search ----
const meta = readJSON("search/meta.json");
const hrefOf = (id) => {
  let d = meta.departments[0];
  for (const x of meta.departments) if (x[3] <= id) d = x;
  return readJSONCached(d[1])[id - d[3]][2];
};
const cache = {};
function readJSONCached(rel) { return (cache[rel] ||= readJSON(rel)); }
// Queries: substrings of names, spread over the site, deterministic.
const queries = [];
for (let i = 0; queries.length < nQueries && i < projects.length * 4; i++) {
  const p = projects[(i * 7919) % projects.length];
  const runs = (p.name.match(/\p{Script=Han}+/gu) || []).map((r) => Array.from(r));
  const len = i % 4 === 3 ? 0 : (i % 2 ? 4 : 2);
  const chars = runs.find((r) => r.length >= len) || [];
  let q;
  if (len === 0) q = p.code;
  else if (chars.length >= len) { const at = (i * 31) % (chars.length - len + 1); q = chars.slice(at, at + len).join(""); }
  if (q && !queries.includes(q)) queries.push(q);
}
const times = [], bytes = [], requests = [];
let recallMissing = 0;
for (const [n, q] of queries.entries()) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  let transferred = 0, fetched = 0, counting = false;
  cdp.on("Network.loadingFinished", (e) => { if (counting) { transferred += e.encodedDataLength; fetched++; } });
  page.on("pageerror", (e) => fail(`search ${q}: script error ${e.message}`));
  await page.goto(site + "search.html", { waitUntil: "load" });
  counting = true;
  const ms = await page.evaluate((q) => new Promise((resolve) => {
    const t0 = performance.now();
    const list = document.getElementById("search-results"), status = document.getElementById("search-status");
    new MutationObserver((_, o) => {
      if (list.children.length || /没有找到/.test(status.textContent)) { o.disconnect(); resolve(performance.now() - t0); }
    }).observe(document.getElementById("search"), { childList: true, subtree: true, characterData: true });
    document.getElementById("search-q").value = q;
    document.getElementById("search-q").form.requestSubmit();
    setTimeout(() => resolve(-1), 10000);
  }), q);
  await page.waitForFunction((q) => window.discloseSearchLast && window.discloseSearchLast.query === q, q);
  await page.waitForLoadState("networkidle");
  const ids = await page.evaluate(() => window.discloseSearchLast.ids);
  const status = await page.locator("#search-status").textContent();
  if (!/找到/.test(status) || (ids.length > 0) !== /找到 \d/.test(status)) fail(`search ${q}: the live region says "${status}"`);
  if (new URL(page.url()).searchParams.get("q") !== q) fail(`search ${q}: the address does not hold the query`);
  const found = new Set(ids.map(hrefOf));
  const want = projects.filter((p) => p.name.includes(q) || p.code === q);
  const missing = want.filter((p) => !found.has(p.href));
  recallMissing += missing.length;
  if (missing.length) fail(`search ${q}: ${missing.length} of ${want.length} projects with it in their name are missing, e.g. ${missing[0].href}`);
  if (ms < 0) fail(`search ${q}: no result shown within 10 s`);
  times.push(ms); bytes.push(transferred); requests.push(fetched);
  if (n === 0) {
    // The address round-trips: the page opened at it runs the same search.
    await page.goto(page.url(), { waitUntil: "load" });
    await page.waitForFunction((q) => window.discloseSearchLast && window.discloseSearchLast.query === q, q);
    if ((await page.inputValue("#search-q")) !== q) fail(`search ${q}: reloading the address lost the query`);
  }
  await context.close();
}
const sorted = (a) => a.slice().sort((x, y) => x - y);
const pct = (a, p) => sorted(a)[Math.min(a.length - 1, Math.floor(a.length * p))];
console.log(`search_queries=${queries.length}`);
console.log(`search_first_results_ms_median=${pct(times, 0.5).toFixed(0)}`);
console.log(`search_first_results_ms_max=${Math.max(...times).toFixed(0)}`);
console.log(`search_transfer_kb_median=${(pct(bytes, 0.5) / 1024).toFixed(0)}`);
console.log(`search_transfer_kb_max=${(Math.max(...bytes) / 1024).toFixed(0)}`);
console.log(`search_requests_median=${pct(requests, 0.5)}`);
console.log(`search_requests_max=${Math.max(...requests)}`);
console.log(`search_recall_missing=${recallMissing}`);

// ---- explorer ----
{
  const context = await browser.newContext();
  const page = await context.newPage();
  page.on("pageerror", (e) => fail(`explorer: script error ${e.message}`));
  await page.goto(site + "projects.html", { waitUntil: "load" });
  const count = async () => { await page.waitForFunction(() => /符合条件/.test(document.getElementById("explorer-status").textContent));
    return Number(await page.locator("#explorer").getAttribute("data-count")); };
  if ((await count()) !== projects.length) fail(`explorer: ${await count()} rows unfiltered, the data has ${projects.length}`);
  // A department, then a band: the rows the data says.
  const p0 = projects[Math.floor(projects.length / 2)];
  await page.selectOption("#f-dept", p0.dept);
  let want = projects.filter((p) => p.dept === p0.dept);
  if ((await count()) !== want.length) fail(`explorer: department ${p0.dept} shows ${await count()} rows, the data has ${want.length}`);
  await page.selectOption("#f-band", p0.band);
  want = want.filter((p) => p.band === p0.band);
  if ((await count()) !== want.length) fail(`explorer: band ${p0.band} shows ${await count()}, the data has ${want.length}`);
  await page.fill("#f-min", "1");
  await page.locator("#f-min").dispatchEvent("change");
  want = want.filter((p) => p.budget >= 1000000);
  if ((await count()) !== want.length) fail(`explorer: budget ≥ 1 万元 shows ${await count()}, the data has ${want.length}`);
  // Sort by rate, descending on the second click, by keyboard.
  const rateButton = page.locator('th[data-sort="rate"] button');
  await rateButton.focus(); await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.querySelector('th[data-sort="rate"]').getAttribute("aria-sort") === "ascending");
  await rateButton.focus(); await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.querySelector('th[data-sort="rate"]').getAttribute("aria-sort") === "descending");
  const shown = await page.$$eval("#explorer-table tbody tr", (trs) => trs.map((tr) => tr.querySelector("a").getAttribute("href")));
  const rateOf = Object.fromEntries(want.map((p) => [p.href, p.rate === null ? -1 : p.rate]));
  for (let i = 1; i < shown.length; i++) if (rateOf[shown[i - 1]] < rateOf[shown[i]]) { fail(`explorer: rate not descending at row ${i + 1}`); break; }
  // The address round-trips.
  const url = page.url();
  for (const k of ["dept", "band", "min", "sort", "dir"]) if (!new URL(url).searchParams.get(k)) fail(`explorer: the address lacks ${k}: ${url}`);
  const page2 = await context.newPage();
  await page2.goto(url, { waitUntil: "load" });
  await page2.waitForFunction(() => /符合条件/.test(document.getElementById("explorer-status").textContent));
  const shown2 = await page2.$$eval("#explorer-table tbody tr", (trs) => trs.map((tr) => tr.querySelector("a").getAttribute("href")));
  if (JSON.stringify(shown2) !== JSON.stringify(shown)) fail("explorer: the address reloaded shows another table");
  if ((await page2.inputValue("#f-dept")) !== p0.dept) fail("explorer: the address reloaded lost the department");
  await context.close();
  console.log(`explorer_projects=${projects.length}`);
  console.log(`explorer_checks=${failures.filter((f) => f.startsWith("explorer")).length === 0 ? "passed" : "failed"}`);
}
await browser.close();
server.close();
for (const f of failures) console.error("FAIL " + f);
process.exit(failures.length ? 1 : 0);
