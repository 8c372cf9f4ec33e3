// The narrative feed and the private list: one card per frame, safe text, auto-scroll with a "new" pill.
// The feed stays pinned to the newest card through any layout change (combat panel, keyboard) unless the
// reader scrolled up. Cards name the actor when the frame carries one (`actor`).

import { el, clear, rich, clock } from './util.js';

const MAX_CARDS = 300;
const NEAR_BOTTOM_PX = 48;

const STATUS_WORDS = { queued: 'queued', processing: 'DM is on it', resolved: 'resolved', rejected: 'rejected' };

/** Renders feed frames. Private material is marked and also copied into the private list. */
export class Feed {
  constructor(feed, priv, pill, count, recent) {
    this.feed = feed;
    this.priv = priv;
    this.pill = pill;
    this.count = count;
    this.recent = recent || {};
    this.unread = 0;
    this.mine = new Map();
    this.pinned = true;
    this.lastDm = null;
    this.touched = 0;
    // Only the reader unpins the feed (wheel, touch, keys, scrollbar): scroll events also come from the browser
    // (scroll anchoring on reflow, a resize, our own toBottom() handled after more cards arrived).
    ['wheel', 'touchmove', 'keydown', 'pointerdown'].forEach((k) =>
      feed.addEventListener(k, () => { this.touched = Date.now(); }, { passive: true }));
    feed.addEventListener('scroll', () => {
      if (this.atBottom()) this.pinned = true;
      else if (Date.now() - this.touched < 1500) this.pinned = false;
      if (this.pinned) this.pill.hidden = true;
    }, { passive: true });
    pill.addEventListener('click', () => this.toBottom());
    // A shorter feed (combat starts, the keyboard opens) keeps the newest card in view if it was in view.
    if (window.ResizeObserver) new ResizeObserver(() => { if (this.pinned) this.toBottom(); }).observe(feed);
  }

  atBottom() {
    const f = this.feed;
    return f.scrollHeight - f.scrollTop - f.clientHeight < NEAR_BOTTOM_PX;
  }

  toBottom() {
    this.feed.scrollTop = this.feed.scrollHeight;
    this.pinned = true;
    this.pill.hidden = true;
  }

  reset() {
    clear(this.feed);
    clear(this.priv);
    this.priv.appendChild(el('p', 'empty', 'Whispers and secrets meant only for you appear here.'));
    this.mine.clear();
    this.lastDm = null;
    if (this.recent.rolls) clear(this.recent.rolls);
    if (this.recent.acts) clear(this.recent.acts);
    this.unread = 0;
    this.count.hidden = true;
  }

  /** Adds one frame (narrative, resolution, whisper, roll, or the player's own 'mine' action). */
  add(f, live) {
    const card = this.card(f);
    if (!card) return;
    const stick = !live || this.pinned || this.feed.hidden;
    if (f.type !== 'mine' && f.type !== 'note' && f.type !== 'roll') {
      const prev = this.feed.querySelector('.msg.latest');
      if (prev) prev.classList.remove('latest');
      card.classList.add('latest');
      this.lastDm = f;
    }
    this.side(f);
    this.feed.appendChild(card);
    while (this.feed.childElementCount > MAX_CARDS) this.feed.removeChild(this.feed.firstElementChild);
    const secret = card.classList.contains('priv') ? card : card.querySelector('.priv');
    if (secret && f.type !== 'mine') this.addPrivate(f, secret, live);
    if (stick) this.toBottom();
    else this.pill.hidden = false;
  }

  card(f) {
    switch (f.type) {
      case 'narrative': return this.narrative(f);
      case 'resolution': return this.resolution(f);
      case 'whisper': return msg('priv dm-whisper', 'DM whispers to you', f.text, f.at);
      case 'roll': return this.roll(f);
      case 'mine': return this.own(f);
      case 'note': return msg('note', 'Table', f.text, f.at);
      default: return null;
    }
  }

  narrative(f) {
    if (f.scope === 'private') return msg('priv', 'Only you', f.text, f.at);
    return msg(f.scope === 'party' ? 'party' : '', f.scope === 'party' ? 'Party' : '', f.text, f.at);
  }

  resolution(f) {
    const card = msg('', '', f.narrative, f.at, f.actor);
    if (f.narrative === undefined || f.narrative === '') card.removeChild(card.lastChild);
    if (f.private) {
      const p = el('span', 'priv');
      p.appendChild(el('span', 'meta', 'Only you'));
      p.appendChild(rich(f.private));
      card.appendChild(p);
    }
    return card;
  }

