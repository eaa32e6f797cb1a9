// ECharts from the WebJar the gateway serves (no CDN: the content security policy allows 'self' only). Drawn as SVG,
// so the charts' labels are text in the page: readable by screen readers and checked for overlap by the browser tests.
import * as echarts from '/webjars/echarts/5.3.1/dist/echarts.esm.min.js';
import { h } from './dom.js';

const live = new Set();
window.addEventListener('resize', () => live.forEach((c) => c.resize()));

/** A chart container; the chart is drawn once it is in the page. */
export function chart(option, options = {}) {
  const box = h('div.chart' + (options.className ? '.' + options.className : ''), { id: options.id, dataset: { chart: options.name || '' } });
  requestAnimationFrame(() => {
    if (!box.isConnected) return;
    live.forEach((c) => { if (!c.getDom().isConnected) { c.dispose(); live.delete(c); } });
    const instance = echarts.init(box, null, { renderer: 'svg' });
    instance.setOption(Object.assign({ animation: false, textStyle: { fontFamily: 'sans-serif' } }, option));
    if (options.onClick) instance.on('click', options.onClick);
    live.add(instance);
    box.dataset.ready = 'true';
  });
  return box;
}

/** A long category name on several lines of at most {@code width} characters (department names on an axis). */
export function wrapLabel(text, width = 6) {
  const value = String(text ?? '');
  const lines = [];
  for (let i = 0; i < value.length; i += width) lines.push(value.slice(i, i + width));
  return lines.join('\n');
}

export const COLOURS = { green: '#2e7d32', yellow: '#f9a825', red: '#c62828', blue: '#1565c0', grey: '#9e9e9e' };

export function pie(title, data) {
  return {
    title: { text: title, left: 'center', textStyle: { fontSize: 14 } },
    tooltip: { trigger: 'item', formatter: '{b}：{c}（{d}%）' },
    legend: { bottom: 0, type: 'scroll' },
    series: [{ type: 'pie', radius: ['35%', '62%'], center: ['50%', '50%'], data,
      label: { formatter: '{b}\n{c}' } }],
  };
}

export function lines(title, categories, series) {
  return {
    title: { text: title, left: 'center', textStyle: { fontSize: 14 } },
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { left: 40, right: 20, top: 40, bottom: 50 },
    xAxis: { type: 'category', data: categories },
    yAxis: { type: 'value', minInterval: 1 },
    series: series.map((s) => Object.assign({ type: 'line', smooth: false, symbolSize: 6 }, s)),
  };
}

/** For tooltip formatters, which ECharts inserts as HTML. */
export const escapeHtml = (text) => String(text ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
