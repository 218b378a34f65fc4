import { useEffect, useRef } from 'react';
import type { ChartSpec } from '../../../shared/charts/before-after-chart.js';

/**
 * A definition's picture drawn in the browser from the same ECharts option the exports render to PNG in Node
 * (shared/charts, templates/charts). ECharts loads with the first chart shown, not at start-up.
 */
export function FigureChart({ spec, label }: { spec: ChartSpec; label: string }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let disposed = false;
    let chart: { setOption(o: unknown): void; dispose(): void } | null = null;
    void import('echarts').then((echarts) => {
      if (disposed || !box.current) return;
      chart = echarts.init(box.current, null, { renderer: 'svg', width: spec.width, height: spec.height });
      chart.setOption(spec.option);
    });
    return () => {
      disposed = true;
      chart?.dispose();
    };
  }, [spec]);
  // Laid out for its own size; narrower windows scale it down.
  return (
    <div role="img" aria-label={label} style={{ width: '100%', overflowX: 'auto' }}>
      <div ref={box} style={{ width: spec.width, height: spec.height, maxWidth: '100%', transformOrigin: 'left top' }} />
    </div>
  );
}