  roll(f) {
    const hidden = f.scope === 'private';
    const card = el('article', 'msg roll' + (hidden ? ' priv' : f.scope === 'party' ? ' party' : ''));
    const meta = el('span', 'meta');
    if (actor(f.actor)) meta.appendChild(el('span', 'who', f.actor + ' · '));
    meta.appendChild(document.createTextNode((hidden ? 'Secret roll · ' : 'Roll · ') + clock(f.at)));
    card.appendChild(meta);
    const line = el('div');
    line.appendChild(document.createTextNode('⚄ ' + (f.label ? f.label + ': ' : '') + f.notation + ' → '));
    line.appendChild(el('span', 'dice', '[' + (f.dice || []).join(', ') + ']'));
    if (f.kept !== undefined && f.kept !== null) line.appendChild(document.createTextNode(' kept ' + f.kept));
    if (f.modifier) line.appendChild(document.createTextNode(' ' + (f.modifier > 0 ? '+' : '') + f.modifier));
    line.appendChild(document.createTextNode(' = '));
    line.appendChild(el('span', 'total', f.total));
    card.appendChild(line);
    return card;
  }

  own(f) {
    const card = msg('mine' + (f.private ? ' priv' : ''), f.private ? 'You, privately to the DM' : 'You', f.text, f.at);
    const chip = el('span', 'status');
    card.appendChild(chip);
    card.dataset.actionId = f.actionId;
    this.mine.set(f.actionId, chip);
    paint(chip, f.status, f.reason);
    return card;
  }

  /** The latest-rolls and who-acted lists (shown on the TV): newest first, five each. */
  side(f) {
    const list = f.type === 'roll' ? this.recent.rolls : f.type === 'resolution' && actor(f.actor) ? this.recent.acts : null;
    if (!list || f.scope === 'private') return;
    const li = el('li');
    if (actor(f.actor)) li.appendChild(el('span', 'who', f.actor + ' '));
    li.appendChild(document.createTextNode(f.type === 'roll' ? (f.label || f.notation) + ': ' + f.total
      : String(f.narrative || '').replace(/[*_]/g, '').slice(0, 90)));
    list.insertBefore(li, list.firstChild);
    while (list.childElementCount > 5) list.removeChild(list.lastChild);
  }

  /** The DM's latest words (narrative, whisper or resolution text), for the prompt shown while typing. */
  latestDmText() {
    const f = this.lastDm;
    if (!f) return '';
    return f.type === 'resolution' ? (f.narrative || f.private || '') : (f.text || '');
  }

  /** True if this page shows the player's own bubble for the action. */
  hasAction(id) {
    return this.mine.has(id);
  }

  /** Updates the status chip of one of the player's own actions. */
  status(id, status, reason) {
    const chip = this.mine.get(id);
    if (chip) paint(chip, status, reason);
    if (this.pinned) this.toBottom();
  }

  addPrivate(f, node, live) {
    const empty = this.priv.querySelector('.empty');
    if (empty) empty.remove();
    const copy = node.closest('.msg').cloneNode(true);
    copy.removeAttribute('data-action-id');
    this.priv.appendChild(copy);
    if (live && this.priv.hidden) {
      this.unread++;
      this.count.textContent = String(this.unread);
      this.count.hidden = false;
    }
  }

  privateSeen() {
    this.unread = 0;
    this.count.hidden = true;
  }
}

function actor(a) {
  return typeof a === 'string' && a.trim() !== '';
}

function msg(cls, label, text, at, who) {
  const card = el('article', ('msg ' + cls).trim());
  const t = clock(at);
  if (label || t || actor(who)) {
    const meta = el('span', 'meta');
    if (actor(who)) meta.appendChild(el('span', 'who', who + (label || t ? ' · ' : '')));
    meta.appendChild(document.createTextNode([label, t].filter(Boolean).join(' · ')));
    card.appendChild(meta);
  }
  const body = el('div', 'text');
  body.appendChild(rich(text));
  card.appendChild(body);
  return card;
}

function paint(chip, status, reason) {
  chip.dataset.status = status;
  chip.textContent = (STATUS_WORDS[status] || status) + (reason ? ': ' + reason : '');
}
