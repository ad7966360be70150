// The console socket (`/api/rep/ws`): hello with the last sequence number seen per session,
// pings every 20 s, reconnects with backoff, hands each server message to `onMessage`, and
// carries chat messages (`chat`, answered by `chat_ack` or `chat_refused`).

import { ApiError } from './api.js';

const PING_EVERY_MS = 20_000;
/** A chat message not answered this long is sent again over the API (same id, stored once). */
const CHAT_ANSWER_MS = 10_000;

/** The socket could not carry a chat message (not open, closed before the answer, no answer). */
export class SocketUnavailable extends Error {
  constructor() {
    super('The console is not connected.');
  }
}
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
    /** @type {Map<string, {resolve: (seq: number) => void, reject: (e: Error) => void, timer: ReturnType<typeof setTimeout>}>} */
    this.chats = new Map();
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
      } else if (msg.type === 'chat_ack' || msg.type === 'chat_refused') {
        this.answerChat(msg);
        return;
      }
      this.opts.onMessage(msg);
    });
    ws.addEventListener('close', () => {
      this.stopPings();
      this.dropChats();
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

  /**
   * Sends a chat message; resolves to its sequence number once stored, rejects with the
   * server's refusal (`ApiError`) or with `SocketUnavailable`.
   * @param {string} lsid
   * @param {string} id
   * @param {string} text
   * @returns {Promise<number>}
   */
  chat(lsid, id, text) {
    return new Promise((resolve, reject) => {
      if (this.chats.has(id) || !this.send({ type: 'chat', lsid, id, text })) {
        reject(new SocketUnavailable());
        return;
      }
      const timer = setTimeout(() => {
        this.chats.delete(id);
        reject(new SocketUnavailable());
      }, CHAT_ANSWER_MS);
      this.chats.set(id, { resolve, reject, timer });
    });
  }

  /** @param {ServerMessage} msg */
  answerChat(msg) {
    const waiting = this.chats.get(msg.id);
    if (!waiting) return;
    this.chats.delete(msg.id);
    clearTimeout(waiting.timer);
    if (msg.type === 'chat_ack') waiting.resolve(Number(msg.seq));
    else waiting.reject(new ApiError(0, String(msg.code), String(msg.message)));
  }

  /** The socket closed: no answers will come to what it carried. */
  dropChats() {
    for (const { reject, timer } of this.chats.values()) {
      clearTimeout(timer);
      reject(new SocketUnavailable());
    }
    this.chats.clear();
  }

  stop() {
    this.stopped = true;
    this.stopPings();
    this.ws?.close();
  }
}
