// The narrative feed and the private list: one card per frame, safe text, auto-scroll with a "new" pill.

import { el, clear, rich, clock } from './util.js';

const MAX_CARDS = 300;
const NEAR_BOTTOM_PX = 48;

const STATUS_WORDS = { queued: 'queued', processing: 'DM is on it', resolved: 'resolved', rejected: 'rejected' };

/** Renders feed frames. Private material is marked and also copied into the private list. */
export class Feed {
  constructor(feed, priv, pill, count) {
    this.feed = feed;
    this.priv = priv;
    this.pill = pill;
    this.count = count;
    this.unread = 0;
    this.mine = new Map();
    feed.addEventListener('scroll', () => { if (this.atBottom()) this.pill.hidden = true; }, { passive: true });
    pill.addEventListener('click', () => this.toBottom());
  }

  atBottom() {
    const f = this.feed;
    return f.scrollHeight - f.scrollTop - f.clientHeight < NEAR_BOTTOM_PX;
  }

  toBottom() {
    this.feed.scrollTop = this.feed.scrollHeight;
    this.pill.hidden = true;
  }

  reset() {
    clear(this.feed);
    clear(this.priv);
    this.priv.appendChild(el('p', 'empty', 'Whispers and secrets meant only for you appear here.'));
    this.mine.clear();
    this.unread = 0;
    this.count.hidden = true;
  }

  /** Adds one frame (narrative, resolution, whisper, roll, or the player's own 'mine' action). */
  add(f, live) {
    const card = this.card(f);
    if (!card) return;
    const stick = !live || this.atBottom();
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
      default: return null;
    }
  }

  narrative(f) {
    if (f.scope === 'private') return msg('priv', 'Only you', f.text, f.at);
    return msg(f.scope === 'party' ? 'party' : '', f.scope === 'party' ? 'Party' : '', f.text, f.at);
  }

  resolution(f) {
    const card = msg('', '', f.narrative, f.at);
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
    card.appendChild(el('span', 'meta', (hidden ? 'Secret roll · ' : 'Roll · ') + clock(f.at)));
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

  /** True if this page shows the player's own bubble for the action. */
  hasAction(id) {
    return this.mine.has(id);
  }

  /** Updates the status chip of one of the player's own actions. */
  status(id, status, reason) {
    const chip = this.mine.get(id);
    if (chip) paint(chip, status, reason);
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

function msg(cls, label, text, at) {
  const card = el('article', ('msg ' + cls).trim());
  const t = clock(at);
  if (label || t) card.appendChild(el('span', 'meta', [label, t].filter(Boolean).join(' · ')));
  const body = el('div', 'text');
  body.appendChild(rich(text));
  card.appendChild(body);
  return card;
}

function paint(chip, status, reason) {
  chip.dataset.status = status;
  chip.textContent = (STATUS_WORDS[status] || status) + (reason ? ': ' + reason : '');
}
