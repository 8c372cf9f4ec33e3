// The action box: Enter sends, Shift+Enter is a newline; the private toggle whispers the action to the DM.
// An action counts as queued only once the relay answered 202 (after its durable append).

import { load, save } from './util.js';

// Words for the relay's refusal codes (docs/protocol.md §2.4); the relay's message adds the detail.
const WORDS = {
  malformed_json: 'The table did not understand that action.',
  bad_request: 'The table did not understand that action.',
  bad_text: 'The table did not understand that action.',
  wrong_role: 'This seat cannot submit actions.',
  too_large: 'That is too long — please shorten it.',
  too_many_actions: 'Too many actions — wait a moment and try again.',
  not_queued: 'The table could not take that action — try again.',
};
// The link stopped working: the page says so instead of retrying.
const AUTH = ['unauthorized', 'revoked'];
// Turn refusals: the relay's message says what to wait for ("waiting for Thorin").
const TURN = ['not_your_turn', 'already_submitted'];

export class ActionBox {
  /** onQueued({actionId, text, private, status}); onAuthFail() for 401. */
  constructor(parts, token, onQueued, onAuthFail) {
    this.p = parts;
    this.token = token;
    this.onQueued = onQueued;
    this.onAuthFail = onAuthFail;
    this.busy = false;
    this.gate = { canAct: true, why: '' };
    this.p.text.value = load('draft', '');
    this.grow();
    parts.form.addEventListener('submit', (e) => { e.preventDefault(); this.send(); });
    parts.text.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) { e.preventDefault(); this.send(); }
    });
    parts.text.addEventListener('input', () => { save('draft', parts.text.value); this.grow(); this.limit(); });
    parts.whisper.addEventListener('change', () => this.paint());
  }

  grow() {
    const t = this.p.text;
    t.style.height = 'auto';
    t.style.height = Math.min(t.scrollHeight + 2, window.innerHeight * 0.3) + 'px';
  }

  /** Enables or disables input according to turn gating. */
  setGate(gate) {
    this.gate = gate;
    this.paint();
    if (!gate.canAct) this.note(gate.why, false);
    else if (this.p.note.dataset.kind === 'gate') this.note('', false);
    if (!gate.canAct) this.p.note.dataset.kind = 'gate';
  }

  paint() {
    const off = !this.gate.canAct || this.busy;
    this.p.text.disabled = !this.gate.canAct;
    this.p.send.disabled = off;
    this.p.text.placeholder = this.gate.canAct ? (this.p.whisper.checked ? 'Whisper to the DM…' : 'What do you do?')
      : this.gate.why || 'Not your turn';
    this.p.form.classList.toggle('private', this.p.whisper.checked);
  }

  /** Says so when the text reaches the box's limit (typing or pasting more is cut off silently otherwise). */
  limit() {
    const max = this.p.text.maxLength;
    if (max > 0 && this.p.text.value.length >= max) this.note('Actions are limited to ' + max + ' characters.', false);
    else if (this.p.note.dataset.kind === 'limit') this.note('', false);
    if (max > 0 && this.p.text.value.length >= max) this.p.note.dataset.kind = 'limit';
  }

  note(text, error) {
    const n = this.p.note;
    n.textContent = text;
    n.hidden = !text;
    n.classList.toggle('err', !!error);
    n.dataset.kind = error ? 'error' : '';
  }

  async send() {
    const text = this.p.text.value.trim();
    if (!text || this.busy || !this.gate.canAct) return;
    const max = this.p.text.maxLength;
    if (max > 0 && text.length > max) {
      this.note('That is too long (' + text.length + ' characters) — at most ' + max + '. Please shorten it.', true);
      return;
    }
    const priv = this.p.whisper.checked;
    this.busy = true;
    this.paint();
    try {
      const res = await fetch('/action', {
        method: 'POST',
        headers: { 'Authorization': 'Bearer ' + this.token, 'Content-Type': 'application/json' },
        body: JSON.stringify({ text, private: priv }),
        cache: 'no-store',
      });
      await this.answer(res, text, priv);
    } catch (e) {
      this.note('Could not reach the table — your action was not sent. Try again.', true);
    } finally {
      this.busy = false;
      this.paint();
    }
  }

  async answer(res, text, priv) {
    const body = await res.json().catch(() => ({}));
    if (res.status === 202 && body.actionId) {
      this.p.text.value = '';
      save('draft', undefined);
      this.p.whisper.checked = false;
      this.grow();
      this.note('', false);
      this.onQueued({ actionId: body.actionId, text, private: priv, status: body.status || 'queued' });
    } else if (AUTH.includes(body.error) || res.status === 401) {
      this.onAuthFail();
    } else if (TURN.includes(body.error)) {
      this.note(body.message || 'Not your turn yet.', true);
    } else {
      const words = WORDS[body.error];
      this.note(words ? words + (body.message ? ' (' + body.message + ')' : '')
        : (body.message || 'The table refused the action (' + res.status + ').'), true);
    }
  }
}
