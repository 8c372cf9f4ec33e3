// The WebSocket to the relay: hello with the resume cursor, heartbeat, reconnect on wake, jittered backoff.

const MAX_DELAY_MS = 5000;
const PING_EVERY_MS = 25000;
const STALE_MS = 60000;
const WAKE_CHECK_MS = 4000;

/** Close codes after which retrying with the same token is pointless. */
// Close codes after which reconnecting cannot help (docs/protocol.md §2.4: unauthorized, revoked, room_locked).
const FATAL = { 4401: 'auth', 4403: 'locked' };

/**
 * One logical connection that keeps itself open.
 * handlers: frame(f), state(name, detail), fatal(kind, reason), hello() -> {since, epoch} | {}
 */
export class Connection {
  constructor(token, handlers) {
    this.token = token;
    this.h = handlers;
    this.ws = null;
    this.attempt = 0;
    this.timer = 0;
    this.lastIn = 0;
    this.stopped = false;
    this.reason = '';
    const wake = () => this.wake();
    document.addEventListener('visibilitychange', () => { if (!document.hidden) wake(); });
    window.addEventListener('pageshow', wake);
    window.addEventListener('online', wake);
    window.addEventListener('focus', wake);
    setInterval(() => this.beat(), PING_EVERY_MS);
  }

  /** ws: or wss: to the relay that served this page; never a hard-coded scheme or host. */
  static url() {
    return (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/ws';
  }

  start() {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.timer = 0;
    if (this.ws && this.ws.readyState <= WebSocket.OPEN) return;
    this.h.state('connecting', this.attempt ? 'Reconnecting…' : 'Connecting…');
    let ws;
    try {
      ws = new WebSocket(Connection.url());
    } catch (e) {
      this.retry();
      return;
    }
    this.ws = ws;
    ws.onopen = () => this.opened(ws);
    ws.onmessage = (e) => this.message(ws, e);
    ws.onclose = (e) => this.closed(ws, e);
  }

  opened(ws) {
    this.lastIn = Date.now();
    ws.send(JSON.stringify(Object.assign({ type: 'hello', token: this.token }, this.h.hello())));
  }

  /** A message carries one frame or several, one per line (a history comes packed: docs/protocol.md §2). */
  message(ws, e) {
    if (ws !== this.ws) return;
    this.lastIn = Date.now();
    for (const line of String(e.data).split('\n')) {
      if (ws !== this.ws) return;
      let f;
      try {
        f = JSON.parse(line);
      } catch (err) {
        continue;
      }
      this.one(f);
    }
  }

  one(f) {
    if (f.type === 'welcome') {
      this.attempt = 0;
      this.reason = '';
      this.h.state('open', 'Live');
    } else if (f.type === 'reload') {
      this.attempt = 0;
    } else if (f.type === 'closing') {
      this.reason = f.reason || '';
    }
    this.h.frame(f);
  }

  closed(ws, e) {
    if (ws !== this.ws) return;
    this.ws = null;
    const fatal = FATAL[e.code];
    if (fatal) {
      this.stopped = true;
      this.h.fatal(fatal, this.reason || e.reason || '');
      return;
    }
    const why = this.reason || (e.code === 4409 ? 'Too many open tabs for this seat' : '');
    this.h.state('closed', why ? why + ' — reconnecting…' : 'Offline — reconnecting…');
    this.retry();
  }

  retry() {
    if (this.stopped || this.timer) return;
    const base = Math.min(MAX_DELAY_MS, 250 * 2 ** this.attempt);
    this.attempt++;
    this.timer = setTimeout(() => { this.timer = 0; this.start(); }, base / 2 + Math.random() * base / 2);
  }

  /** The phone woke up, came back online or the tab came to the front: reconnect now or check the socket. */
  wake() {
    if (this.stopped) return;
    if (!this.ws) {
      this.attempt = 0;
      this.start();
      return;
    }
    if (this.ws.readyState !== WebSocket.OPEN) return;
    const sent = Date.now();
    this.send({ type: 'ping' });
    setTimeout(() => { if (this.lastIn < sent) this.drop(); }, WAKE_CHECK_MS);
  }

  beat() {
    if (!this.ws || this.ws.readyState !== WebSocket.OPEN) return;
    if (Date.now() - this.lastIn > STALE_MS) this.drop();
    else this.send({ type: 'ping' });
  }

  /** Abandons a socket that stopped answering and reconnects at once. */
  drop() {
    const ws = this.ws;
    this.ws = null;
    if (ws) {
      ws.onclose = null;
      try { ws.close(); } catch (e) { /* already closing */ }
    }
    this.attempt = 0;
    this.start();
  }

  send(obj) {
    try {
      this.ws.send(JSON.stringify(obj));
    } catch (e) {
      /* the close handler reconnects */
    }
  }
}
