import { useEffect, useState } from 'react';
import type { ChartSpec } from '../../../shared/charts/before-after-chart.js';

/**
 * A definition's picture drawn in the browser from the same ECharts option the exports render to PNG in Node
 * (shared/charts, templates/charts): ECharts' SVG string shown as an image, so it scales to the column's width.
 * ECharts loads with the first chart shown, not at start-up.
 */
export function FigureChart({ spec, label }: { spec: ChartSpec; label: string }) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    void import('echarts').then((echarts) => {
      if (cancelled) return;
      const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: spec.width, height: spec.height });
      try {
        chart.setOption(spec.option);
        setUrl(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(chart.renderToSVGString())}`);
      } finally {
        chart.dispose();
      }
    });
    return () => {
      cancelled = true;
    };
  }, [spec]);
  return url ? <img src={url} alt={label} style={{ width: '100%', maxWidth: spec.width, height: 'auto' }} /> : <div role="img" aria-label={label} style={{ aspectRatio: `${spec.width} / ${spec.height}`, maxWidth: spec.width }} />;
}
