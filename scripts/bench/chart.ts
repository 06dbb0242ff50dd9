// The report's chart, drawn by hand as SVG: throughput ratios per N (median bars, min–max whiskers,
// dashed target lines) and the cold-start ratios beside them.
import type { Summary } from "./stats";
import type { BenchSummary } from "./summary";
import type { Operation } from "./throughput";

const COLORS: Record<Operation, string> = { apply: "#3b6fb6", plan: "#e08a2c", destroy: "#8c8c8c" };
const TARGETS: Partial<Record<Operation, number>> = { apply: 1.8, plan: 4.0 };
const W = 780;
const H = 380;
const TOP = 50;
const BOTTOM = 320;

export function renderChart(summary: BenchSummary): string {
  const parts: string[] = [];
  const sizes = [...new Set(summary.rows.map((r) => r.n))];
  const maxRatio = Math.max(4.5, ...summary.rows.map((r) => r.ratio.max), summary.coldStart.firstRpcRatio.max || 0);
  const yMax = Math.ceil(maxRatio);
  const y = (v: number) => BOTTOM - (Math.min(v, yMax) / yMax) * (BOTTOM - TOP);

  parts.push(`<text x="20" y="28" font-size="16" font-weight="bold">litellm-tf vs the floor (ratio, lower is better)</text>`);
  // Axes and grid for both panels share the scale.
  for (let v = 0; v <= yMax; v++) {
    parts.push(`<line x1="60" x2="${W - 20}" y1="${y(v)}" y2="${y(v)}" stroke="#e5e5e5"/>`);
    parts.push(`<text x="52" y="${y(v) + 4}" font-size="11" text-anchor="end">${v}×</text>`);
  }
  // Left panel: throughput groups.
  const left = 70;
  const right = 560;
  const groupWidth = (right - left) / Math.max(1, sizes.length);
  const barWidth = Math.min(34, (groupWidth - 20) / 3);
  sizes.forEach((n, g) => {
    const x0 = left + g * groupWidth + (groupWidth - 3 * barWidth) / 2;
    (["apply", "plan", "destroy"] as Operation[]).forEach((op, i) => {
      const row = summary.rows.find((r) => r.n === n && r.op === op);
      if (!row) return;
      parts.push(bar(x0 + i * barWidth, barWidth - 4, row.ratio, y, COLORS[op]));
    });
    parts.push(`<text x="${x0 + 1.5 * barWidth}" y="${BOTTOM + 18}" font-size="12" text-anchor="middle">N = ${n}</text>`);
  });
  for (const [op, limit] of Object.entries(TARGETS) as [Operation, number][]) {
    if (limit > yMax) continue;
    parts.push(`<line x1="${left}" x2="${right}" y1="${y(limit)}" y2="${y(limit)}" stroke="${COLORS[op]}" stroke-dasharray="6 4"/>`);
    parts.push(`<text x="${right - 2}" y="${y(limit) - 4}" font-size="10" text-anchor="end" fill="${COLORS[op]}">${op} target ${limit}×</text>`);
  }
  // Right panel: cold start.
  const cx = 600;
  parts.push(bar(cx, 40, summary.coldStart.ratio, y, "#4a9d5b"));
  parts.push(bar(cx + 55, 40, summary.coldStart.firstRpcRatio, y, "#9fcca9"));
  parts.push(`<line x1="${cx - 6}" x2="${cx + 101}" y1="${y(1.3)}" y2="${y(1.3)}" stroke="#4a9d5b" stroke-dasharray="6 4"/>`);
  parts.push(`<text x="${cx + 101}" y="${y(1.3) - 4}" font-size="10" text-anchor="end" fill="#4a9d5b">target 1.3×</text>`);
  parts.push(`<text x="${cx + 20}" y="${BOTTOM + 18}" font-size="11" text-anchor="middle">handshake</text>`);
  parts.push(`<text x="${cx + 75}" y="${BOTTOM + 18}" font-size="11" text-anchor="middle">1st RPC</text>`);
  parts.push(`<text x="${cx + 48}" y="${BOTTOM + 34}" font-size="11" text-anchor="middle">cold start vs node -e 0</text>`);
  // Legend.
  (["apply", "plan", "destroy"] as Operation[]).forEach((op, i) => {
    const lx = 80 + i * 110;
    parts.push(`<rect x="${lx}" y="${H - 22}" width="12" height="12" fill="${COLORS[op]}"/>`);
    parts.push(`<text x="${lx + 16}" y="${H - 12}" font-size="12">${op === "plan" ? "no-change plan" : op}</text>`);
  });
  parts.push(`<text x="${W - 20}" y="${H - 12}" font-size="10" text-anchor="end">bars: median · whiskers: min–max over repeats</text>`);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif">\n<rect width="${W}" height="${H}" fill="white"/>\n${parts.join("\n")}\n</svg>\n`;
}

function bar(x: number, width: number, s: Summary, y: (v: number) => number, color: string): string {
  if (s.n === 0) return "";
  const mid = x + width / 2;
  return [
    `<rect x="${x.toFixed(1)}" y="${y(s.median).toFixed(1)}" width="${width.toFixed(1)}" height="${(BOTTOM - y(s.median)).toFixed(1)}" fill="${color}"/>`,
    `<line x1="${mid.toFixed(1)}" x2="${mid.toFixed(1)}" y1="${y(s.min).toFixed(1)}" y2="${y(s.max).toFixed(1)}" stroke="#222"/>`,
    `<text x="${mid.toFixed(1)}" y="${(Math.min(y(s.median), y(s.max)) - 5).toFixed(1)}" font-size="10" text-anchor="middle">${s.median.toFixed(2)}</text>`,
  ].join("\n");
}
