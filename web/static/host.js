// The host screen: seats with their QR codes and links (for players to scan off this screen), live
// presence and the pending queue, polled every 2 s from GET /api/host with the host token.

import { el, clear, load, save, clock } from './util.js';

const $ = (id) => document.getElementById(id);
const POLL_MS = 2000;
const DATA_PNG = 'data:image/png;base64,';

function takeToken() {
  const fromLink = decodeURIComponent(location.hash.replace(/^#/, ''));
  if (location.hash) history.replaceState(null, '', location.pathname + location.search);
  if (/^[A-Za-z0-9_-]{16,256}$/.test(fromLink)) save('hostToken', fromLink);
  return load('hostToken', '');
}

async function poll(token) {
  try {
    const res = await fetch('/api/host', { headers: { Authorization: 'Bearer ' + token }, cache: 'no-store' });
    const body = res.ok ? null : await res.json().catch(() => ({}));
    if (body && ['unauthorized', 'revoked', 'wrong_role'].includes(body.error)) {
      $('gone').hidden = false;
      $('gone-text').textContent = (body.message || 'This is not a host link.') + ' Open the host link printed by party_start.';
      return;
    }
    if (res.ok) render(await res.json());
    else $('h-state').textContent = 'Relay answered ' + res.status + (body.error ? ' (' + body.error + ')' : '');
  } catch (e) {
    $('h-state').textContent = 'Relay unreachable — retrying…';
  }
  setTimeout(() => poll(token), POLL_MS);
}

function render(d) {
  $('h-campaign').textContent = d.campaign || 'Party Mode';
  const seats = d.seats || [];
  const on = seats.filter((s) => s.connected).length;
  $('h-state').textContent = on + ' of ' + seats.length + ' seats connected · updated ' + new Date().toLocaleTimeString();
  $('h-urls').textContent = (d.urls || []).length ? 'Relay: ' + d.urls.join('  ·  ') : '';
  const box = $('h-seats');
  clear(box);
  seats.forEach((s) => box.appendChild(seat(s)));
  const list = $('h-pending');
  clear(list);
  (d.pending || []).forEach((p) => {
    const li = el('li', null, (p.displayName || '?') + ': ' + p.text);
    li.appendChild(el('small', null, p.status + ' · ' + clock(p.submittedAt)));
    list.appendChild(li);
  });
  if (!list.firstChild) list.appendChild(el('li', 'empty', 'No pending actions'));
}

function seat(s) {
  const card = el('article', 'seat');
  card.appendChild(el('span', 'role', s.role));
  card.appendChild(el('h3', null, s.displayName));
  if (typeof s.qrPng === 'string' && s.qrPng.startsWith(DATA_PNG)) {
    const img = el('img');
    img.src = s.qrPng;
    img.alt = 'QR code for ' + s.displayName;
    card.appendChild(img);
  }
  if (s.url) card.appendChild(el('span', 'link', s.url));
  const state = s.connected ? 'connected' + (s.connections > 1 ? ' (' + s.connections + ')' : '')
    : 'away' + (s.lastSeen ? ' · last seen ' + clock(s.lastSeen) : '');
  card.appendChild(el('p', s.connected ? 'on' : 'off', '● ' + state));
  return card;
}

const token = takeToken();
if (token) poll(token);
else $('gone').hidden = false;
