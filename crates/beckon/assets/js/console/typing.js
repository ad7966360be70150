// The representative's typing indicator for one session: "typing" when they type (resent
// every few seconds while they go on), "stopped" after a pause, on send and on leaving the box.

const RESEND_MS = 3000;
const IDLE_MS = 4000;

export class TypingSignal {
  /** @param {(active: boolean) => void} send */
  constructor(send) {
    this.send = send;
    this.active = false;
    this.sentAt = 0;
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    this.timer = undefined;
  }

  /** The text box changed. @param {boolean} hasText */
  input(hasText) {
    clearTimeout(this.timer);
    if (!hasText) {
      this.stop();
      return;
    }
    const now = Date.now();
    if (!this.active || now - this.sentAt > RESEND_MS) {
      this.send(true);
      this.active = true;
      this.sentAt = now;
    }
    this.timer = setTimeout(() => this.stop(), IDLE_MS);
  }

  stop() {
    clearTimeout(this.timer);
    if (this.active) this.send(false);
    this.active = false;
  }
}
