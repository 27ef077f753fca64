// Draws a series as a graph: reports (circles) joined through the identifiers (squares) that link them.
window.addEventListener("DOMContentLoaded", function () {
  var el = document.getElementById("series-graph");
  var source = document.getElementById("series-data");
  if (!el || !source || !window.echarts) return;
  var data = JSON.parse(source.textContent);
  var nodes = [], edges = [];
  data.reports.forEach(function (r) {
    nodes.push({ id: "r" + r.id, name: r.label, symbol: "circle", symbolSize: 16, category: 0 });
  });
  data.links.forEach(function (link, i) {
    nodes.push({ id: "i" + i, name: link.identifier, symbol: "rect", symbolSize: 8 + 8 * Math.min(link.weight, 2), category: 1 });
    link.reports.forEach(function (pk) { edges.push({ source: "i" + i, target: "r" + pk }); });
  });
  var timeline = document.getElementById("series-timeline");
  if (timeline) {
    // One dot per report at the time it was received; its size follows the money lost.
    echarts.init(timeline).setOption({
      tooltip: { formatter: function (p) { return p.data[2] + "<br>" + p.data[0] + "<br>" + p.data[1]; } },
      grid: { left: 50, right: 20, top: 20, bottom: 40 },
      xAxis: { type: "time" }, yAxis: { type: "value", name: "CNY" },
      series: [{ type: "scatter", data: data.reports.map(function (r) { return [r.at, r.loss, r.label]; }),
                 symbolSize: function (d) { return 8 + Math.min(24, Math.sqrt(d[1]) / 20); } }]
    });
  }
  echarts.init(el).setOption({
    tooltip: {}, legend: [{ data: ["reports", "identifiers"] }],
    series: [{ type: "graph", layout: "force", roam: true, draggable: true, label: { show: true, fontSize: 10 },
               force: { repulsion: 120, edgeLength: 60 }, categories: [{ name: "reports" }, { name: "identifiers" }],
               data: nodes, links: edges }]
  });
});
