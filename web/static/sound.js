// "Your turn" cue: vibration and a short WebAudio beep (no audio files), muted per device.

import { load, save } from './util.js';

export class Cue {
  constructor(button) {
    this.button = button;
    this.muted = !!load('muted', false);
    this.ctx = null;
    this.paint();
    button.addEventListener('click', () => { this.muted = !this.muted; save('muted', this.muted); this.paint(); });
    // Browsers only let audio start after a user gesture; unlock on the first one.
    const unlock = () => this.unlock();
    ['pointerdown', 'keydown', 'touchend'].forEach((e) => document.addEventListener(e, unlock, { once: true, passive: true }));
  }

  paint() {
    // One name, its state in aria-pressed: pressed means the turn cue sounds.
    this.button.textContent = 'Sound';
    this.button.setAttribute('aria-pressed', String(!this.muted));
  }

  unlock() {
    const AC = window.AudioContext || window.webkitAudioContext;
    if (!AC || this.ctx) return;
    try { this.ctx = new AC(); } catch (e) { this.ctx = null; }
  }

  play() {
    if (this.muted) return;
    if (navigator.vibrate) { try { navigator.vibrate([180, 80, 180]); } catch (e) { /* not allowed */ } }
    const ctx = this.ctx;
    if (!ctx) return;
    try {
      if (ctx.state === 'suspended') ctx.resume();
      const osc = ctx.createOscillator(), gain = ctx.createGain();
      osc.frequency.value = 880;
      gain.gain.setValueAtTime(0.0001, ctx.currentTime);
      gain.gain.exponentialRampToValueAtTime(0.25, ctx.currentTime + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, ctx.currentTime + 0.35);
      osc.connect(gain).connect(ctx.destination);
      osc.start();
      osc.stop(ctx.currentTime + 0.4);
    } catch (e) { /* audio is a nicety */ }
  }
}
