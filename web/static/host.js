// The host screen: the players' seats with their QR codes (one large at a time on tap, for scanning across
// the table), the TV's seat, live presence and the pending queue, polled every 2 s from GET /api/host with
// the host token. The host's own link is never among the seats: the relay sends it apart ("host"), and it
// is shown once, folded, marked for the host only.

import { el, clear, load, save, clock } from './util.js';

const $ = (id) => document.getElementById(id);
const POLL_MS = 2000;
const DATA_PNG = 'data:image/png;base64,';

let data = { seats: [] };
let hostToken = '';
let shape = '';
let big = '';

function takeToken() {
  const fromLink = decodeURIComponent(location.hash.replace(/^#/, ''));
  if (location.hash) history.replaceState(null, '', location.pathname + location.search);
  if (/^[A-Za-z0-9_-]{16,256}$/.test(fromLink)) save('hostToken', fromLink);
  return load('hostToken', '');
}

/** One extra read of /api/host now (after a control), beside the regular poll. */
async function refresh() {
  try {
    const res = await fetch('/api/host', { headers: { Authorization: 'Bearer ' + hostToken }, cache: 'no-store' });
    if (res.ok) render(await res.json());
  } catch (e) { /* the regular poll reports it */ }
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

/** A seat's card may show a code only if it is a player or TV seat with a /play link. */
function scannable(s) {
  return s.role !== 'DM' && typeof s.url === 'string' && /\/play#/.test(s.url)
    && typeof s.qrPng === 'string' && s.qrPng.startsWith(DATA_PNG);
}

function render(d) {
  data = d;
  $('h-campaign').textContent = d.campaign || 'Party Mode';
  const seats = (d.seats || []).filter((s) => s.role !== 'DM');
  const players = seats.filter((s) => s.role === 'PLAYER');
  const tvs = seats.filter((s) => s.role !== 'PLAYER');
  const on = players.filter((s) => s.connected).length;
  $('h-state').textContent = on + ' of ' + players.length + ' players connected · updated ' + new Date().toLocaleTimeString();
  $('h-urls').textContent = (d.urls || []).length ? 'Relay: ' + d.urls.join('  ·  ') : '';
  const next = seats.map((s) => s.seatId + '=' + (s.url || '') + '=' + (s.lockedOut ? 'out' : '')).join('|');
  if (next !== shape) {
    shape = next;
    fill($('h-seats'), players);
    fill($('h-tv'), tvs);
    $('h-tv-title').hidden = !tvs.length;
  }
  seats.forEach((s) => presence(document.querySelector('[data-seat="' + CSS.escape(s.seatId) + '"] .presence'), s));
  own(d.host || {});
  room(!!d.locked, tvs.length > 0);
  pending(d.pending || []);
  if (big) show(big);
  document.body.classList.remove('booting');   // the first answer shows the page at once: no layout shift
}

function fill(box, seats) {
  clear(box);
  seats.forEach((s) => {
    const wrap = el('div', 'seat-wrap');
    wrap.appendChild(card(s));
    wrap.appendChild(kickButton(s));
    box.appendChild(wrap);
  });
  if (!seats.length && box.id === 'h-seats') box.appendChild(el('p', 'empty', 'No player seats yet'));
}

function card(s) {
  const ok = scannable(s);
  const c = el(ok ? 'button' : 'article', 'seat');
  c.dataset.seat = s.seatId;
  if (ok) {
    c.type = 'button';
    c.addEventListener('click', () => show(s.seatId));
  }
  c.appendChild(el('span', 'role', s.role === 'PLAYER' ? 'player' : 'TV · shows the public story'));
  c.appendChild(el('span', 'name', s.displayName));
  if (ok) {
    const img = el('img');
    img.src = s.qrPng;
    img.alt = 'QR code for ' + s.displayName;
    c.appendChild(img);
    c.appendChild(el('span', 'enlarge', 'Tap to show large'));
    c.appendChild(el('span', 'link', s.url));
  }
  if (s.lockedOut) c.appendChild(el('span', 'out', 'Locked out: the room is locked'));
  c.appendChild(el('span', 'presence'));
  return c;
}

/** "Remove" needs a second tap within 4 s, so a stray tap never throws a player out. */
function kickButton(s) {
  const b = el('button', 'kick', 'Remove ' + s.displayName);
  b.type = 'button';
  let armed = null;
  b.addEventListener('click', async () => {
    if (!armed) {
      b.classList.add('confirm');
      b.textContent = 'Tap again to remove ' + s.displayName;
      armed = setTimeout(() => { armed = null; b.classList.remove('confirm'); b.textContent = 'Remove ' + s.displayName; }, 4000);
      return;
    }
    clearTimeout(armed);
    armed = null;
    const ok = await control(b, '/api/host/kick', { seatId: s.seatId },
      s.displayName + ' was removed: their code now shows a new link for when they may come back.');
    if (!ok) { b.classList.remove('confirm'); b.textContent = 'Remove ' + s.displayName; }
  });
  return b;
}

function room(locked, hasTv) {
  const r = $('h-room');
  r.className = 'room ' + (locked ? 'locked' : 'open');
  r.textContent = locked ? 'Locked: only players already here can rejoin; new devices are turned away'
    : 'Open: anyone with their seat\'s code can join';
  const b = $('h-lock');
  b.setAttribute('aria-pressed', String(locked));
  b.textContent = locked ? 'Unlock the room' : 'Lock the room';
  $('h-rotate').hidden = !hasTv;
}

/** POSTs a host control; says what happened (or the relay's refusal) under the controls. */
async function control(button, path, body, done) {
  const msg = $('h-ctl-msg');
  button.disabled = true;
  try {
    const res = await fetch(path, { method: 'POST', cache: 'no-store',
      headers: { Authorization: 'Bearer ' + hostToken, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    const answer = await res.json().catch(() => ({}));
    msg.textContent = res.ok ? done : 'Refused: ' + (answer.message || 'HTTP ' + res.status);
    return res.ok;
  } catch (e) {
    msg.textContent = 'The relay did not answer; try again.';
    return false;
  } finally {
    button.disabled = false;
    setTimeout(refresh, 400);
  }
}

$('h-lock').addEventListener('click', () => {
  const locking = $('h-lock').getAttribute('aria-pressed') !== 'true';
  control($('h-lock'), '/api/host/lock', { locked: locking }, locking
    ? 'Room locked: players already here can rejoin; nobody new can join.' : 'Room unlocked: every seat\'s code works again.');
});
$('h-rotate').addEventListener('click', () => control($('h-rotate'), '/api/host/observer/rotate', {},
  'The TV has a new link: the old one stopped working. Scan the new TV code below.'));

function presence(node, s) {
  if (!node) return;
  node.className = 'presence ' + (s.connected ? 'on' : 'off');
  node.textContent = '● ' + (s.connected ? 'connected' + (s.connections > 1 ? ' (' + s.connections + ' devices)' : '')
    : 'not here yet' + (s.lastSeen ? ' · last seen ' + clock(s.lastSeen) : ''));
}

function own(h) {
  $('h-own').hidden = !h.url;
  $('h-own-name').textContent = h.displayName ? 'Seat: ' + h.displayName + ' (you, on this screen)' : '';
  $('h-own-url').textContent = h.url || '';
}

function pending(items) {
  const list = $('h-pending');
  clear(list);
  items.forEach((p) => {
    const li = el('li', null, (p.displayName || '?') + ': ' + p.text);
    li.appendChild(el('small', null, p.status + ' · ' + clock(p.submittedAt)));
    list.appendChild(li);
  });
  if (!list.firstChild) list.appendChild(el('li', 'empty', 'No pending actions'));
}

/** Shows one seat's code full screen; the previous/next buttons and arrow keys step through the seats. */
function show(seatId) {
  const seats = (data.seats || []).filter(scannable);
  const s = seats.find((x) => x.seatId === seatId);
  if (!s) { hide(); return; }
  const opening = !big;
  big = seatId;
  $('big').hidden = false;
  $('big-name').textContent = s.displayName;
  if ($('big-img').src !== s.qrPng) $('big-img').src = s.qrPng;
  $('big-img').alt = 'QR code for ' + s.displayName;
  presence($('big-state'), s);
  if (opening) $('big-close').focus();
}

function step(by) {
  const seats = (data.seats || []).filter(scannable);
  const i = seats.findIndex((x) => x.seatId === big);
  if (seats.length) show(seats[(i + by + seats.length) % seats.length].seatId);
}

function hide() {
  const was = big;
  big = '';
  $('big').hidden = true;
  const c = was && document.querySelector('[data-seat="' + CSS.escape(was) + '"]');
  if (c) c.focus();
}

$('big-close').addEventListener('click', hide);
$('big-next').addEventListener('click', () => step(1));
$('big-prev').addEventListener('click', () => step(-1));
document.addEventListener('keydown', (e) => {
  if (!big) return;
  if (e.key === 'Escape') hide();
  else if (e.key === 'ArrowRight') step(1);
  else if (e.key === 'ArrowLeft') step(-1);
});

const token = takeToken();
hostToken = token;
if (token) poll(token);
else $('gone').hidden = false;
