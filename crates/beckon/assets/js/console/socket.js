// The console socket (`/api/rep/ws`): hello with the last sequence number seen per session,
// pings every 20 s, reconnects with backoff, and hands each server message to `onMessage`.

const PING_EVERY_MS = 20_000;
const PONG_TIMEOUT_MS = 10_000;
const BACKOFF_MS = [1000, 2000, 5000, 10_000];

/**
 * @typedef {{ type: string, [k: string]: any }} ServerMessage
 * @typedef {{ onMessage: (m: ServerMessage) => void,
 *   onStatus: (s: 'connecting' | 'online' | 'offline') => void,
 *   after: () => Record<string, number>,
 *   onReconnect?: () => void }} SocketOptions
 */

export class ConsoleSocket {
  /** @param {SocketOptions} opts */
  constructor(opts) {
    this.opts = opts;
    /** @type {WebSocket | null} */
    this.ws = null;
    this.attempt = 0;
    this.connects = 0;
    /** @type {ReturnType<typeof setInterval> | undefined} */
    this.pinger = undefined;
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    this.pongTimer = undefined;
    this.stopped = false;
  }

  connect() {
    if (this.stopped) return;
    this.opts.onStatus('connecting');
    const proto = location.protocol === 'https:' ? 'wss:' : 'ws:';
    const ws = new WebSocket(`${proto}//${location.host}/api/rep/ws`);
    this.ws = ws;
    ws.addEventListener('open', () => {
      ws.send(JSON.stringify({ type: 'hello', after: this.opts.after() }));
    });
    ws.addEventListener('message', (ev) => {
      /** @type {ServerMessage} */
      let msg;
      try {
        msg = JSON.parse(String(ev.data));
      } catch {
        return;
      }
      if (msg.type === 'welcome') {
        this.attempt = 0;
        this.opts.onStatus('online');
        if (this.connects++ > 0) this.opts.onReconnect?.();
        this.startPings();
      } else if (msg.type === 'pong') {
        clearTimeout(this.pongTimer);
        return;
      }
      this.opts.onMessage(msg);
    });
    ws.addEventListener('close', () => {
      this.stopPings();
      if (this.ws !== ws || this.stopped) return;
      this.opts.onStatus('offline');
      const wait = BACKOFF_MS[Math.min(this.attempt++, BACKOFF_MS.length - 1)];
      setTimeout(() => this.connect(), wait);
    });
  }

  startPings() {
    this.stopPings();
    this.pinger = setInterval(() => {
      this.send({ type: 'ping' });
      clearTimeout(this.pongTimer);
      // No answer: the connection is dead even if the browser has not noticed yet.
      this.pongTimer = setTimeout(() => this.ws?.close(), PONG_TIMEOUT_MS);
    }, PING_EVERY_MS);
  }

  stopPings() {
    clearInterval(this.pinger);
    clearTimeout(this.pongTimer);
  }

  /** @param {Record<string, unknown>} msg */
  send(msg) {
    if (this.ws && this.ws.readyState === WebSocket.OPEN) {
      this.ws.send(JSON.stringify(msg));
      return true;
    }
    return false;
  }

  stop() {
    this.stopped = true;
    this.stopPings();
    this.ws?.close();
  }
}
