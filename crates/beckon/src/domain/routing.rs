//! Choosing the representative to offer a queued session to. Pure: the caller gathers the
//! candidates (team members who are logged in) and applies the choice.

use super::catalog::RoutingMode;
use super::ids::UserId;
use super::people::PresenceStatus;
use super::time::Millis;

#[derive(Debug, Clone)]
pub struct Candidate {
    pub user: UserId,
    pub status: PresenceStatus,
    /// Skill code names the representative has.
    pub skills: Vec<String>,
    /// Sessions the representative works now.
    pub active: i64,
    /// Since when the representative has had nothing to do (ties go to the longest idle).
    pub idle_since: Millis,
}

/// The representative to offer to, or `None` (mode `None`, or nobody available).
///
/// `required` is in rank order; when nobody covers every skill, the lowest-ranked (last) skill
/// is dropped and the search repeated, down to no skills at all (plain least busy).
pub fn choose(
    mode: RoutingMode,
    required: &[String],
    candidates: &[Candidate],
    exclude: &[UserId],
) -> Option<UserId> {
    let available: Vec<&Candidate> = candidates
        .iter()
        .filter(|c| c.status == PresenceStatus::Available && !exclude.contains(&c.user))
        .collect();
    match mode {
        RoutingMode::None => None,
        RoutingMode::LeastBusy => least_busy(available.iter().copied()),
        RoutingMode::SkillsThenLeastBusy => {
            let mut wanted = required.len();
            loop {
                let need = &required[..wanted];
                let covering = available.iter().copied().filter(|c| {
                    need.iter()
                        .all(|s| c.skills.iter().any(|have| have.eq_ignore_ascii_case(s)))
                });
                if let Some(found) = least_busy(covering) {
                    return Some(found);
                }
                if wanted == 0 {
                    return None;
                }
                wanted -= 1;
            }
        }
    }
}

fn least_busy<'a>(cands: impl Iterator<Item = &'a Candidate>) -> Option<UserId> {
    cands
        .min_by_key(|c| (c.active, c.idle_since, c.user))
        .map(|c| c.user)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(id: i64, skills: &[&str], active: i64, idle_since: Millis) -> Candidate {
        Candidate {
            user: UserId(id),
            status: PresenceStatus::Available,
            skills: skills.iter().map(|s| s.to_string()).collect(),
            active,
            idle_since,
        }
    }

    fn req(s: &[&str]) -> Vec<String> {
        s.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn none_mode_never_offers() {
        assert_eq!(
            choose(RoutingMode::None, &[], &[c(1, &[], 0, 0)], &[]),
            None
        );
    }

    #[test]
    fn least_busy_then_longest_idle() {
        let cands = [c(1, &[], 2, 0), c(2, &[], 1, 500), c(3, &[], 1, 100)];
        assert_eq!(
            choose(RoutingMode::LeastBusy, &[], &cands, &[]),
            Some(UserId(3))
        );
        assert_eq!(
            choose(RoutingMode::LeastBusy, &[], &cands, &[UserId(3)]),
            Some(UserId(2))
        );
    }

    #[test]
    fn unavailable_reps_are_skipped() {
        let mut busy = c(1, &[], 0, 0);
        busy.status = PresenceStatus::Busy;
        assert_eq!(
            choose(
                RoutingMode::LeastBusy,
                &[],
                &[busy.clone(), c(2, &[], 5, 0)],
                &[]
            ),
            Some(UserId(2))
        );
        assert_eq!(choose(RoutingMode::LeastBusy, &[], &[busy], &[]), None);
    }

    #[test]
    fn skills_match_then_least_busy_dropping_lowest_rank() {
        let cands = [
            c(1, &["a"], 0, 0),
            c(2, &["a", "b"], 3, 0),
            c(3, &["b", "c"], 0, 0),
        ];
        // Only rep 2 covers a+b, busy as they are.
        assert_eq!(
            choose(
                RoutingMode::SkillsThenLeastBusy,
                &req(&["a", "b"]),
                &cands,
                &[]
            ),
            Some(UserId(2))
        );
        // Nobody has a+b+z: drop z (lowest rank), then rep 2 covers a+b.
        assert_eq!(
            choose(
                RoutingMode::SkillsThenLeastBusy,
                &req(&["a", "b", "z"]),
                &cands,
                &[]
            ),
            Some(UserId(2))
        );
        // Nobody has z+q: drop q, then z, then least busy of all (1 and 3 tie at 0 active).
        assert_eq!(
            choose(
                RoutingMode::SkillsThenLeastBusy,
                &req(&["z", "q"]),
                &cands,
                &[]
            ),
            Some(UserId(1))
        );
        // c is held only by rep 3.
        assert_eq!(
            choose(RoutingMode::SkillsThenLeastBusy, &req(&["c"]), &cands, &[]),
            Some(UserId(3))
        );
    }
}
