// Reports: the program's saved queries (_reports) drawn as charts and
// tables, each downloadable as CSV. An aggregate runs GET
// /api/{collection}/_aggregate, an item analysis GET .../_itemAnalysis,
// with the signed-in caller's own access.
import { useEffect, useRef, useState } from 'react';
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';
import { api, request, session } from './api.js';

Chart.register(BarController, BarElement, CategoryScale, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip);

const COLORS = ['#2563eb', '#16a34a', '#dc2626', '#9333ea', '#ea580c', '#0891b2', '#ca8a04', '#db2777'];

// query is the parameters of a report's request.
function query(r) {
  const q = {};
  for (const k of ['filter', 'bucket', 'tz', 'items', 'passed', 'minSeen']) if (r[k] !== undefined && r[k] !== '') q[k] = r[k];
  if (r.groupBy && r.groupBy.length) q.groupBy = r.groupBy.join(',');
  if (r.metrics && r.metrics.length) q.metrics = r.metrics.join(',');
  return q;
}

const path = (r) => `/api/${encodeURIComponent(r.collection)}/${r.kind === 'items' ? '_itemAnalysis' : '_aggregate'}`;

// keyLabel names a row by its group values, the bucket left out.
function keyLabel(key, fields) {
  return fields.map((f) => (key[f] === null || key[f] === undefined ? '(none)' : String(key[f]))).join(' · ') || 'all';
}

// chartData lays an aggregate out for Chart.js: with a bucket and groups,
// a line per group of the first metric over the buckets; otherwise a
// dataset per metric over the groups (or buckets).
function chartData(res) {
  const groups = res.groupBy || [];
  const bucket = res.bucket && res.bucket.field;
  const metrics = res.metrics || [];
  if (bucket && groups.length) {
    const labels = [...new Set(res.rows.map((r) => r.key[bucket]))].sort();
    const series = new Map();
    for (const row of res.rows) {
      const name = keyLabel(row.key, groups);
      if (!series.has(name)) series.set(name, new Map());
      series.get(name).set(row.key[bucket], row[metrics[0]]);
    }
    return {
      labels,
      datasets: [...series.entries()].map(([name, m], i) => ({
        label: `${name}: ${metrics[0]}`,
        data: labels.map((l) => m.get(l) ?? null),
        backgroundColor: COLORS[i % COLORS.length],
        borderColor: COLORS[i % COLORS.length],
      })),
    };
  }
  const labels = res.rows.map((r) => (bucket ? r.key[bucket] : keyLabel(r.key, groups)));
  return {
    labels,
    datasets: metrics.map((m, i) => ({
      label: m,
      data: res.rows.map((r) => r[m]),
      yAxisID: m.startsWith('rate:') ? 'rate' : 'y',
      backgroundColor: COLORS[i % COLORS.length],
      borderColor: COLORS[i % COLORS.length],
    })),
  };
}

function ChartView({ report, res }) {
  const canvas = useRef(null);
  useEffect(() => {
    if (!canvas.current) return undefined;
    const data = chartData(res);
    const rates = data.datasets.some((d) => d.yAxisID === 'rate');
    const chart = new Chart(canvas.current, {
      type: report.chart === 'line' ? 'line' : 'bar',
      data,
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        scales: {
          y: { beginAtZero: true },
          ...(rates ? { rate: { position: 'right', min: 0, max: 1, grid: { drawOnChartArea: false } } } : {}),
        },
        plugins: { legend: { position: 'bottom' } },
      },
    });
    return () => chart.destroy();
  }, [report, res]);
  return (
    <div className="chart" style={{ position: 'relative', height: 260 }}>
      <canvas ref={canvas} data-testid={`chart-${report.id}`} aria-label={report.title} role="img" />
    </div>
  );
}

