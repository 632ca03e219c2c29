// Draws each <canvas data-chart="…"> with Chart.js; a click on a bar opens the register filtered to what it counts.
(function () {
  'use strict';
  document.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
    var spec = JSON.parse(canvas.getAttribute('data-chart'));
    var hasLine = spec.series.some(function (s) { return s.kind === 'line'; });
    var datasets = spec.series.map(function (s) {
      var line = s.kind === 'line';
      var dataset = {
        type: line ? 'line' : 'bar',
        label: s.label,
        data: s.values,
        links: s.links,
        backgroundColor: s.colour,
        borderColor: s.colour,
        order: line ? 0 : 1,
        spanGaps: true
      };
      if (line) { dataset.yAxisID = 'percent'; }
      return dataset;
    });
    var countAxis = { stacked: spec.stacked, beginAtZero: true, ticks: { precision: 0 } };
    var categoryAxis = { stacked: spec.stacked };
    var scales = spec.horizontal ? { x: countAxis, y: categoryAxis } : { x: categoryAxis, y: countAxis };
    if (hasLine) {
      scales.percent = { position: 'right', min: 0, max: 100, grid: { drawOnChartArea: false },
        ticks: { callback: function (v) { return v + '%'; } } };
    }
    var chart = new Chart(canvas, {
      type: 'bar',
      data: { labels: spec.categories, datasets: datasets },
      options: {
        indexAxis: spec.horizontal ? 'y' : 'x',
        maintainAspectRatio: false,
        animation: false,
        scales: scales,
        plugins: { legend: { position: 'bottom' } },
        onHover: function (event, elements) {
          event.native.target.style.cursor = elements.length ? 'pointer' : 'default';
        },
        onClick: function (event, elements) {
          if (!elements.length) { return; }
          var element = elements[0];
          var link = chart.data.datasets[element.datasetIndex].links[element.index];
          if (link) { window.location.href = link; }
        }
      }
    });
  });
})();
