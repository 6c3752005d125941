// Draws every <canvas data-chart="…"> of the dashboard with Chart.js (served from npm at /lib/chart.umd.min.js).
// The numbers come from the page itself, so what is drawn is exactly what the tables below say.
(function () {
  "use strict";
  const palette = ["#b3261e", "#1a73e8", "#137333", "#b06000", "#7b1fa2", "#00838f", "#5f6368", "#c2185b", "#558b2f", "#6d4c41"];

  function draw(canvas) {
    const spec = JSON.parse(canvas.dataset.chart);
    const pie = spec.type === "doughnut";
    const datasets = spec.series.map((series, i) => ({
      label: series.label,
      data: series.data,
      backgroundColor: pie ? spec.labels.map((_, j) => palette[j % palette.length]) : palette[i % palette.length],
      borderColor: pie ? "#fff" : palette[i % palette.length],
      fill: false,
      tension: 0.2,
    }));
    const valueAxis = spec.percent ? { beginAtZero: true, max: 100, ticks: { callback: (v) => v + "%" } } : { beginAtZero: true, ticks: { precision: 0 } };
    const chart = new Chart(canvas, {
      type: spec.type,
      data: { labels: spec.labels, datasets: datasets },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        indexAxis: spec.horizontal ? "y" : "x",
        scales: pie ? {} : (spec.horizontal ? { x: valueAxis } : { y: valueAxis }),
        plugins: { legend: { display: pie || spec.series.length > 1, position: "bottom" } },
      },
    });
    // Lets a reader (and the browser test) see that the chart was drawn and from which numbers.
    canvas.dataset.rendered = String(chart.data.datasets.reduce((n, d) => n + d.data.length, 0));
  }

  document.querySelectorAll("canvas[data-chart]").forEach(draw);
})();
