// The site search (搜索): MiniSearch over the index the build wrote in
// segments of departments, each cut into shards by a hash of the term
// (generator/web/search.go). A query is cut into the same tokens as the
// index (generator/web/tokens.go: Han characters in pairs, letters and
// digits as words); a token's shard of every segment is fetched once, and
// a page is a result when it has every token. Titles come from the
// departments' small files, the snippet from the result's own page.
(function () {
  "use strict";
  var box = document.getElementById("search");
  if (!box) return;
  var needs = document.getElementById("search-needs");
  var input = document.getElementById("search-q");
  var params = new URLSearchParams(location.search);
  input.value = params.get("q") || "";
  // Browsers refuse fetch() from file://: the notice stays.
  if (location.protocol === "file:" || typeof MiniSearch === "undefined") return;
  needs.hidden = true;
  box.hidden = false;
  var statusEl = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var more = document.getElementById("search-more");
  var pageSize = 10;

  var HAN = /\p{Script=Han}/u, WORD = /[\p{L}\p{N}]/u;
  function fold(c) {
    var r = c.codePointAt(0);
    if (r >= 0xff01 && r <= 0xff5e) r -= 0xfee0;
    if (r >= 65 && r <= 90) r += 32;
    return String.fromCodePoint(r);
  }
  function isHan(c) { return HAN.test(c); }
  function isWord(c) { return !isHan(c) && WORD.test(c); }
  // tokens: as tokenize in tokens.go without single characters of longer runs.
  function tokens(s) {
    var rs = Array.from(s).map(fold), out = [], i = 0, j;
    while (i < rs.length) {
      if (isHan(rs[i])) {
        for (j = i; j < rs.length && isHan(rs[j]); j++);
        if (j - i === 1) out.push(rs[i]);
        for (var k = i; k + 1 < j; k++) out.push(rs[k] + rs[k + 1]);
        i = j;
      } else if (isWord(rs[i])) {
        for (j = i; j < rs.length && isWord(rs[j]); j++);
        out.push(rs.slice(i, j).join(""));
        i = j;
      } else i++;
    }
    return out.filter(function (t, n) { return out.indexOf(t) === n; });
  }
  function foldText(s) { return s.replace(/[\uff01-\uff5eA-Z]/g, fold); }
  function shardOf(term, n) {
    var b = new TextEncoder().encode(term), h = 0x811c9dc5;
    for (var i = 0; i < b.length; i++) h = Math.imul(h ^ b[i], 0x01000193) >>> 0;
    return h & (n - 1);
  }

  var cache = {};
  function load(url, parse) {
    if (!cache[url]) {
      cache[url] = fetch(url).then(function (r) {
        if (!r.ok) throw new Error(url + ": " + r.status);
        return r.text();
      }).then(parse);
    }
    return cache[url];
  }
  var options = { fields: ["name", "text"], storeFields: [] };
  function meta() { return load(box.dataset.meta, JSON.parse); }
  // shard gives a segment's shard: its terms' entries by term.
  function shard(url) {
    return load(url, function (text) {
      var terms = new Map();
      JSON.parse(text).index.forEach(function (e) { terms.set(e[0], e); });
      return terms;
    });
  }
  // index gives a MiniSearch holding term as one index over the whole site
  // would: its postings in the term's shard of every segment (numbers are
  // distinct across segments) joined in MiniSearch's serialized form, with
  // the field lengths they carry and the site's document count and average
  // field lengths from meta.json, all BM25 needs. A posting is a number's
  // difference from the one before and the document's token count in the
  // field; a field's length is read only for the documents it holds the
  // term in, so the other is left 0.
  function index(m, term) {
    return Promise.all(m.segments.map(function (shards, n) {
      return shard("search/" + n + "/" + shardOf(term, shards) + ".json");
    })).then(function (shards) {
      var js = { documentCount: m.documents, nextId: m.documents, documentIds: {}, fieldIds: { name: 0, text: 1 },
        fieldLength: {}, averageFieldLength: m.averageFieldLength, storedFields: {}, dirtCount: 0, index: [],
        serializationVersion: 2 };
      var fields = {}, found = false;
      shards.forEach(function (terms) {
        var e = terms.get(term);
        if (!e) return;
        for (var f = 0; f + 1 < e.length; f++) {
          var ps = e[f + 1];
          if (ps.length === 0) continue;
          var docs = fields[f] || (fields[f] = {});
          for (var k = 0, id = 0; k < ps.length; k += 2) {
            id += ps[k];
            docs[id] = 1;
            js.documentIds[id] = id;
            (js.fieldLength[id] || (js.fieldLength[id] = [0, 0]))[f] = ps[k + 1];
            found = true;
          }
        }
      });
      if (found) js.index.push([term, fields]);
      return MiniSearch.loadJS ? MiniSearch.loadJS(js, options) : MiniSearch.loadJSON(JSON.stringify(js), options);
    });
  }
  var exact = { fields: ["name", "text"], boost: { name: 3 }, prefix: false, fuzzy: false,
    tokenize: function (s) { return [s]; }, processTerm: function (s) { return s; } };

  // find gives the numbers of the pages that hold every token of q, best first.
  function find(q) {
    var terms = tokens(q);
    if (terms.length === 0) return Promise.resolve([]);
    return meta().then(function (m) {
      return Promise.all(terms.map(function (t) {
        return index(m, t).then(function (ms) { return ms.search(t, exact); });
      }));
    }).then(function (lists) {
      var score = new Map();
      lists[0].forEach(function (r) { score.set(r.id, r.score); });
      for (var i = 1; i < lists.length; i++) {
        var next = new Map();
        lists[i].forEach(function (r) { if (score.has(r.id)) next.set(r.id, score.get(r.id) + r.score); });
        score = next;
      }
      return Array.from(score.keys()).sort(function (a, b) { return score.get(b) - score.get(a) || a - b; });
    });
  }

  // doc gives a page's department entry and its [title, code, href, amount,
  // illustrative (1 when the page shows 示例数据)].
  function doc(m, id) {
    var lo = 0, hi = m.departments.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (m.departments[mid][3] <= id) lo = mid; else hi = mid - 1;
    }
    var d = m.departments[lo];
    return load(d[1], JSON.parse).then(function (docs) { return { dept: d, doc: docs[id - d[3]], own: id === d[3] }; });
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }
  // snippet puts the page's text around the first match into p, the match marked.
  function snippet(href, q, p) {
    fetch(href).then(function (r) { return r.ok ? r.text() : ""; }).then(function (html) {
      var main = new DOMParser().parseFromString(html, "text/html").querySelector("main");
      if (!main) return;
      main.querySelectorAll("h1, .meta, nav, .data-links, .download, .note").forEach(function (n) { n.remove(); });
      // Cells and blocks apart, so a table's figures do not run together.
      main.querySelectorAll("td, th, li, p, h2, h3, h4, caption").forEach(function (n) { n.append(" "); });
      var text = main.textContent.replace(/\s+/g, " ").trim(), folded = foldText(text);
      var needles = [foldText(q.trim())].concat(tokens(q));
      for (var i = 0; i < needles.length; i++) {
        var at = needles[i] ? folded.indexOf(needles[i]) : -1;
        if (at < 0) continue;
        var from = Math.max(0, at - 40), to = Math.min(text.length, at + needles[i].length + 60);
        p.append((from > 0 ? "…" : "") + text.slice(from, at), el("mark", "", text.slice(at, at + needles[i].length)),
          text.slice(at + needles[i].length, to) + (to < text.length ? "…" : ""));
        return;
      }
    }).catch(function () {});
  }

  var ids = [], shown = 0, current = "";
  function show(q, m) {
    var batch = ids.slice(shown, shown + pageSize);
    shown += batch.length;
    more.hidden = shown >= ids.length;
    return Promise.all(batch.map(function (id) { return doc(m, id); })).then(function (found) {
      if (q !== current) return;
      found.forEach(function (f) {
        var li = el("li"), h = el("h2", "result-title"), a = el("a", "", f.doc[0]);
        a.href = f.doc[2];
        h.append(a);
        var info = [f.dept[0] + "年", f.dept[2], f.own ? "部门整体" : "项目 " + f.doc[1]];
        if (f.doc[3]) info.push((f.own ? "项目预算 " : "全年预算数 ") + f.doc[3] + " 万元");
        if (f.doc[4]) info.push("含示例数据");
        li.append(h, el("p", "meta", info.join(" · ")));
        var p = el("p", "snippet");
        li.append(p);
        list.append(li);
        snippet(f.doc[2], q, p);
      });
      statusEl.textContent = "找到 " + ids.length + " 个结果" + (ids.length > shown ? "，显示前 " + shown + " 个" : "") + "。";
    });
  }

  function run(q) {
    current = q;
    list.textContent = "";
    ids = [];
    shown = 0;
    more.hidden = true;
    if (!q.trim()) { statusEl.textContent = ""; return Promise.resolve(); }
    statusEl.textContent = "正在搜索…";
    return Promise.all([find(q), meta()]).then(function (r) {
      if (q !== current) return;
      ids = r[0];
      window.discloseSearchLast = { query: q, ids: ids };
      if (ids.length === 0) { statusEl.textContent = "没有找到包含“" + q + "”的内容。"; return; }
      return show(q, r[1]);
    }).catch(function (e) {
      statusEl.textContent = "搜索索引无法读取：" + e.message;
    });
  }

  input.form.addEventListener("submit", function (e) {
    e.preventDefault();
    var q = input.value;
    var url = new URL(location.href);
    if (q) url.searchParams.set("q", q); else url.searchParams.delete("q");
    history.replaceState(null, "", url);
    run(q);
  });
  more.addEventListener("click", function () {
    var first = list.children.length;
    meta().then(function (m) { return show(current, m); }).then(function () {
      var next = list.children[first];
      if (next) next.querySelector("a").focus();
    });
  });
  if (input.value) run(input.value);
})();
