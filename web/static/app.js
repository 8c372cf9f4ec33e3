// The player page's composition root: token intake, session cache, frame dispatch.

import { load, save } from './util.js';
import { Connection } from './conn.js';
import { Feed } from './feed.js';
import { SheetView } from './sheet.js';
import { CombatView } from './combat.js';
import { ActionBox } from './action.js';
import { Cue } from './sound.js';
import { ReadAloud, HoldToTalk, keepAwake } from './voice.js';

const $ = (id) => document.getElementById(id);
const FEED_TYPES = new Set(['narrative', 'resolution', 'whisper', 'roll']);
const MAX_CACHED = 200;
const TOKEN = /^[A-Za-z0-9_-]{16,256}$/;

/** Moves a token from the URL fragment into storage and off the address bar; a new token drops the old cache. */
function takeToken() {
  const fromLink = decodeURIComponent(location.hash.replace(/^#/, ''));
  if (location.hash) history.replaceState(null, '', location.pathname + location.search);
  if (TOKEN.test(fromLink)) {
    if (fromLink !== load('token', '')) save('session', undefined);
    save('token', fromLink);
    return fromLink;
  }
  return load('token', '');
}

function emptySession() {
  return { epoch: '', seq: null, items: [], sheet: null, combat: null, role: '' };
}

class App {
  constructor(token) {
    this.token = token;
    this.s = load('session', null) || emptySession();
    this.seen = new Set(this.s.items.filter((i) => i.seq != null).map((i) => i.seq));
    this.seat = { role: '', playerId: '' };
    this.historyUntil = Infinity;
    this.saveTimer = 0;
    this.cue = new Cue($('mute'));
    this.feed = new Feed($('feed'), $('private'), $('new-pill'), $('priv-count'),
      { rolls: $('recent-rolls'), acts: $('recent-acts') });
    this.aloud = new ReadAloud($('speak'));
    this.talk = new HoldToTalk($('talk'), $('action-text'));
    this.sheet = new SheetView({ bar: $('charbar'), panel: $('sheet'), body: $('sheet-body'), title: $('sheet-title'),
      close: $('sheet-close'), parts: { name: $('cb-name'), hp: $('cb-hp'), fill: $('cb-hpfill'), ac: $('cb-ac'),
        level: $('cb-level'), conds: $('cb-conds') },
      onRoll: (kind, name, edge) => this.request('/api/roll', { kind, name, edge }) });
    this.combat = new CombatView({ section: $('combat'), round: $('combat-round'), timer: $('combat-timer'),
      prompt: $('combat-prompt'), list: $('initiative'), waiting: $('combat-waiting'), banner: $('turn-banner'),
      endTurn: $('end-turn') },
      this.seat, () => this.turnStarts());
    this.action = new ActionBox({ form: $('action'), text: $('action-text'), send: $('send'), whisper: $('whisper'),
      note: $('action-note') }, token, (a) => this.queued(a), () => this.gone('auth', ''));
    this.conn = new Connection(token, { frame: (f) => this.frame(f), state: (k, t) => this.connState(k, t),
      fatal: (k, r) => this.gone(k, r), hello: () => this.hello() });
    this.tabs();
    this.typing();
    keepAwake();
    window.addEventListener('pagehide', () => this.persist());
    $('end-turn').addEventListener('click', () => this.endTurn());
  }

  start() {
    this.s.items.forEach((i) => this.feed.add(i, false));
    this.ask();
    if (this.s.sheet) this.sheet.update(this.s.sheet);
    if (this.s.combat) this.applyCombat(this.s.combat);
    // A first visit does not know its seat's role (player or TV layout) before the welcome: until then only the
    // top bar shows, so nothing on screen moves when the layout settles (layout shift). A cached role shows now.
    if (this.s.role) this.layout(this.s.role);
    this.conn.start();
  }

  hello() {
    return this.s.seq != null && this.s.epoch ? { since: this.s.seq, epoch: this.s.epoch } : {};
  }

  frame(f) {
    if (f.epoch && this.s.epoch && f.epoch !== this.s.epoch) this.reset(f.epoch);
    if (typeof f.seq === 'number') {
      if (FEED_TYPES.has(f.type) && this.seen.has(f.seq)) return;
      this.s.seq = this.s.seq == null ? f.seq : Math.max(this.s.seq, f.seq);
    }
    this.dispatch(f);
    if (typeof f.seq === 'number' || f.type === 'action_status') this.persistSoon();
  }

  dispatch(f) {
    switch (f.type) {
      case 'welcome': return this.welcome(f);
      case 'action_status': return this.status(f);
      case 'sheet': this.s.sheet = f.sheet; return this.sheet.update(f.sheet);
      // A turn that timed out is said by the server, as a narrative line: the page derives nothing from the frames.
      case 'combat': this.s.combat = f; return this.applyCombat(f);
      case 'thinking': return this.thinking(f);
      case 'reload': this.reset(''); return this.connState('connecting', 'Reloading…');
      case 'closing': return this.connState('closed', f.reason || 'Closed');
      case 'error': return console.warn('relay:', f.error, f.message);
      default:
        if (FEED_TYPES.has(f.type)) this.remember(f);
    }
  }

  welcome(f) {
    this.historyUntil = typeof f.lastSeq === 'number' ? f.lastSeq : Infinity;
    const seat = f.seat || {};
    Object.assign(this.seat, { role: seat.role || '', playerId: seat.playerId || '' });
    if (this.s.epoch && f.epoch !== this.s.epoch) this.reset(f.epoch);
    this.s.epoch = f.epoch;
    $('campaign').textContent = f.campaign || 'dm20';
    document.title = (f.campaign ? f.campaign + ' · ' : '') + (seat.displayName || 'dm20 Party');
    const player = seat.role === 'PLAYER';
    this.s.role = seat.role || '';
    this.layout(this.s.role);
    $('action').hidden = !player;
    if (!player) { $('charbar').hidden = true; $('sheet').hidden = true; }
    else if (!this.s.sheet) {
      $('charbar').hidden = false;
      $('charbar').classList.add('nosheet');
      $('cb-name').textContent = seat.displayName || '';
    }
    document.body.dataset.role = seat.role || '';
    if (!document.body.dataset.ready) {
      document.body.dataset.ready = 'true';
      performance.mark('dm20-ready');
    }
  }

  remember(f) {
    if (typeof f.seq === 'number') this.seen.add(f.seq);
    this.s.items.push(f);
    this.trim();
    this.feed.add(f, true);
    this.speak(f);
    this.ask();
    if (f.type === 'resolution') this.thinking({ thinking: false });
  }

  trim() {
    while (this.s.items.length > MAX_CACHED) {
      const old = this.s.items.shift();
      if (old.seq != null) this.seen.delete(old.seq);
    }
  }

  /** Reads a live frame aloud if this device asked for it: the TV reads the public story, a phone its own. */
  speak(f) {
    const tv = this.seat.role === 'OBSERVER';
    if (f.type === 'narrative' && (!tv || f.scope === 'public')) this.aloud.say(f.text);
    else if (f.type === 'whisper' && !tv) this.aloud.say(f.text);
    else if (f.type === 'resolution') this.aloud.say([f.narrative, tv ? '' : f.private].filter(Boolean).join('. '));
  }

  /** The DM's latest words above the action box while typing (the story shrinks when the keyboard opens). */
  ask() {
    const box = $('ask');
    const text = this.feed.latestDmText();
    const typing = document.body.classList.contains('typing');
    box.textContent = text ? 'DM: ' + text.replace(/[*_]/g, '') : '';
    box.hidden = !typing || !text || !$('combat-prompt').hidden;
  }

  typing() {
    const t = $('action-text');
    t.addEventListener('focus', () => { document.body.classList.add('typing'); this.ask(); });
    t.addEventListener('blur', () => { document.body.classList.remove('typing'); this.ask(); });
  }

  queued(a) {
    if (this.feed.hasAction(a.actionId)) return;
    const item = { type: 'mine', actionId: a.actionId, text: a.text, private: a.private, status: a.status,
      at: new Date().toISOString() };
    this.s.items.push(item);
    this.trim();
    this.feed.add(item, false);
    this.persistSoon();
  }

  status(f) {
    const item = this.s.items.find((i) => i.type === 'mine' && i.actionId === f.actionId);
    if (!item) {
      this.queued({ actionId: f.actionId, text: '(your earlier action)', private: false, status: f.status });
      this.fetchText(f.actionId);
    }
    const it = item || this.s.items.find((i) => i.type === 'mine' && i.actionId === f.actionId);
    it.status = f.status;
    it.reason = f.reason;
    this.feed.status(f.actionId, f.status, f.reason);
  }

  async fetchText(id) {
    try {
      const res = await fetch('/action/' + encodeURIComponent(id), { headers: { Authorization: 'Bearer ' + this.token }, cache: 'no-store' });
      if (!res.ok) return;
      const a = await res.json();
      const card = document.querySelector('#feed [data-action-id="' + CSS.escape(id) + '"] .text');
      const item = this.s.items.find((i) => i.type === 'mine' && i.actionId === id);
      if (card && typeof a.text === 'string') card.textContent = a.text;
      if (item && typeof a.text === 'string') { item.text = a.text; item.private = !!a.private; this.persistSoon(); }
    } catch (e) { /* the placeholder text stays */ }
  }

  applyCombat(f) {
    this.action.setGate(this.combat.update(f));
  }

  turnStarts() {
    this.cue.play();
    if (document.hidden) document.title = '⚔ YOUR TURN';
    document.addEventListener('visibilitychange', () => { document.title = document.title.replace('⚔ YOUR TURN', 'dm20 Party'); }, { once: true });
  }

  thinking(f) {
    $('thinking').hidden = !f.thinking;
    $('thinking-text').textContent = f.thinking ? (f.label ? 'DM is thinking… ' + f.label : 'DM is thinking…') : '';
  }

  reset(epoch) {
    this.s = emptySession();
    this.s.epoch = epoch;
    this.seen.clear();
    this.feed.reset();
    this.applyCombat({ combat: { active: false } });
    this.persist();
  }

  /** POSTs a request (a roll, the end of a turn); '' when queued, else what the player should know. */
  async request(path, body) {
    try {
      const res = await fetch(path, { method: 'POST', cache: 'no-store', body: JSON.stringify(body),
        headers: { Authorization: 'Bearer ' + this.token, 'Content-Type': 'application/json' } });
      if (res.ok) return '';
      const answer = await res.json().catch(() => ({}));
      if (answer.error === 'room_locked') return 'The DM has locked the room.';
      if (answer.error === 'too_many_actions') return 'Too many requests — wait a minute, then try again.';
      return answer.message ? answer.message.charAt(0).toUpperCase() + answer.message.slice(1) + '.' : 'Refused (HTTP ' + res.status + ').';
    } catch (e) {
      return 'Could not reach the table — nothing was sent. Try again.';
    }
  }

  async endTurn() {
    const b = $('end-turn');
    b.disabled = true;
    const problem = await this.request('/api/turn/end', {});
    b.disabled = false;
    this.action.note(problem || 'Turn ended — the next combatant is up.', !!problem);
  }

  /** The TV layout for an observer seat; shows the page below the top bar (hidden while booting). */
  layout(role) {
    document.body.classList.toggle('tv', role === 'OBSERVER');
    document.documentElement.classList.toggle('tv', role === 'OBSERVER');
    document.body.classList.remove('booting');
  }

  connState(kind, text) {
    const c = $('conn');
    c.dataset.state = kind;
    $('conn-text').textContent = text;
    document.body.dataset.conn = kind;
  }

  gone(kind, reason) {
    $('gone').hidden = false;
    if (kind === 'locked') {
      $('gone-title').textContent = 'The DM has locked the room';
      $('gone-text').textContent = 'No new players can join right now. Ask the host to unlock the room, then reload this page.';
      this.connState('closed', 'Room locked');
      return;
    }
    $('gone-title').textContent = kind === 'role' ? 'This seat cannot join here' : 'This link no longer works';
    $('gone-text').textContent = (reason ? reason + '. ' : '') + 'Ask the host for a new code, then scan it again.';
    this.connState('closed', 'Signed out');
    save('session', undefined);
  }

  tabs() {
    const show = (priv) => {
      $('feed').hidden = priv;
      $('private').hidden = !priv;
      $('tab-feed').setAttribute('aria-selected', String(!priv));
      $('tab-private').setAttribute('aria-selected', String(priv));
      $('tab-feed').tabIndex = priv ? -1 : 0;
      $('tab-private').tabIndex = priv ? 0 : -1;
      if (priv) this.feed.privateSeen();
      $('new-pill').hidden = true;
    };
    $('tab-feed').addEventListener('click', () => show(false));
    $('tab-private').addEventListener('click', () => show(true));
    $('tabs').addEventListener('keydown', (e) => {
      if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
      const priv = $('private').hidden;
      show(priv);
      $(priv ? 'tab-private' : 'tab-feed').focus();
    });
  }

  persistSoon() {
    if (!this.saveTimer) this.saveTimer = setTimeout(() => this.persist(), 250);
  }

  persist() {
    clearTimeout(this.saveTimer);
    this.saveTimer = 0;
    if ($('gone').hidden) save('session', this.s);
  }
}

const token = takeToken();
if (!token) {
  $('gone').hidden = false;
  $('gone-title').textContent = 'No seat link';
  $('gone-text').textContent = 'Scan the QR code the host shows you to join the table.';
} else {
  window.dm20 = new App(token);
  window.dm20.start();
}
