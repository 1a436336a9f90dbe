// Assay dashboard: draws the charts described by data-chart attributes, and moves through
// table rows with the keyboard (j / k, Enter follows the row's link). No inline scripts: the
// pages' Content-Security-Policy allows scripts from this server only.
(function () {
    "use strict";

    function drawCharts() {
        if (typeof echarts === "undefined") {
            return;
        }
        document.querySelectorAll("[data-chart]").forEach(function (element) {
            var spec;
            try {
                spec = JSON.parse(element.getAttribute("data-chart"));
            } catch (e) {
                return;
            }
            if (!spec.series || spec.series.length === 0 || spec.x.length === 0) {
                element.textContent = "No data to chart yet.";
                element.style.height = "auto";
                element.classList.add("muted");
                return;
            }
            var chart = echarts.init(element, null, { renderer: "svg" });
            chart.setOption({
                animation: false,
                tooltip: { trigger: "axis" },
                legend: { type: "scroll", top: 0 },
                grid: { left: 50, right: 20, top: 34, bottom: 30 },
                xAxis: { type: "category", data: spec.x },
                yAxis: { type: "value" },
                series: spec.series.map(function (s) {
                    return { name: s.name, type: spec.type, data: s.data, connectNulls: true, showSymbol: spec.x.length < 40 };
                })
            });
            window.addEventListener("resize", function () { chart.resize(); });
        });
    }

    function keyboardTables() {
        document.addEventListener("keydown", function (event) {
            var target = event.target;
            if (target && (target.tagName === "INPUT" || target.tagName === "TEXTAREA" || target.tagName === "SELECT")) {
                return;
            }
            if (event.key !== "j" && event.key !== "k") {
                return;
            }
            var links = Array.prototype.slice.call(document.querySelectorAll("table.keyboard a.row-link"));
            if (links.length === 0) {
                return;
            }
            var index = links.indexOf(document.activeElement);
            var next = event.key === "j" ? Math.min(index + 1, links.length - 1) : Math.max(index - 1, 0);
            links[next].focus();
            event.preventDefault();
        });
    }

    document.addEventListener("DOMContentLoaded", function () {
        drawCharts();
        keyboardTables();
    });
})();
