// Draws every <canvas data-chart> from its data attributes. Pages carry data, not scripts,
// so the content security policy can forbid inline scripts.
(function () {
  "use strict";
  if (typeof Chart === "undefined") {
    return;
  }
  // An empty value is a gap (a hidden cell, a period without data), not a zero.
  function numbers(text) {
    return (text || "").split("|").map(function (v) { return v === "" ? null : Number(v); });
  }
  var colours = ["#005ea2", "#d54309", "#4d8055", "#8168b3", "#936f38"];
  // A funnel plot: providers' rates against their cases, with the centre and the 95% and 99.8% limits.
  function funnel(canvas) {
    var points = JSON.parse(canvas.dataset.points || "[]");
    var curve = JSON.parse(canvas.dataset.curve || "[]");
    var centre = Number(canvas.dataset.centre);
    function line(label, key, colour, dash) {
      return { type: "line", label: label, data: curve.map(function (c) { return { x: c.x, y: key ? c[key] : centre }; }), borderColor: colour, borderDash: dash, pointRadius: 0, fill: false };
    }
    return new Chart(canvas, {
      type: "scatter",
      data: {
        datasets: [
          { label: "Providers", data: points, backgroundColor: "#005ea2", pointRadius: 5 },
          line("Program rate", null, "#1b1b1b", []),
          line("95% limits", "l95", "#d54309", [6, 3]), line("", "u95", "#d54309", [6, 3]),
          line("99.8% limits", "l998", "#936f38", [2, 3]), line("", "u998", "#936f38", [2, 3])
        ]
      },
      options: {
        animation: false, responsive: true, maintainAspectRatio: false,
        scales: { x: { type: "linear", title: { display: true, text: "Cases" } }, y: { min: 0, max: 1, title: { display: true, text: "Rate" } } },
        plugins: {
          legend: { labels: { filter: function (item) { return item.text !== ""; } } },
          tooltip: { callbacks: { label: function (ctx) { return (ctx.raw.label || "") + ": " + Math.round(ctx.raw.y * 1000) / 10 + "% of " + ctx.raw.x; } } }
        }
      }
    });
  }
  // A regression discontinuity: mean outcome by score bin, and the line fitted on each side of the cut-off.
  function discontinuity(canvas) {
    function line(label, key, colour) {
      return { type: "line", label: label, data: JSON.parse(canvas.dataset[key] || "[]"), borderColor: colour, borderWidth: 3, pointRadius: 0, fill: false };
    }
    return new Chart(canvas, {
      type: "scatter",
      data: { datasets: [{ label: "Mean outcome by score", data: JSON.parse(canvas.dataset.points || "[]"), backgroundColor: "#005ea2", pointRadius: 4 }, line("Below the cut-off", "left", "#d54309"), line("At or above it", "right", "#4d8055")] },
      options: { animation: false, responsive: true, maintainAspectRatio: false, scales: { x: { type: "linear", title: { display: true, text: "Score" } }, y: { title: { display: true, text: "Outcome rate" } } } }
    });
  }
  document.querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
    if (canvas.dataset.chart === "funnel") {
      addDownload(canvas, funnel(canvas));
      return;
    }
    if (canvas.dataset.chart === "discontinuity") {
      addDownload(canvas, discontinuity(canvas));
      return;
    }
    var labels = (canvas.dataset.labels || "").split("|");
    // data-series: several lines (a figure, its target, benchmarks), as JSON [{label, values, dashed, dotted}].
    var series = canvas.dataset.series ? JSON.parse(canvas.dataset.series) : null;
    var datasets = series
      ? series.map(function (s, i) {
          return {
            label: s.label, data: numbers(s.values), borderColor: colours[i % colours.length], backgroundColor: colours[i % colours.length],
            borderDash: s.dashed ? [8, 4] : s.dotted ? [2, 3] : [], pointRadius: i === 0 ? 3 : 0, fill: false, spanGaps: false
          };
        })
      : [{ label: canvas.dataset.label, data: numbers(canvas.dataset.values), backgroundColor: "#005ea2", borderColor: "#005ea2" }];
    var options = { animation: false, responsive: true, maintainAspectRatio: false, plugins: { legend: { display: series !== null } } };
    // A radar chart (an assessment's components) runs from 0 to data-max in whole steps; only its first series is filled.
    if (canvas.dataset.chart === "radar") {
      options.scales = { r: { min: 0, max: Number(canvas.dataset.max || 5), ticks: { stepSize: 1 } } };
      datasets.forEach(function (d, i) { d.fill = i === 0; d.backgroundColor = i === 0 ? "rgba(0, 94, 162, 0.2)" : d.borderColor; d.pointRadius = 3; });
    }
    // data-stacked: the series stacked into one bar per label (persons in one system and in several, by ZIP code).
    if (canvas.dataset.stacked === "true") {
      options.scales = { x: { stacked: true }, y: { stacked: true } };
    }
    var chart = new Chart(canvas, {
      type: canvas.dataset.chart,
      data: { labels: labels, datasets: datasets },
      options: options
    });
    addDownload(canvas, chart);
  });
  // Every chart downloads as an image (PNG), for slides and e-mails.
  function addDownload(canvas, chart) {
    var download = document.createElement("a");
    download.className = "usa-link tessera-chart-download";
    download.textContent = "Download this chart (PNG)";
    download.href = "#";
    download.download = ((canvas.dataset.label || "chart").replace(/[^A-Za-z0-9-]+/g, "-")) + ".png";
    download.addEventListener("click", function () { download.href = chart.toBase64Image(); });
    var holder = canvas.parentElement.classList.contains("tessera-chart") ? canvas.parentElement : canvas;
    holder.insertAdjacentElement("afterend", download);
  }
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

// Print buttons (a packet): no inline scripts under the content security policy.
(function () {
  "use strict";
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.addEventListener("click", function () { window.print(); });
  });
})();
