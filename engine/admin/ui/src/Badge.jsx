// BadgeWidget designs a credential's badge: a shape, two colours and two
// lines of text, drawn as SVG and kept as a data URI, which an issued
// credential carries as its achievement's image and its badge.svg shows.
// The design rides along in the SVG's <desc>, so the badge can be edited
// again.
import { useMemo } from 'react';

const DEFAULT = { shape: 'circle', background: '#1d3557', accent: '#e9c46a', top: 'CERTIFIED', name: 'Certification' };
const MARK = 'credence-badge:';

const escape = (s) => String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
const color = (c, d) => (/^#[0-9a-fA-F]{6}$/.test(c || '') ? c : d);

// svgOf draws a design.
export function svgOf(design) {
  const d = { ...DEFAULT, ...design };
  const bg = color(d.background, DEFAULT.background);
  const accent = color(d.accent, DEFAULT.accent);
  const shapes = {
    circle: `<circle cx="120" cy="120" r="108" fill="${bg}" stroke="${accent}" stroke-width="10"/>`,
    shield: `<path d="M120 14 L214 48 L206 136 C198 186 160 214 120 228 C80 214 42 186 34 136 L26 48 Z" fill="${bg}" stroke="${accent}" stroke-width="10" stroke-linejoin="round"/>`,
    hexagon: `<polygon points="120,12 214,66 214,174 120,228 26,174 26,66" fill="${bg}" stroke="${accent}" stroke-width="10" stroke-linejoin="round"/>`,
  };
  const words = String(d.name).slice(0, 60);
  const lines = words.length > 18 ? [words.slice(0, words.lastIndexOf(' ', 18) > 0 ? words.lastIndexOf(' ', 18) : 18), words.slice(words.lastIndexOf(' ', 18) > 0 ? words.lastIndexOf(' ', 18) + 1 : 18)] : [words];
  const text = lines
    .map((l, i) => `<text x="120" y="${128 + i * 22 - (lines.length - 1) * 11}" text-anchor="middle" font-family="system-ui,sans-serif" font-size="19" font-weight="700" fill="#fff">${escape(l)}</text>`)
    .join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="240" height="240" viewBox="0 0 240 240"><desc>${escape(MARK + JSON.stringify(d))}</desc>` +
    (shapes[d.shape] || shapes.circle) +
    `<text x="120" y="84" text-anchor="middle" font-family="system-ui,sans-serif" font-size="13" letter-spacing="2" fill="${accent}">${escape(String(d.top).slice(0, 24))}</text>` +
    text +
    `<path d="M84 176 L120 160 L156 176" fill="none" stroke="${accent}" stroke-width="6" stroke-linecap="round"/></svg>`
  );
}

// dataURI encodes SVG text as a data: URI.
export function dataURI(svg) {
  const bytes = new TextEncoder().encode(svg);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return 'data:image/svg+xml;base64,' + btoa(bin);
}

// designOf reads the design back from a badge's data URI.
export function designOf(uri) {
  try {
    const b64 = String(uri || '').split('base64,')[1];
    if (!b64) return null;
    const bin = atob(b64);
    const text = new TextDecoder().decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
    const m = text.match(/<desc>([^<]*)<\/desc>/);
    if (!m) return null;
    const json = m[1].replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
    return json.startsWith(MARK) ? JSON.parse(json.slice(MARK.length)) : null;
  } catch {
    return null;
  }
}

export default function BadgeWidget({ id, value, onChange, disabled, readonly }) {
  const design = useMemo(() => ({ ...DEFAULT, ...(designOf(value) || {}) }), [value]);
  const set = (k, v) => onChange(dataURI(svgOf({ ...design, [k]: v })));
  const off = disabled || readonly;
  return (
    <div className="badge-widget" data-testid="badge-designer" id={id}>
      <div className="badge-controls">
        <label>
          shape{' '}
          <select value={design.shape} disabled={off} onChange={(e) => set('shape', e.target.value)} data-testid="badge-shape">
            {['circle', 'shield', 'hexagon'].map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </label>
        <label>
          background <input type="color" value={design.background} disabled={off} onChange={(e) => set('background', e.target.value)} data-testid="badge-background" />
        </label>
        <label>
          accent <input type="color" value={design.accent} disabled={off} onChange={(e) => set('accent', e.target.value)} data-testid="badge-accent" />
        </label>
        <label>
          top line <input value={design.top} disabled={off} maxLength={24} onChange={(e) => set('top', e.target.value)} data-testid="badge-top" />
        </label>
        <label>
          name <input value={design.name} disabled={off} maxLength={60} onChange={(e) => set('name', e.target.value)} data-testid="badge-name" />
        </label>
        {value && !off ? (
          <button type="button" className="secondary small" onClick={() => onChange(undefined)}>
            No badge
          </button>
        ) : null}
      </div>
      {value ? <img src={value} alt="the badge" className="badge-preview" data-testid="badge-preview" /> : <p className="muted">No badge yet: change a setting to design one.</p>}
    </div>
  );
}
