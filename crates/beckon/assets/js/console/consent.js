// Where a capability the representative asked of the full client stands, folded from the
// session's log by the server's own rules (domain/capabilities/mod.rs, `step`), so the console
// shows exactly what the server enforces.

/**
 * @typedef {'none' | 'requested' | 'allowed' | 'denied' | 'revoked' | 'shared' | 'ended'} Consent
 * @typedef {import('./transcript.js').SessionEvent} SessionEvent
 */

/** The capability an event is about, if it is about one. */
function capabilityOf(/** @type {SessionEvent} */ e) {
  switch (e.kind) {
    case 'system_info': return 'system_info';
    case 'shell_ended': return 'shell';
    case 'capability_requested': case 'capability_allowed': case 'capability_denied': case 'capability_revoked':
      return String(e.body?.capability ?? '');
    default: return '';
  }
}

/**
 * One step of the fold.
 * @param {Consent} state
 * @param {SessionEvent} e
 * @param {string} capability
 * @returns {Consent}
 */
export function step(state, e, capability) {
  // A newly joined client has shown the customer no request yet.
  if (e.kind === 'client_joined') return 'none';
  if (capabilityOf(e) !== capability) return state;
  switch (e.kind) {
    case 'capability_requested': return 'requested';
    case 'capability_allowed': return state === 'requested' ? 'allowed' : state;
    case 'capability_denied': return state === 'requested' ? 'denied' : state;
    case 'capability_revoked': return state === 'allowed' || state === 'shared' ? 'revoked' : state;
    case 'system_info': return state === 'allowed' ? 'shared' : state;
    case 'shell_ended': return state === 'allowed' ? 'ended' : state;
    default: return state;
  }
}

/**
 * Where `capability` stands after `events` (any order; folded by sequence number).
 * @param {Iterable<SessionEvent>} events
 * @param {string} capability
 * @returns {Consent}
 */
export function consentOf(events, capability) {
  return [...events].sort((a, b) => a.seq - b.seq).reduce((st, e) => step(st, e, capability), /** @type {Consent} */ ('none'));
}
