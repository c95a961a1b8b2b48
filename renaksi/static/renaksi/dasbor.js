// Dashboards: every <canvas data-chart="ID"> is drawn from the JSON in <script id="ID"> (Django's json_script).
// The same numbers are in the table next to each chart; the chart is a picture of them.
(function () {
  "use strict";
  if (typeof Chart === "undefined") return;

  function percent(value) { return value === null || value === undefined ? "—" : value.toLocaleString("id-ID") + "%"; }

  function options(spec) {
    var horizontal = !!spec.horizontal;
    var valueAxis = horizontal ? "x" : "y";
    var opts = {
      responsive: true, maintainAspectRatio: false, animation: false,
      indexAxis: horizontal ? "y" : "x",
      plugins: { legend: { display: !!spec.stacked } },
      scales: {}
    };
    if (spec.type === "scatter") {
      opts.plugins.legend.display = false;
      opts.scales = {
        x: { title: { display: true, text: "Serapan (%)" }, beginAtZero: true, suggestedMax: 100 },
        y: { title: { display: true, text: "Capaian (%)" }, beginAtZero: true, suggestedMax: 120 }
      };
      opts.plugins.tooltip = { callbacks: { label: function (ctx) {
        var p = ctx.raw; return p.label + ": serapan " + percent(p.x) + ", capaian " + percent(p.y);
      } } };
      return opts;
    }
    opts.scales[valueAxis] = { beginAtZero: true, stacked: !!spec.stacked };
    opts.scales[horizontal ? "y" : "x"] = { stacked: !!spec.stacked, ticks: { autoSkip: false } };
    if (!spec.stacked) { opts.scales[valueAxis].suggestedMax = 100; }
    return opts;
  }

  document.querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
    var source = document.getElementById(canvas.getAttribute("data-chart"));
    if (!source) return;
    var spec = JSON.parse(source.textContent);
    spec.datasets.forEach(function (d) { d.maxBarThickness = 28; });
    new Chart(canvas, { type: spec.type, data: { labels: spec.labels, datasets: spec.datasets }, options: options(spec) });
  });
})();
