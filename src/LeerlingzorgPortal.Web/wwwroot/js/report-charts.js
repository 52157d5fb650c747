// Draws the dashboard's charts with Chart.js. Each <canvas data-chart="..."> carries its own data as JSON,
// made on the server from the table next to it: a hidden count ("<5") arrives as null and is drawn as a gap,
// never as a number. No inline script or style is needed, so the Content Security Policy stays strict.
(function () {
  'use strict';

  if (typeof Chart === 'undefined') {
    return;
  }

  // Colours with at least 4.5:1 contrast against white, distinguishable in order.
  var palette = ['#1d4e89', '#b45309', '#15803d', '#7e22ce', '#b91c1c', '#0f766e', '#854d0e', '#475569', '#be185d', '#4338ca', '#3f6212'];

  Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
  Chart.defaults.color = '#212529';
  Chart.defaults.animation = false;

  document.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
    var spec;
    try {
      spec = JSON.parse(canvas.getAttribute('data-chart'));
    } catch (e) {
      return;
    }

    var line = spec.type === 'line';
    var datasets = spec.series.map(function (series, i) {
      var colour = palette[i % palette.length];
      return {
        label: series.label,
        data: series.values,
        backgroundColor: colour,
        borderColor: colour,
        borderWidth: line ? 3 : 0,
        pointRadius: line ? 4 : 0,
        spanGaps: false,
        fill: false
      };
    });

    new Chart(canvas, {
      type: line ? 'line' : 'bar',
      data: { labels: spec.labels, datasets: datasets },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        plugins: {
          legend: { display: datasets.length > 1, position: 'bottom' },
          tooltip: {
            callbacks: {
              label: function (context) {
                var value = context.raw === null ? 'verborgen (<5 of –)' : context.formattedValue;
                return context.dataset.label + ': ' + value;
              }
            }
          }
        },
        scales: {
          x: { stacked: spec.stacked },
          y: { stacked: spec.stacked, beginAtZero: true, ticks: { precision: 0 } }
        }
      }
    });
  });
})();
