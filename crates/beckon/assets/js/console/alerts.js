// Telling the representative that a customer is waiting: a short chime made with the Web
// Audio API (no audio files) and, once allowed from a click, a desktop notification.

/** @type {AudioContext | null} */
let audio = null;

function context() {
  if (!audio) {
    const Ctx = window.AudioContext || /** @type {any} */ (window).webkitAudioContext;
    if (!Ctx) return null;
    audio = new Ctx();
  }
  return audio;
}

// Browsers start audio only after a user gesture: unlock on the first one.
function unlock() {
  const ctx = context();
  if (ctx && ctx.state === 'suspended') ctx.resume().catch(() => {});
}
document.addEventListener('pointerdown', unlock, { once: true, capture: true });
document.addEventListener('keydown', unlock, { once: true, capture: true });

/** Plays two soft rising tones (about 0.4 s). */
export function chime() {
  const root = document.getElementById('console');
  if (root) root.dataset.chimes = String(Number(root.dataset.chimes || 0) + 1);
  const ctx = context();
  if (!ctx) return;
  if (ctx.state === 'suspended') ctx.resume().catch(() => {});
  const start = ctx.currentTime + 0.02;
  [[660, 0], [990, 0.16]].forEach(([freq, offset]) => {
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.type = 'sine';
    osc.frequency.value = freq;
    const t = start + offset;
    gain.gain.setValueAtTime(0.0001, t);
    gain.gain.exponentialRampToValueAtTime(0.18, t + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, t + 0.22);
    osc.connect(gain).connect(ctx.destination);
    osc.start(t);
    osc.stop(t + 0.25);
  });
}

const supported = () => typeof window.Notification === 'function';

/**
 * Shows the "Enable notifications" button while permission has not been asked; asking
 * happens only from its click.
 * @param {HTMLButtonElement} button
 */
export function setupNotificationButton(button) {
  const refresh = () => {
    button.hidden = !supported() || Notification.permission !== 'default';
  };
  refresh();
  button.addEventListener('click', async () => {
    if (!supported()) return;
    unlock();
    try {
      await Notification.requestPermission();
    } catch {
      // Old callback-only implementations: nothing more to do.
    }
    refresh();
  });
}

/**
 * A desktop notification, once the representative allowed them.
 * @param {string} title
 * @param {string} body
 * @param {string} tag
 */
export function desktopNotify(title, body, tag) {
  if (!supported() || Notification.permission !== 'granted') return;
  try {
    const n = new Notification(title, { body, tag });
    n.addEventListener('click', () => {
      window.focus();
      n.close();
    });
  } catch {
    // Some platforms allow notifications only from a service worker: the chime remains.
  }
}
