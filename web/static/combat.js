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

  /**
   * Applies a combat frame: {combat, yourTurn, onDeck, canAct}. Returns {canAct, why}. A turn that timed out is
   * told by the server as a narrative line ("Time ran out for …"), not derived here.
   */
  update(f) {
    const c = f.combat || {};
    const active = !!v(c, 'active');
    this.p.section.hidden = !active;
    if (!active) {
      this.banner(false, false, false);
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
    // Everyone acts at once in a simultaneous round: no current or on-deck combatant, only who answered.
    const simultaneous = v(c, 'mode') === 'SIMULTANEOUS';
    const cur = simultaneous ? undefined : v(c, 'currentId'), deck = simultaneous ? undefined : v(c, 'onDeckId');
    const waiting = v(c, 'waitingFor') || [];
    (v(c, 'order') || []).forEach((x) => {
      const id = v(x, 'order[].id');
      const li = el('li');
      const pc = v(x, 'order[].kind') === 'PC';
      if (id === cur) { li.classList.add('current'); li.setAttribute('aria-current', 'step'); }
      if (id === deck) li.classList.add('ondeck');
      const pid = v(x, 'order[].playerId');
      if (simultaneous && pc && pid) li.classList.add(waiting.includes(pid) ? 'awaited' : 'answered');
      if (v(x, 'order[].downed')) li.classList.add('downed');
      if (this.seat.playerId && v(x, 'order[].playerId') === this.seat.playerId) li.classList.add('me');
      li.appendChild(el('span', 'init', v(x, 'order[].initiative')));
      li.appendChild(document.createTextNode(v(x, 'order[].name')));
      const hp = v(x, 'order[].hp'), max = v(x, 'order[].maxHp');
      if (pc && hp !== undefined) li.appendChild(el('small', null, ' ' + hp + (max ? '/' + max : '')));
      // Optional fields (the engine adds them): AC for player characters, conditions for anyone shown.
      if (pc && typeof x.ac === 'number') li.appendChild(el('small', 'ac', ' AC ' + x.ac));
      (Array.isArray(x.conditions) ? x.conditions : []).forEach((k) => {
        const name = k && typeof k.name === 'string' ? k.name : typeof k === 'string' ? k : '';
        if (name) li.appendChild(el('span', 'cond', name + (k.ends ? ' · ' + k.ends : '')));
      });
      if (simultaneous && pc && pid) li.appendChild(el('small', null, waiting.includes(pid) ? ' · deciding…' : ' · ✓ answered'));
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
    // "End my turn" only on the player's own round-robin turn (TurnRules.mayEndTurn decides on the server)
    if (this.p.endTurn) this.p.endTurn.hidden = !(mine && !simultaneous);
    if (mine && !this.wasMyTurn) this.onTurnStart();
    this.wasMyTurn = mine;
  }

  tick() {
    const t = this.p.timer;
    if (!this.deadline || this.p.section.hidden) { t.textContent = ''; return; }
    const left = Math.max(0, Math.ceil((this.deadline - Date.now()) / 1000));
    t.textContent = left > 0 ? Math.floor(left / 60) + ':' + String(left % 60).padStart(2, '0') + ' left' : "time's up";
  }
}
