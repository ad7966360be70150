-- Which capabilities representatives may request of the full client in a team's sessions
-- (issue 10): a comma list of capability names. Existing and new teams allow what this
-- version has and had allowed implicitly, system information, plus the new shell; the screen
-- and file transfer wait for an administrator to switch them on.
ALTER TABLE support_teams ADD COLUMN allowed_capabilities TEXT NOT NULL DEFAULT 'system_info,shell';
