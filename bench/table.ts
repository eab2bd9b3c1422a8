/** One row of the benchmark table. */
export interface Row {
  measure: string;
  value: string;
  baseline: string;
  ratio: string;
  target: string;
  /** undefined: no target for this row. */
  met: boolean | undefined;
}

const header: Row = { measure: "measure", value: "value", baseline: "baseline", ratio: "ratio", target: "target", met: undefined };

/** The rows as one Markdown table (readable as plain text too). */
export function formatTable(rows: readonly Row[]): string {
  const cells = (r: Row, isHeader: boolean) => [
    r.measure,
    r.value,
    r.baseline,
    r.ratio,
    r.target,
    isHeader ? "met?" : r.met === undefined ? "–" : r.met ? "yes" : "NO",
  ];
  const all = [cells(header, true), ...rows.map((r) => cells(r, false))];
  const widths = all[0]!.map((_, i) => Math.max(...all.map((row) => row[i]!.length)));
  const line = (row: string[]) => "| " + row.map((c, i) => c.padEnd(widths[i]!)).join(" | ") + " |";
  const rule = "|" + widths.map((w) => "-".repeat(w + 2)).join("|") + "|";
  return [line(all[0]!), rule, ...all.slice(1).map(line)].join("\n");
}

/** 1234567 → "1,234,567"; with `digits`, that many decimals. */
export function num(n: number, digits = 0): string {
  return n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** A rate, e.g. "2,345,678 events/s". */
export function perSecond(count: number, ms: number, unit: string): string {
  return `${num((count * 1000) / ms)} ${unit}/s`;
}

/** A ratio shown with sensible precision: 1.23x, 45.6x, 1,234x. */
export function times(ratio: number): string {
  return ratio >= 100 ? `${num(ratio)}x` : ratio >= 10 ? `${num(ratio, 1)}x` : `${num(ratio, 2)}x`;
}
