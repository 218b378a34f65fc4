export { CHART_FONT_FAMILY, ChartFontMissingError, chartFont, uncoveredCharacters } from './chart-font.js';
export { cachedChartPng, chartSvg, forgetRenderedCharts, renderChartPng, type ChartPng } from './render-chart-png.js';
