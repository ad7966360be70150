// Opening the full client's download page once the customer accepted a representative's
// request to elevate: in a new tab, so that the chat stays open and usable.

/** How long a tab reserved on Accept waits for the server's `elevate` before it is closed. */
const RESERVE_MS = 15_000;

export class DownloadTab {
  constructor() {
    /** @type {Window|null} */
    this.reserved = null;
  }

  /**
   * Called from the Accept click: a blank tab opened now, while the click still counts as
   * the customer's, is allowed by popup blockers (Safari's too) even though the address
   * arrives a moment later.
   */
  reserve() {
    const tab = window.open('', '_blank');
    this.reserved = tab;
    // No `elevate` in time (the connection broke): do not leave an empty tab behind.
    setTimeout(() => {
      if (tab && this.reserved === tab && !tab.closed) tab.close();
    }, RESERVE_MS);
  }

  /** Loads the download page: in the reserved tab, else a new one, else (blocked) this one. */
  open(href) {
    const tab = this.reserved && !this.reserved.closed ? this.reserved : null;
    this.reserved = null;
    if (tab) {
      try {
        tab.opener = null;
        tab.location.replace(href);
        return;
      } catch {
        // Gone meanwhile: try a new one.
      }
    }
    const opened = window.open(href, '_blank');
    if (opened) opened.opener = null;
    else location.assign(href);
  }
}
