// Voice, all in the browser and opt-in: "read aloud" speaks the story meant for this device with the
// browser's own speech synthesis (no server audio); "hold to talk" fills the action box through the
// browser's speech recognition. Either control stays hidden where the browser lacks the feature.

import { load, save } from './util.js';

/** Reads feed text aloud when switched on (per device, remembered). */
export class ReadAloud {
  constructor(button) {
    this.button = button;
    this.on = !!load('aloud', false);
    // Feature checks only: the speech engine starts on first use, not while the page loads.
    if (!('speechSynthesis' in window) || !window.SpeechSynthesisUtterance) return;
    button.hidden = false;
    this.paint();
    button.addEventListener('click', () => {
      this.on = !this.on;
      save('aloud', this.on);
      if (!this.on) window.speechSynthesis.cancel();
      this.paint();
    });
  }

  paint() {
    this.button.setAttribute('aria-pressed', String(this.on));
    this.button.textContent = 'Read aloud';
  }

  /** Speaks a line if switched on; Markdown marks are dropped. */
  say(text) {
    if (!this.on || !text) return;
    try {
      window.speechSynthesis.speak(new SpeechSynthesisUtterance(String(text).replace(/[*_#]/g, '')));
    } catch (e) { /* speech is a nicety */ }
  }
}

/** Hold the button to dictate into the action box; release to stop. */
export class HoldToTalk {
  constructor(button, text) {
    const Rec = window.SpeechRecognition || window.webkitSpeechRecognition;
    this.button = button;
    if (!Rec) return;
    this.Rec = Rec;
    this.text = text;
    this.rec = null;
    button.hidden = false;
    const start = (e) => { e.preventDefault(); try { this.recognizer().start(); this.paint(true); } catch (x) { /* already on */ } };
    const stop = () => { try { if (this.rec) this.rec.stop(); } catch (x) { /* not on */ } };
    button.addEventListener('pointerdown', start);
    ['pointerup', 'pointerleave', 'pointercancel'].forEach((k) => button.addEventListener(k, stop));
    button.addEventListener('keydown', (e) => { if ((e.key === ' ' || e.key === 'Enter') && !e.repeat) start(e); });
    button.addEventListener('keyup', (e) => { if (e.key === ' ' || e.key === 'Enter') stop(); });
  }

  /** The recognizer, made on the first press (not while the page loads). */
  recognizer() {
    if (this.rec) return this.rec;
    const text = this.text;
    this.rec = new this.Rec();
    this.rec.interimResults = false;
    this.rec.lang = document.documentElement.lang || 'en';
    this.rec.onresult = (e) => {
      const heard = Array.from(e.results).map((r) => r[0].transcript).join(' ').trim();
      if (heard) {
        text.value = (text.value ? text.value.trimEnd() + ' ' : '') + heard;
        text.dispatchEvent(new Event('input'));
      }
    };
    this.rec.onend = () => this.paint(false);
    this.rec.onerror = () => this.paint(false);
    return this.rec;
  }

  paint(on) {
    this.button.setAttribute('aria-pressed', String(on));
  }
}

/** Keeps the screen awake while the page is visible, where the browser allows it. */
export function keepAwake() {
  if (!navigator.wakeLock) return;
  let lock = null;
  const ask = async () => {
    if (document.visibilityState !== 'visible' || lock) return;
    try {
      lock = await navigator.wakeLock.request('screen');
      lock.addEventListener('release', () => { lock = null; });
    } catch (e) { lock = null; }
  };
  document.addEventListener('visibilitychange', ask);
  ['pointerdown', 'keydown'].forEach((k) => document.addEventListener(k, ask, { passive: true }));
  ask();
}
