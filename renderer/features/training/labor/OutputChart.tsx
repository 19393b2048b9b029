/** One bar: a short label under it, a title for the tooltip, the value above it. */
export interface Bar {
  key: string;
  label: string;
  title: string;
  value: number;
}

const HEIGHT = 180;
const TOP = 18;
const BOTTOM = 22;
const MIN_STEP = 26;

/**
 * A bar chart as inline SVG (no chart package): bars scaled to the largest value, the value above
 * each bar, the label under every bar when there is room (else every few). Scrolls sideways when
 * there are many bars.
 */
export function OutputChart({ bars, label, format }: { bars: Bar[]; label: string; format: (v: number) => string }) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const step = Math.max(MIN_STEP, Math.floor(760 / Math.max(1, bars.length)));
  const width = step * bars.length;
  const every = Math.ceil(44 / step);
  const plot = HEIGHT - TOP - BOTTOM;
  return (
    <div style={{ overflowX: 'auto' }}>
      <svg role="img" aria-label={label} width={width} height={HEIGHT} data-testid="output-chart">
        <line x1={0} x2={width} y1={HEIGHT - BOTTOM} y2={HEIGHT - BOTTOM} stroke="var(--mantine-color-gray-5)" />
        {bars.map((b, i) => {
          const h = Math.round((b.value / max) * plot);
          const x = i * step + step * 0.15;
          const w = step * 0.7;
          return (
            <g key={b.key} data-testid="output-bar">
              <title>{`${b.title}: ${format(b.value)}`}</title>
              <rect x={x} y={HEIGHT - BOTTOM - h} width={w} height={h} rx={2} fill="var(--mantine-color-teal-6)" />
              {step >= 34 ? (
                <text x={x + w / 2} y={HEIGHT - BOTTOM - h - 4} fontSize={10} textAnchor="middle" fill="var(--mantine-color-gray-7)">
                  {format(b.value)}
                </text>
              ) : null}
              {i % every === 0 ? (
                <text x={x + w / 2} y={HEIGHT - 6} fontSize={10} textAnchor="middle" fill="var(--mantine-color-gray-7)">
                  {b.label}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
    </div>
  );
}