function AggregateTable({ res }) {
  const groups = res.groupBy || [];
  const bucket = res.bucket && res.bucket.field;
  const cols = [...groups, ...(bucket ? [bucket] : [])];
  const fmt = (v) => (typeof v === 'number' ? String(Math.round(v * 1000) / 1000) : v === null || v === undefined ? '' : String(v));
  return (
    <table>
      <thead>
        <tr>
          {cols.map((c) => (
            <th key={c}>{c}</th>
          ))}
          {res.metrics.map((m) => (
            <th key={m}>{m}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {res.rows.map((r, i) => (
          <tr key={i}>
            {cols.map((c) => (
              <td key={c}>{fmt(r.key[c])}</td>
            ))}
            {res.metrics.map((m) => (
              <td key={m}>{fmt(r[m])}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const num = (v, d = 2) => (v === null || v === undefined ? '–' : Number(v).toFixed(d));

function ItemsView({ report, res }) {
  const t = res.test;
  const canvas = useRef(null);
  useEffect(() => {
    if (!canvas.current) return undefined;
    const chart = new Chart(canvas.current, {
      type: 'bar',
      data: {
        labels: t.distribution.map((b) => `${b.from}–${b.to === 100 ? 100 : b.to - 1}%`),
        datasets: [{ label: 'responses', data: t.distribution.map((b) => b.count), backgroundColor: COLORS[0] }],
      },
      options: { animation: false, responsive: true, maintainAspectRatio: false, plugins: { legend: { display: false } } },
    });
    return () => chart.destroy();
  }, [res]);
  return (
    <div>
      <p className="muted" data-testid={`summary-${report.id}`}>
        {res.responses} responses · mean {num(t.meanPercent, 1)}% · {t.kr20 ? 'KR-20' : 'alpha'} {num(t.alpha)} · SEM {num(t.sem)} ·
        pass rate {t.passRate === null ? '–' : `${num(t.passRate * 100, 0)}%`}
      </p>
      <div className="chart" style={{ position: 'relative', height: 180 }}>
        <canvas ref={canvas} data-testid={`chart-${report.id}`} aria-label={`${report.title}: score distribution`} role="img" />
      </div>
      <table data-testid={`items-${report.id}`}>
        <thead>
          <tr>
            <th>Question</th>
            <th>Seen</th>
            <th>Difficulty</th>
            <th>Discrimination</th>
            <th>Options (key first)</th>
            <th>Flags</th>
          </tr>
        </thead>
        <tbody>
          {res.items.map((it) => (
            <tr key={it.item} className={it.flags.some((f) => f.code !== 'few-responses') ? 'flagged' : ''}>
              <td>{it.item}</td>
              <td>{it.seen}</td>
              <td>{num(it.difficulty)}</td>
              <td>{num(it.discrimination)}</td>
              <td>{(it.options || []).map((o) => `${o.key ? '✓' : ''}${o.option} ${num(o.proportion * 100, 0)}%`).join(', ')}</td>
              <td>
                {[...new Set(it.flags.map((f) => f.code))].map((code) => {
                  const same = it.flags.filter((f) => f.code === code);
                  return (
                    <span key={code} className="flag" title={same.map((f) => f.detail).join('\n')}>
                      {code}
                      {same.length > 1 ? ` ×${same.length}` : ''}
                    </span>
                  );
                })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

// itemsCSV is the item table as CSV.
function itemsCSV(res) {
  const cell = (v) => {
    const s = v === null || v === undefined ? '' : String(v);
    const safe = /^[=+\-@\t\r]/.test(s) ? "'" + s : s;
    return /[",\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  const lines = [['item', 'seen', 'max', 'difficulty', 'discrimination', 'flags'].join(',')];
  for (const it of res.items) {
    lines.push([it.item, it.seen, it.max, it.difficulty, it.discrimination, it.flags.map((f) => f.code).join(' ')].map(cell).join(','));
  }
  return lines.join('\n') + '\n';
}

// download saves text as a file the browser offers.
function download(name, text) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

async function csvOf(report, res) {
  if (report.kind === 'items') return itemsCSV(res);
  const q = new URLSearchParams(query(report)).toString();
  const r = await fetch(`${path(report)}.csv?${q}`, {
    headers: session.key() ? { Authorization: `Bearer ${session.key()}` } : {},
    cache: 'no-store',
  });
  if (!r.ok) throw new Error(`${r.status} ${r.statusText}`);
  return r.text();
}

function ReportCard({ report, tick = 0 }) {
  const [res, setRes] = useState(null);
  const [error, setError] = useState(null);
  const [csv, setCSV] = useState(null);
  useEffect(() => {
    let live = true;
    request('GET', path(report), { query: query(report) })
      .then((r) => live && setRes(r.data))
      .catch((e) => live && setError(e.message || String(e)));
    return () => {
      live = false;
    };
  }, [report, tick]);
  return (
    <section className="card report" data-testid={`report-${report.id}`}>
      <div className="page-head">
        <h3>{report.title}</h3>
        <button
          type="button"
          className="secondary"
          data-testid={`csv-${report.id}`}
          disabled={!res}
          onClick={async () => {
            try {
              const text = await csvOf(report, res);
              setCSV(text);
              download(`${report.id}.csv`, text);
            } catch (e) {
              setError(`CSV: ${e.message}`);
            }
          }}
        >
          Download CSV
        </button>
      </div>
      {report.description ? <p className="muted">{report.description}</p> : null}
      {error ? (
        <p className="text-danger" data-testid="problem">
          {error}
        </p>
      ) : null}
      {!res && !error ? <p className="muted">Loading…</p> : null}
      {res && report.kind === 'items' ? <ItemsView report={report} res={res} /> : null}
      {res && report.kind !== 'items' ? (
        res.rows.length === 0 ? (
          <p className="muted">No documents yet.</p>
        ) : (
          <>
            {report.chart !== 'table' ? <ChartView report={report} res={res} /> : null}
            <details open={report.chart === 'table'}>
              <summary>Table</summary>
              <AggregateTable res={res} />
            </details>
          </>
        )
      ) : null}
      {csv !== null ? (
        <pre hidden data-testid={`csv-text-${report.id}`}>
          {csv}
        </pre>
      ) : null}
    </section>
  );
}

export default function Reports() {
  const [reports, setReports] = useState(null);
  const [error, setError] = useState(null);
  useEffect(() => {
    api
      .list('_reports', { limit: 1000 })
      .then((p) => setReports(p.items || []))
      .catch((e) => setError(e.message || String(e)));
  }, []);
  const sections = new Map();
  const byOrder = (a, b) =>
    (a.order ?? 0) - (b.order ?? 0) || String(a.section || '').localeCompare(String(b.section || '')) || a.title.localeCompare(b.title);
  for (const r of [...(reports || [])].sort(byOrder)) {
    const s = r.section || 'Reports';
    if (!sections.has(s)) sections.set(s, []);
    sections.get(s).push(r);
  }
  return (
    <div className="page" data-testid="reports">
      <div className="page-head">
        <h1>Reports</h1>
        <div className="actions">
          <a className="button secondary" href="/admin/c/_reports/new">
            New report
          </a>
        </div>
      </div>
      <p className="muted">
        Each report is a document of <code>_reports</code>: a collection, groups, a time bucket, metrics and a filter (or an item
        analysis of scored responses), run with your access.
      </p>
      {error ? <p className="text-danger">{error}</p> : null}
      {reports && reports.length === 0 ? <p className="muted">No reports yet.</p> : null}
      {[...sections.entries()].map(([name, list]) => (
        <div key={name}>
          <h2>{name}</h2>
          <div className="reports">
            {list.map((r) => (
              <ReportCard key={r.id} report={r} />
            ))}
          </div>
        </div>
      ))}
    </div>
  );
}

// ReportsPreview draws the first reports, by order, for the dashboard.
// ReportsPreview draws the first reports; a new tick reads them again.
export function ReportsPreview({ limit = 2, tick = 0 }) {
  const [reports, setReports] = useState([]);
  useEffect(() => {
    api
      .list('_reports', { limit: 1000 })
      .then((p) => setReports([...(p.items || [])].sort((a, b) => (a.order ?? 0) - (b.order ?? 0)).filter((r) => r.kind !== 'items').slice(0, limit)))
      .catch(() => setReports([]));
  }, [limit]);
  if (!reports.length) return null;
  return (
    <div data-testid="dashboard-reports">
      <h2>Program activity</h2>
      <div className="reports">
        {reports.map((r) => (
          <ReportCard key={r.id} report={r} tick={tick} />
        ))}
      </div>
    </div>
  );
}
