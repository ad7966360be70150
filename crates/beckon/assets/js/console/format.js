// Labels and times for the console: issues, teams, custom fields (from /api/rep/labels),
// languages, start methods, durations. Pure functions over data.

/**
 * @typedef {{ issues: {id: number, code_name: string, description: string}[],
 *   teams: {id: number, name: string, code_name: string}[],
 *   custom_fields: {code_name: string, display_name: string}[] }} Labels
 */

/** @type {Labels} */
export const labels = { issues: [], teams: [], custom_fields: [] };

/** @param {Labels} l */
export function setLabels(l) {
  labels.issues = l.issues || [];
  labels.teams = l.teams || [];
  labels.custom_fields = l.custom_fields || [];
}

/** @param {number | null | undefined} id */
export function issueLabel(id) {
  if (id === null || id === undefined) return 'No issue';
  const issue = labels.issues.find((i) => i.id === id);
  return issue ? issue.description : `Issue ${id}`;
}

/**
 * What a waiting session is about: its issue, else how the customer reached us.
 * @param {{issue_id?: number | null, start_method?: string}} s
 */
export function topicLabel(s) {
  if (s.issue_id !== null && s.issue_id !== undefined) return issueLabel(s.issue_id);
  if (s.start_method === 'session_key') return 'Started with a session key';
  if (s.start_method === 'rep') return 'Asked for you by name';
  return 'General request';
}

/** @param {number} id */
export function teamName(id) {
  const team = labels.teams.find((t) => t.id === id);
  return team ? team.name : `Team ${id}`;
}

/**
 * A queue id (`general`, `rep:ID`, `team:ID`) as a representative reads it.
 * @param {string} queue
 * @param {number} me
 */
export function queueLabel(queue, me) {
  if (queue === 'general') return 'General queue';
  const [kind, id] = queue.split(':');
  if (kind === 'rep') return Number(id) === me ? 'My queue' : `Representative ${id}`;
  if (kind === 'team') return teamName(Number(id));
  return queue;
}

/** Custom-field display name, or null for fields not shown to representatives. */
export function fieldName(/** @type {string} */ code) {
  const f = labels.custom_fields.find((x) => x.code_name === code);
  return f ? f.display_name : null;
}

const LANGUAGES = /** @type {Record<string, string>} */ ({
  'en-us': 'English', de: 'German', es: 'Spanish, Latin America', 'es-sp': 'Spanish, Spain',
  fi: 'Finnish', fr: 'French', it: 'Italian', nl: 'Dutch', 'pt-br': 'Portuguese, Brazil',
  'pt-pt': 'Portuguese, Portugal', 'sv-se': 'Swedish', tr: 'Turkish', ja: 'Japanese',
  'zh-hans': 'Chinese, Simplified', zh: 'Chinese, Traditional', ru: 'Russian',
});

/** @param {string} code */
export function languageLabel(code) {
  return LANGUAGES[code] ? `${LANGUAGES[code]} (${code})` : code || '—';
}

const METHODS = /** @type {Record<string, string>} */ ({
  session_key: 'Session key', rep: 'Representative selector', issue: 'Issue', general: 'General queue',
});
export const startMethodLabel = (/** @type {string} */ m) => METHODS[m] || m;
export const startTypeLabel = (/** @type {string} */ t) => (t === 'full' ? 'Full client' : 'Chat');

/** Milliseconds as `4:05` or `1:02:03`. */
export function clock(/** @type {number} */ ms) {
  const total = Math.max(0, Math.floor(ms / 1000));
  const s = total % 60;
  const m = Math.floor(total / 60) % 60;
  const hours = Math.floor(total / 3600);
  const two = (/** @type {number} */ n) => String(n).padStart(2, '0');
  return hours ? `${hours}:${two(m)}:${two(s)}` : `${m}:${two(s)}`;
}

/** A spoken form for screen readers and titles: "4 minutes 5 seconds". */
export function spokenDuration(/** @type {number} */ ms) {
  const total = Math.max(0, Math.floor(ms / 1000));
  const m = Math.floor(total / 60);
  const s = total % 60;
  const parts = [];
  if (m) parts.push(`${m} minute${m === 1 ? '' : 's'}`);
  parts.push(`${s} second${s === 1 ? '' : 's'}`);
  return parts.join(' ');
}

const timeFmt = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });
const dateTimeFmt = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
export const timeOf = (/** @type {number} */ ms) => timeFmt.format(new Date(ms));
/** A date and time; today's are shown as "Today, 4:12 PM". */
export function dateTimeOf(/** @type {number | null | undefined} */ ms) {
  if (!ms) return '—';
  const d = new Date(ms);
  return d.toDateString() === new Date().toDateString() ? `Today, ${timeFmt.format(d)}` : dateTimeFmt.format(d);
}

/** Server time minus local time, from the queue messages' `now`, so countdowns agree. */
let skew = 0;
export function setServerNow(/** @type {number} */ serverNow) { skew = serverNow - Date.now(); }
export const serverNow = () => Date.now() + skew;
