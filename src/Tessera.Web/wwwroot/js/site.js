// Draws every <canvas data-chart> from its data attributes. Pages carry data, not scripts,
// so the content security policy can forbid inline scripts.
(function () {
  "use strict";
  if (typeof Chart === "undefined") {
    return;
  }
  document.querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
    var labels = (canvas.dataset.labels || "").split("|");
    // An empty value is a gap (a hidden cell), not a zero.
    var values = (canvas.dataset.values || "").split("|").map(function (v) { return v === "" ? null : Number(v); });
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

// Upload progress: htmx reports the request's upload progress; the bar shows it, then says the
// delivery is being checked until the server answers.
(function () {
  "use strict";
  document.body.addEventListener("htmx:xhr:progress", function (event) {
    var form = event.target.closest ? event.target.closest("[data-upload-form]") : null;
    if (!form || !event.detail.lengthComputable) {
      return;
    }
    var percent = Math.round((event.detail.loaded / event.detail.total) * 100);
    var bar = form.querySelector("[data-upload-progress]");
    var status = form.querySelector("[data-upload-status]");
    bar.value = percent;
    bar.textContent = percent + "%";
    status.textContent = percent < 100 ? "Uploading: " + percent + "%" : "Uploaded; checking and storing the delivery…";
  });
})();
