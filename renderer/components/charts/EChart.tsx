import { BarChart, LineChart, type BarSeriesOption, type LineSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  TooltipComponent,
  type GridComponentOption,
  type LegendComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// Only the parts the dashboard and the reports draw (bars, lines, axes, legend, tooltip), through the SVG renderer:
// its text is real text in the page's font, so Chinese labels render with the system's CJK font and print sharply.
echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export type ChartOption = echarts.ComposeOption<
  BarSeriesOption | LineSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;

const FONT = '-apple-system, BlinkMacSystemFont, "Segoe UI", "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif';

interface Props {
  option: ChartOption;
  /** What the chart shows, for a screen reader (its numbers are in the table view). */
  label: string;
  height?: number;
  /** A click on a bar or a point: the index of its category. */
  onPick?: (dataIndex: number) => void;
}

/** One echarts chart that follows its container's width, the option it is given, and printing. */
export function EChart({ option, label, height = 300, onPick }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const pick = useRef(onPick);
  pick.current = onPick;

  useEffect(() => {
    if (!ref.current) return;
    const c = echarts.init(ref.current, null, { renderer: 'svg' });
    chart.current = c;
    c.on('click', (e) => pick.current?.(e.dataIndex));
    const resize = () => c.resize();
    const observer = new ResizeObserver(resize);
    observer.observe(ref.current);
    // The printed page is narrower than the window: redraw at its width, and back afterwards.
    window.addEventListener('beforeprint', resize);
    window.addEventListener('afterprint', resize);
    return () => {
      observer.disconnect();
      window.removeEventListener('beforeprint', resize);
      window.removeEventListener('afterprint', resize);
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption({ textStyle: { fontFamily: FONT }, animation: false, ...option }, true);
  }, [option]);

  return <div ref={ref} role="img" aria-label={label} className="echart" style={{ width: '100%', height, cursor: onPick ? 'pointer' : undefined }} />;
}
