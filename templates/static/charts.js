// Starts every chart on the page from its JSON options. The options sit in
// <script type="application/json" data-chart="ID"> blocks, so the page needs
// no inline script and runs under script-src 'self'. Without JavaScript the
// data tables beside the charts carry the same figures.
(function () {
  "use strict";
  if (typeof echarts === "undefined") {
    return;
  }
  document.documentElement.classList.add("js");
  var charts = [];
  var blocks = document.querySelectorAll('script[type="application/json"][data-chart]');
  for (var i = 0; i < blocks.length; i++) {
    var target = document.getElementById(blocks[i].getAttribute("data-chart"));
    if (!target) {
      continue;
    }
    var chart = echarts.init(target, null, { renderer: "canvas" });
    chart.setOption(JSON.parse(blocks[i].textContent));
    charts.push(chart);
  }
  var pending = 0;
  window.addEventListener("resize", function () {
    window.clearTimeout(pending);
    pending = window.setTimeout(function () {
      for (var j = 0; j < charts.length; j++) {
        charts[j].resize();
      }
    }, 100);
  });
})();
