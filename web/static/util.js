// Small helpers shared by the page's modules: DOM building, safe text, storage, JSON paths.

/** Creates an element with a class and optional text (always as a text node, never parsed as HTML). */
export function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined && text !== null) e.textContent = String(text);
  return e;
}

/** Removes every child of a node. */
export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
}

/**
 * Reads a field by its JSON path in the shared schema. The path is written from the schema's root
 * ('hp.current', 'inventory[].name'); for an array element only the part after the last '[]' is walked.
 * Every path the page reads goes through here so that SheetFieldsTest can check them against the Java records.
 */
export function v(obj, path) {
  const i = path.lastIndexOf('[]');
  const rest = i < 0 ? path : path.slice(i + 3);
  let o = obj;
  for (const k of rest.split('.')) {
    if (o === null || o === undefined) return undefined;
    o = o[k];
  }
  return o;
}

/** A signed modifier: +2, -1. */
export function signed(n) {
  return (n >= 0 ? '+' : '') + n;
}

/**
 * Minimal Markdown (**bold**, *italic*, _italic_, line breaks) built from DOM nodes. The text is never
 * parsed as HTML, so a name like <img onerror=…> renders as the characters it is.
 */
export function rich(text) {
  const frag = document.createDocumentFragment();
  String(text ?? '').split(/\r?\n/).forEach((line, n) => {
    if (n > 0) frag.appendChild(document.createElement('br'));
    inline(frag, line);
  });
  return frag;
}

// No look-behind: iOS Safari before 16.4 rejects it and the whole module would fail to load.
const INLINE = /\*\*([^*]+)\*\*|\*([^*\s][^*]*)\*|(^|\W)_([^_]+)_(?!\w)/g;

function inline(parent, line) {
  let last = 0;
  for (const m of line.matchAll(INLINE)) {
    const start = m.index + (m[3] ? m[3].length : 0);
    if (start > last) parent.appendChild(document.createTextNode(line.slice(last, start)));
    parent.appendChild(el(m[1] !== undefined ? 'strong' : 'em', null, m[1] ?? m[2] ?? m[4]));
    last = m.index + m[0].length;
  }
  if (last < line.length) parent.appendChild(document.createTextNode(line.slice(last)));
}

const PREFIX = 'dm20.';

/** Reads a JSON value from localStorage; storage may be unavailable (private mode), then the fallback. */
export function load(key, fallback) {
  try {
    const s = localStorage.getItem(PREFIX + key);
    return s === null ? fallback : JSON.parse(s);
  } catch (e) {
    return fallback;
  }
}

/** Writes a JSON value to localStorage, silently doing nothing where storage is unavailable or full. */
export function save(key, value) {
  try {
    if (value === undefined) localStorage.removeItem(PREFIX + key);
    else localStorage.setItem(PREFIX + key, JSON.stringify(value));
  } catch (e) {
    /* storage full or disabled: the page still works, it just cannot resume after a reload */
  }
}

/** Local time of an ISO instant as HH:MM, or '' when absent. */
export function clock(iso) {
  const d = iso ? new Date(iso) : null;
  return d && !isNaN(d) ? d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }) : '';
}
