// Initiative order, turn banner, simultaneous-mode prompt and countdown. Field names are the CombatState
// JSON ones, read through the v() accessor so SheetFieldsTest checks them against the Java record.

import { el, clear, v } from './util.js';

/** Shows combat; tells the caller whether the player may act and when their turn begins. */
export class CombatView {
  constructor(parts, seat, onTurnStart) {
    this.p = parts;
    this.seat = seat;
    this.onTurnStart = onTurnStart;
    this.wasMyTurn = false;
    this.deadline = 0;
    this.gate = { canAct: true, why: '' };
    setInterval(() => this.tick(), 1000);
  }

  /** Applies a combat frame: {combat, yourTurn, onDeck, canAct}. Returns {canAct, why}. */
  update(f) {
    const c = f.combat || {};
    const active = !!v(c, 'active');
    this.p.section.hidden = !active;
    if (!active) {
      this.banner(false, false);
      this.deadline = 0;
      this.gate = { canAct: true, why: '' };
      return this.gate;
    }
    const simultaneous = v(c, 'mode') === 'SIMULTANEOUS';
    this.p.round.textContent = 'Round ' + v(c, 'round') + (simultaneous ? ' · everyone acts' : '');
    this.order(c);
    const prompt = v(c, 'prompt');
    this.p.prompt.hidden = !prompt;
    this.p.prompt.textContent = prompt || '';
    const waiting = this.waitingNames(c);
    this.p.waiting.hidden = !waiting.length;
    this.p.waiting.textContent = waiting.length ? 'Waiting for ' + waiting.join(', ') : '';
    const deadline = v(c, 'deadline');
    this.deadline = deadline ? Date.parse(deadline) : 0;
    this.tick();
    const canAct = typeof f.canAct === 'boolean' ? f.canAct : !!f.yourTurn;
    // Simultaneous prompts have no current combatant: "your move" means the DM waits for you.
    this.banner(simultaneous ? canAct : !!f.yourTurn, !simultaneous && !!f.onDeck, simultaneous);
    const current = this.currentName(c);
    this.gate = { canAct, why: canAct ? '' : (waiting.length ? 'Waiting for ' + waiting.join(', ')
      : current ? 'Waiting for ' + current : 'Not your turn') };
    return this.gate;
  }

  order(c) {
    const list = this.p.list;
    clear(list);
    const cur = v(c, 'currentId'), deck = v(c, 'onDeckId');
    (v(c, 'order') || []).forEach((x) => {
      const id = v(x, 'order[].id');
      const li = el('li');
      if (id === cur) { li.classList.add('current'); li.setAttribute('aria-current', 'step'); }
      if (id === deck) li.classList.add('ondeck');
      if (v(x, 'order[].downed')) li.classList.add('downed');
      if (this.seat.playerId && v(x, 'order[].playerId') === this.seat.playerId) li.classList.add('me');
      li.appendChild(el('span', 'init', v(x, 'order[].initiative')));
      li.appendChild(document.createTextNode(v(x, 'order[].name')));
      const hp = v(x, 'order[].hp'), max = v(x, 'order[].maxHp');
      if (v(x, 'order[].kind') === 'PC' && hp !== undefined) li.appendChild(el('small', null, ' ' + hp + (max ? '/' + max : '')));
      if (v(x, 'order[].holding')) li.appendChild(el('small', null, ' (holding)'));
      if (id === deck) li.appendChild(el('small', null, ' · on deck'));
      list.appendChild(li);
    });
  }

  waitingNames(c) {
    const order = v(c, 'order') || [];
    return (v(c, 'waitingFor') || []).map((pid) => {
      const who = order.find((x) => v(x, 'order[].playerId') === pid);
      return who ? v(who, 'order[].name') : pid;
    });
  }

  currentName(c) {
    const who = (v(c, 'order') || []).find((x) => v(x, 'order[].id') === v(c, 'currentId'));
    return who ? v(who, 'order[].name') : '';
  }

  banner(mine, deck, simultaneous) {
    const b = this.p.banner;
    b.hidden = !mine && !deck;
    b.classList.toggle('deck', !mine && deck);
    b.textContent = mine ? (simultaneous ? 'YOUR MOVE — answer the DM' : 'YOUR TURN') : "On deck — you're next";
    if (mine && !this.wasMyTurn) this.onTurnStart();
    this.wasMyTurn = mine;
  }

  tick() {
    const t = this.p.timer;
    if (!this.deadline || this.p.section.hidden) { t.textContent = ''; return; }
    const left = Math.max(0, Math.round((this.deadline - Date.now()) / 1000));
    t.textContent = left > 0 ? Math.floor(left / 60) + ':' + String(left % 60).padStart(2, '0') + ' left' : "time's up";
  }
}
