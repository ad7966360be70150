// The customer's messages that the server has not acknowledged yet, oldest first, kept in
// sessionStorage so that neither a lost connection nor a reload loses one. Each has an id
// chosen here; the server stores a resent id once.

/** sessionStorage that never throws (it may be disabled or full). */
export const storage = {
  get(key) {
    try {
      return sessionStorage.getItem(key);
    } catch {
      return null;
    }
  },
  set(key, value) {
    try {
      sessionStorage.setItem(key, value);
    } catch {
      // Not persisted: the page still works, a reload just forgets.
    }
  },
  remove(key) {
    try {
      sessionStorage.removeItem(key);
    } catch {
      // Nothing to do.
    }
  },
};

function newId() {
  if (globalThis.crypto?.randomUUID) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * @typedef {{ id: string, text: string, at: number, minSeq: number, sent: boolean,
 *   seq?: number|null, el?: HTMLElement }} Item
 *   `minSeq`: the highest sequence number known when it was written (its own will be higher);
 *   `sent`: it went out at least once, so the server may have it even without an ack.
 */
export class Outbox {
  constructor(key) {
    this.key = key;
    /** @type {Item[]} */
    this.items = [];
    try {
      const saved = JSON.parse(storage.get(key) || '[]');
      if (Array.isArray(saved)) {
        this.items = saved.filter((i) => i && typeof i.id === 'string' && typeof i.text === 'string')
          .map((i) => ({ id: i.id, text: i.text, at: Number(i.at) || Date.now(), minSeq: Number(i.minSeq) || 0, sent: !!i.sent, seq: null }));
      }
    } catch {
      this.items = [];
    }
  }

  save() {
    if (!this.items.length) {
      storage.remove(this.key);
      return;
    }
    const plain = this.items.map(({ id, text, at, minSeq, sent }) => ({ id, text, at, minSeq, sent }));
    storage.set(this.key, JSON.stringify(plain));
  }

  add(text, minSeq) {
    const item = { id: newId(), text, at: Date.now(), minSeq, sent: false, seq: null };
    this.items.push(item);
    this.save();
    return item;
  }

  head() {
    return this.items[0];
  }

  get(id) {
    return this.items.find((i) => i.id === id);
  }

  remove(id) {
    this.items = this.items.filter((i) => i.id !== id);
    this.save();
  }

  clear() {
    this.items = [];
    this.save();
  }
}
