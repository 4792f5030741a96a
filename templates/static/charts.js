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
  // Category labels fit their slot: wrapped to its width, or turned when
  // the slot is too narrow to wrap into (a phone), never dropped.
  function fitLabels(option, width) {
    var axes = [].concat(option.xAxis || []);
    for (var k = 0; k < axes.length; k++) {
      var a = axes[k];
      if ((a.type && a.type !== "category") || !a.data || a.data.length === 0) {
        continue;
      }
      var shown = Math.min(a.data.length, 12);
      var slot = Math.floor((width - 72) / shown) - 6;
      a.axisLabel = a.axisLabel || {};
      a.axisLabel.interval = 0;
      a.axisLabel.hideOverlap = false;
      if (slot < 56) {
        a.axisLabel.rotate = 40;
        a.axisLabel.width = 96;
        a.axisLabel.overflow = "truncate";
      } else {
        a.axisLabel.rotate = 0;
        a.axisLabel.width = slot;
        a.axisLabel.overflow = "break";
      }
    }
    option.xAxis = axes;
    return option;
  }
  var blocks = document.querySelectorAll('script[type="application/json"][data-chart]');
  for (var i = 0; i < blocks.length; i++) {
    var target = document.getElementById(blocks[i].getAttribute("data-chart"));
    if (!target) {
      continue;
    }
    var chart = echarts.init(target, null, { renderer: "canvas" });
    var option = JSON.parse(blocks[i].textContent);
    chart.setOption(fitLabels(option, target.clientWidth));
    charts.push({ chart: chart, option: option, target: target });
  }
  var pending = 0;
  window.addEventListener("resize", function () {
    window.clearTimeout(pending);
    pending = window.setTimeout(function () {
      for (var j = 0; j < charts.length; j++) {
        var c = charts[j];
        c.chart.setOption(fitLabels(c.option, c.target.clientWidth));
        c.chart.resize();
      }
    }, 100);
  });
})();
