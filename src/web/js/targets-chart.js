// One metric's targets across regions or years as an Apache ECharts bar chart (loaded from /vendor/
// on first use: it is large and only this view needs it). Values in units of one family (家/万家,
// 元/万元/亿元) are converted to the most used unit; other units are left out and said so. A caption
// states every plotted value: the chart's text alternative.

import { h, clear, fill } from './dom.js';
import { setState } from './url-state.js';
import { formatNumber } from './vocabulary.js';

const $ = (id) => document.getElementById(id);
const PREFIX = { 万: 1e4, 亿: 1e8, 千: 1e3 };
const PALETTE = ['#2369c8', '#c4600f', '#23884a', '#7d55b8', '#c03c63', '#127c85', '#8b5a3c'];

let echartsReady = null;
function loadEcharts() {
  echartsReady ??= new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = 'vendor/echarts.min.js';
    script.onload = () => resolve(window.echarts);
    script.onerror = () => {
      echartsReady = null;
      reject(new Error('图表库加载失败'));
    };
    document.head.append(script);
  });
  return echartsReady;
}

/** 万家 → {base: 家, factor: 1e4}; '%' → {base: '%', factor: 1}. */
function unitParts(unit) {
  const factor = PREFIX[unit[0]];
  return factor && unit.length > 1 ? { base: unit.slice(1), factor } : { base: unit, factor: 1 };
}

const mostCommon = (values) => [...values.reduce((m, v) => m.set(v, (m.get(v) ?? 0) + 1), new Map())].sort((a, b) => b[1] - a[1])[0]?.[0];

/** The chart's points: [{group, series, value, target}] in one display unit, and what was left out. */
export function chartPoints(rows, metric, by, regionOf, docs) {
  const ofMetric = rows.filter((t) => t.metric === metric);
  const unit = mostCommon(ofMetric.map((t) => t.unit)) ?? '';
  const { base, factor } = unitParts(unit);
  const points = [];
  let skipped = 0;
  for (const t of ofMetric) {
    const parts = unitParts(t.unit);
    if (parts.base !== base) {
      skipped++;
      continue;
    }
    const region = regionOf(t, docs) || '未注明地区';
    const year = t.year ? `${t.year} 年` : (t.period ?? '未注明年份');
    points.push({ group: by === 'year' ? year : region, series: by === 'year' ? region : year, value: (t.value * parts.factor) / factor, target: t });
  }
  return { points, unit, skipped };
}

function metricsByUse(rows) {
  const count = new Map();
  for (const t of rows) count.set(t.metric, (count.get(t.metric) ?? 0) + 1);
  return [...count].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'zh-CN'));
}

let chart = null;

export async function renderTargetsChart({ rows, docs, state, regionOf }) {
  const metricSelect = $('chart-metric');
  const bySelect = $('chart-by');
  const box = $('targets-chart');
  const caption = $('chart-caption');
  const metrics = metricsByUse(rows);
  const metric = metrics.some(([m]) => m === state.chart) ? state.chart : (metrics[0]?.[0] ?? '');
  fill(metricSelect, metrics.map(([m, n]) => h('option', { value: m }, `${m}（${n}）`)));
  metricSelect.value = metric;
  bySelect.value = state.by === 'year' ? 'year' : 'region';
  metricSelect.onchange = () => setState({ chart: metricSelect.value }, { replace: true });
  bySelect.onchange = () => setState({ by: bySelect.value }, { replace: true });
  if (!metric) {
    chart?.clear();
    caption.textContent = '没有可作图的目标。';
    return;
  }
  const { points, unit, skipped } = chartPoints(rows, metric, bySelect.value, regionOf, docs);
  const groups = [...new Set(points.map((p) => p.group))].sort((a, b) => a.localeCompare(b, 'zh-CN'));
  const series = [...new Set(points.map((p) => p.series))].sort((a, b) => a.localeCompare(b, 'zh-CN'));
  const cell = (g, s) => {
    const here = points.filter((p) => p.group === g && p.series === s);
    return here.length ? Math.max(...here.map((p) => p.value)) : null;
  };
  caption.textContent =
    `「${metric}」按${bySelect.value === 'year' ? '年份' : '地区'}（单位：${unit}）：` +
    groups.map((g) => `${g} ${series.filter((s) => cell(g, s) !== null).map((s) => `${s} ${formatNumber(cell(g, s))}`).join('、')}`).join('；') +
    (skipped ? `。另有 ${skipped} 个目标的单位不同，未画入。` : '。');
  box.setAttribute('aria-label', `柱状图：${caption.textContent}`);
  try {
    const echarts = await loadEcharts();
    chart ??= echarts.init(box, null, { renderer: 'canvas' });
    chart.setOption(
      {
        color: PALETTE,
        aria: { enabled: false }, // the caption above is the text alternative
        tooltip: { trigger: 'axis' },
        legend: { top: 0, type: 'scroll' },
        grid: { left: 60, right: 16, top: 40, bottom: 50 },
        xAxis: { type: 'category', data: groups, axisLabel: { interval: 0, rotate: groups.length > 4 ? 30 : 0, color: '#1f2937' } },
        yAxis: { type: 'value', name: unit, axisLabel: { color: '#1f2937' } },
        series: series.map((s) => ({ name: s, type: 'bar', data: groups.map((g) => cell(g, s)), barMaxWidth: 36, label: { show: groups.length * series.length <= 12, position: 'top', color: '#1f2937' } })),
      },
      true,
    );
    box.dataset.points = String(points.length);
    requestAnimationFrame(() => chart.resize());
  } catch (error) {
    box.dataset.points = '0';
    caption.textContent = `${error.message}。${caption.textContent}`;
  }
}
