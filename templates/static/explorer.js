// The project explorer (项目查询): the projects of the data files the page
// names (explorer/YEAR-SEGMENT.json, generator/web/explorer.go), filtered and sorted
// here. The filter state lives in the address (?year=…&sort=…), so a link
// shows the same table; amounts compare as integer fen, never as floats.
(function () {
  "use strict";
  var box = document.getElementById("explorer");
  if (!box) return;
  var needs = document.getElementById("explorer-needs");
  if (location.protocol === "file:") return; // fetch() is refused there: the notice stays
  needs.hidden = true;
  box.hidden = false;
  var form = document.getElementById("explorer-form");
  var statusEl = document.getElementById("explorer-status");
  var tbody = document.querySelector("#explorer-table tbody");
  var more = document.getElementById("explorer-more");
  var keys = ["year", "dept", "min", "max", "band", "grade", "light", "sort", "dir"];
  var pageSize = 200;
  var deptNames = {};
  form.querySelectorAll("#f-dept option").forEach(function (o) { if (o.value) deptNames[o.value] = o.textContent; });
  var files = box.dataset.files.split(" ").filter(Boolean);
  var loaded = {};

  function state() {
    var s = {};
    keys.forEach(function (k) { s[k] = form.elements[k].value; });
    return s;
  }
  function setState(p) {
    keys.forEach(function (k) { form.elements[k].value = p.get(k) || ""; });
  }
  function saveState() {
    var url = new URL(location.href), s = state();
    keys.forEach(function (k) { if (s[k]) url.searchParams.set(k, s[k]); else url.searchParams.delete(k); });
    history.replaceState(null, "", url);
  }
  // fen turns a 万元 amount as typed into integer fen (1 万元 = 1,000,000 fen).
  function fen(s) {
    var m = /^\s*(\d+)(?:\.(\d{1,6}))?\s*$/.exec(s);
    if (!m) return null;
    return Number(m[1]) * 1000000 + Number((m[2] || "").padEnd(6, "0"));
  }
  function load(file) {
    if (!loaded[file]) {
      loaded[file] = fetch(file).then(function (r) {
        if (!r.ok) throw new Error(file + ": " + r.status);
        return r.json();
      }).then(function (data) {
        var c = {};
        data.columns.forEach(function (name, i) { c[name] = i; });
        return data.rows.map(function (r) {
          var dept = data.year + "/" + r[c.dept];
          return { year: data.year, dept: dept, deptName: deptNames[dept] || r[c.dept], code: r[c.code], name: r[c.name],
            href: r[c.href], budget: r[c.budget], budgetWan: r[c.budgetWan], executed: r[c.executed],
            executedWan: r[c.executedWan], rate: r[c.rate], rateText: r[c.rateText], band: r[c.band],
            grade: r[c.grade], light: r[c.light], illustrative: r[c.illustrative] === true };
        });
      });
    }
    return loaded[file];
  }

  var lights = { green: "● 正常", yellow: "▲ 关注", red: "■ 滞后" };
  var rows = [], shown = 0;
  var collator = new Intl.Collator("zh-Hans-CN");
  var compare = {
    year: function (a, b) { return a.year - b.year; },
    dept: function (a, b) { return collator.compare(a.deptName, b.deptName); },
    name: function (a, b) { return collator.compare(a.name, b.name); },
    budget: function (a, b) { return a.budget - b.budget; },
    executed: function (a, b) { return a.executed - b.executed; },
    // Projects without a rate sort last either way.
    rate: function (a, b) { return (a.rate === null) - (b.rate === null) || a.rate - b.rate; },
    grade: function (a, b) { return collator.compare(a.grade, b.grade); },
    light: function (a, b) { return ["green", "yellow", "red", ""].indexOf(a.light) - ["green", "yellow", "red", ""].indexOf(b.light); },
  };

  function cell(tr, text, cls) {
    var td = document.createElement("td");
    if (cls) td.className = cls;
    td.textContent = text;
    tr.append(td);
    return td;
  }
  function render(append) {
    if (!append) { tbody.textContent = ""; shown = 0; }
    var end = Math.min(rows.length, shown + pageSize);
    for (var i = shown; i < end; i++) {
      var r = rows[i], tr = document.createElement("tr");
      cell(tr, r.year + "年");
      cell(tr, r.deptName);
      var th = document.createElement("th"), a = document.createElement("a");
      th.scope = "row";
      a.href = r.href;
      a.textContent = r.name;
      th.append(a, " ", Object.assign(document.createElement("span"), { className: "code", textContent: r.code }));
      if (r.illustrative) th.append(" ", Object.assign(document.createElement("span"), { className: "sample", textContent: "示例数据" }));
      tr.append(th);
      cell(tr, r.budgetWan, "num");
      cell(tr, r.executedWan, "num");
      cell(tr, r.rateText, "num");
      cell(tr, r.grade);
      var l = cell(tr, lights[r.light] || "—");
      if (r.light) l.textContent = "", l.append(Object.assign(document.createElement("span"), { className: "light " + r.light, textContent: lights[r.light] }));
      tbody.append(tr);
    }
    shown = end;
    more.hidden = shown >= rows.length;
  }

  var generation = 0;
  function update() {
    var s = state(), g = ++generation;
    var wanted = s.year ? files.filter(function (f) { return f.indexOf("explorer/" + s.year + "-") === 0; }) : files;
    statusEl.textContent = "正在读取…";
    return Promise.all(wanted.map(load)).then(function (lists) {
      if (g !== generation) return;
      var min = fen(s.min), max = fen(s.max);
      rows = [].concat.apply([], lists).filter(function (r) {
        return (!s.dept || r.dept === s.dept) && (min === null || r.budget >= min) && (max === null || r.budget <= max) &&
          (!s.band || r.band === s.band) && (!s.grade || r.grade === s.grade) &&
          (!s.light || (s.light === "none" ? r.light === "" : r.light === s.light));
      });
      var by = compare[s.sort], dir = s.dir === "desc" ? -1 : 1;
      if (by) rows = rows.map(function (r, i) { return [r, i]; })
        .sort(function (a, b) { return dir * by(a[0], b[0]) || a[1] - b[1]; }).map(function (x) { return x[0]; });
      document.querySelectorAll("#explorer-table th[data-sort]").forEach(function (th) {
        th.setAttribute("aria-sort", th.dataset.sort === s.sort ? (dir < 0 ? "descending" : "ascending") : "none");
      });
      render(false);
      statusEl.textContent = "共 " + rows.length + " 个项目符合条件" + (rows.length > shown ? "，显示前 " + shown + " 个" : "") + "。";
      box.dataset.count = rows.length;
    }).catch(function (e) {
      statusEl.textContent = "数据文件无法读取：" + e.message;
    });
  }

  setState(new URLSearchParams(location.search));
  form.addEventListener("change", function () { saveState(); update(); });
  form.addEventListener("submit", function (e) { e.preventDefault(); saveState(); update(); });
  form.addEventListener("reset", function () { setTimeout(function () { saveState(); update(); }); });
  document.querySelectorAll("#explorer-table th[data-sort] button").forEach(function (b) {
    b.addEventListener("click", function () {
      var key = b.parentElement.dataset.sort;
      var s = state();
      form.elements.dir.value = s.sort === key && s.dir !== "desc" ? "desc" : "asc";
      form.elements.sort.value = key;
      saveState();
      update();
    });
  });
  more.addEventListener("click", function () {
    var first = shown;
    render(true);
    var next = tbody.rows[first];
    if (next) next.querySelector("a").focus();
  });
  update();
})();
