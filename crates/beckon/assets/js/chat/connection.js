// The chat WebSocket with everything a flaky phone connection needs: `hello` first, a
// heartbeat that notices a dead connection, reconnection with jittered backoff, and the
// browser's online/offline signals. What the messages mean is the caller's business.

const PING_EVERY_MS = 20_000;
/** Without any message this long after a ping, the connection is dead. */
const DEAD_AFTER_MS = 10_000;
const BACKOFF_MIN_MS = 500;
const BACKOFF_MAX_MS = 10_000;
/** After this many failed attempts in a row the caller is asked whether to keep trying. */
const PROBE_AFTER_ATTEMPTS = 3;

/**
 * @typedef {'connecting'|'open'|'reconnecting'|'offline'|'stopped'} LinkState
 * @typedef {{
 *   url: string,
 *   after: () => number,
 *   onMessage: (msg: any) => void,
 *   onState: (state: LinkState) => void,
 *   onReplayed: () => void,
 *   onClose: (code: number, reason: string) => void,
 *   probe: () => void,
 * }} Options
 */

export class Connection {
  /** @param {Options} opts */
  constructor(opts) {
    this.opts = opts;
    /** @type {WebSocket|null} */
    this.ws = null;
    this.state = /** @type {LinkState} */ ('connecting');
    this.welcomed = false;
    this.failures = 0;
    this.retryTimer = 0;
    this.pingTimer = 0;
    this.deadTimer = 0;
    this.awaitingReplay = false;
    addEventListener('offline', () => this.goOffline());
    addEventListener('online', () => {
      if (this.state === 'offline') this.reconnectNow();
    });
    // Timers of a background tab may have slept: check the connection when it is seen again.
    document.addEventListener('visibilitychange', () => {
      if (!document.hidden && this.ready) this.ping();
    });
  }

  /** Whether messages can be sent now (the server has answered `hello`). */
  get ready() {
    return this.welcomed && this.ws?.readyState === WebSocket.OPEN;
  }

  start() {
    this.open();
  }

  /** Stops for good (the session ended). */
  stop() {
    this.setState('stopped');
    this.drop(1000, 'done');
  }

  /** Sends a message; false when there is no open connection. */
  send(msg) {
    if (this.ws?.readyState !== WebSocket.OPEN) return false;
    try {
      this.ws.send(JSON.stringify(msg));
      return true;
    } catch {
      return false;
    }
  }

  setState(state) {
    if (this.state === state || this.state === 'stopped') return;
    this.state = state;
    this.opts.onState(state);
  }

  open() {
    clearTimeout(this.retryTimer);
    if (this.state === 'stopped' || this.ws) return;
    if (navigator.onLine === false) {
      // The `online` event brings us back; the timer only guards against a missed one.
      this.setState('offline');
      this.retryTimer = setTimeout(() => this.open(), BACKOFF_MAX_MS);
      return;
    }
    let ws;
    try {
      ws = new WebSocket(this.opts.url);
    } catch {
      this.retry();
      return;
    }
    this.ws = ws;
    this.welcomed = false;
    ws.addEventListener('open', () => {
      if (ws !== this.ws) return;
      this.send({ type: 'hello', v: 1, after: this.opts.after() });
      // The server reads this only after it sent `welcome` and every event since `after`,
      // so its `pong` marks the end of the replay.
      this.awaitingReplay = true;
      this.ping();
    });
    ws.addEventListener('message', (m) => {
      if (ws !== this.ws) return;
      clearTimeout(this.deadTimer);
      this.deadTimer = 0;
      let msg;
      try {
        msg = JSON.parse(m.data);
      } catch {
        return;
      }
      if (msg.type === 'welcome') {
        this.welcomed = true;
        this.failures = 0;
        clearInterval(this.pingTimer);
        this.pingTimer = setInterval(() => this.ping(), PING_EVERY_MS);
        this.setState('open');
      }
      this.opts.onMessage(msg);
      if (msg.type === 'pong' && this.awaitingReplay) {
        this.awaitingReplay = false;
        this.opts.onReplayed();
      }
    });
    ws.addEventListener('close', (e) => {
      if (ws !== this.ws) return;
      this.drop(e.code, e.reason);
    });
  }

  ping() {
    if (!this.send({ type: 'ping' })) return;
    if (!this.deadTimer) {
      this.deadTimer = setTimeout(() => this.drop(4000, 'no answer to ping'), DEAD_AFTER_MS);
    }
  }

  /** Forgets the current socket (closing it if needed) and plans the next attempt. */
  drop(code, reason) {
    const ws = this.ws;
    this.ws = null;
    this.welcomed = false;
    this.awaitingReplay = false;
    clearInterval(this.pingTimer);
    clearTimeout(this.deadTimer);
    this.deadTimer = 0;
    if (ws && ws.readyState <= WebSocket.OPEN) {
      try {
        ws.close(code >= 4000 || code === 1000 ? code : 1000, String(reason).slice(0, 60));
      } catch {
        // Already closing.
      }
    }
    if (ws) this.opts.onClose(code, reason);
    if (this.state === 'stopped') return;
    if (navigator.onLine === false) this.setState('offline');
    else this.retry();
  }

  retry() {
    clearTimeout(this.retryTimer);
    if (this.state === 'stopped') return;
    this.setState(this.failures === 0 && this.state === 'connecting' ? 'connecting' : 'reconnecting');
    const base = Math.min(BACKOFF_MAX_MS, BACKOFF_MIN_MS * 2 ** this.failures);
    // "Equal jitter": half fixed, half random, so that many pages do not retry in step.
    const delay = base / 2 + Math.random() * (base / 2);
    this.failures += 1;
    if (this.failures >= PROBE_AFTER_ATTEMPTS) this.opts.probe();
    this.retryTimer = setTimeout(() => this.open(), delay);
  }

  goOffline() {
    if (this.state === 'stopped') return;
    clearTimeout(this.retryTimer);
    this.setState('offline');
    if (this.ws) this.drop(4001, 'offline');
  }

  reconnectNow() {
    if (this.state === 'stopped') return;
    this.failures = 0;
    this.setState('reconnecting');
    if (!this.ws) this.open();
  }
}
