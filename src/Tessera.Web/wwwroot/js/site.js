// Draws every <canvas data-chart> from its data attributes. Pages carry data, not scripts,
// so the content security policy can forbid inline scripts.
(function () {
  "use strict";
  if (typeof Chart === "undefined") {
    return;
  }
  document.querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
    var labels = (canvas.dataset.labels || "").split("|");
    var values = (canvas.dataset.values || "").split("|").map(Number);
    new Chart(canvas, {
      type: canvas.dataset.chart,
      data: {
        labels: labels,
        datasets: [{ label: canvas.dataset.label, data: values, backgroundColor: "#005ea2", borderColor: "#005ea2" }]
      },
      options: { animation: false, responsive: true, maintainAspectRatio: false, plugins: { legend: { display: false } } }
    });
  });
})();
