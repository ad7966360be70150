//! Issue 11: micro-benchmarks of the server's pure hot paths. Run with
//! `cargo bench -p beckon --bench hot_paths`; not part of the test command.

use beckon::domain::catalog::RoutingMode;
use beckon::domain::ids::UserId;
use beckon::domain::people::PresenceStatus;
use beckon::domain::routing::{choose, Candidate};
use beckon::domain::start_request;
use beckon::http::api::xml::Node;
use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

fn parser(c: &mut Criterion) {
    let small = pairs(&[("issue_menu", "1"), ("id", "12"), ("c2cjs", "1")]);
    let full = pairs(&[
        ("issue_menu", "1"),
        ("codeName", "printing"),
        ("customer.name", "Ada Lovelace"),
        ("customer.company", "Analytical Engines Ltd"),
        ("customer.company_code", "AE-1843"),
        (
            "customer.details",
            &"The printer prints only blank pages. ".repeat(20),
        ),
        ("session.custom.custom_field1", "order 12345"),
        ("session.custom.custom_field2", "priority customer"),
        ("session.custom.external_key", "crm-98765"),
        ("skills", "skill1,skill2"),
        ("session.skills", "skill2"),
        ("locale", "de-de"),
        ("c2cjs", "1"),
        ("popup", "1"),
        ("timezone_offset", "-60"),
    ]);
    assert!(start_request::parse(&small).is_ok() && start_request::parse(&full).is_ok());
    let mut g = c.benchmark_group("start_request::parse");
    g.throughput(Throughput::Elements(1));
    g.bench_function("issue selector, 3 parameters", |b| {
        b.iter(|| start_request::parse(black_box(&small)))
    });
    g.bench_function("every kind of parameter, 15 parameters", |b| {
        b.iter(|| start_request::parse(black_box(&full)))
    });
    g.finish();
}

/// 500 representatives with mixed presence, skills and load, like a large team.
fn candidates() -> Vec<Candidate> {
    let skills = ["networking", "printing", "french", "german", "billing"];
    (0..500)
        .map(|i| Candidate {
            user: UserId(i),
            status: match i % 10 {
                0 => PresenceStatus::Busy,
                1 => PresenceStatus::Away,
                _ => PresenceStatus::Available,
            },
            skills: skills
                .iter()
                .enumerate()
                .filter(|(k, _)| (i as usize + k) % 3 != 0)
                .map(|(_, s)| s.to_string())
                .collect(),
            active: i % 7,
            idle_since: 1_700_000_000_000 - i * 997 % 100_000,
        })
        .collect()
}

fn routing(c: &mut Criterion) {
    let cands = candidates();
    let need: Vec<String> = ["networking", "french", "billing"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    // Skills no one covers at once: the search drops skills down to plain least busy.
    let rare: Vec<String> = ["networking", "printing", "french", "german", "billing", "x"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    let exclude: Vec<UserId> = (0..20).map(|i| UserId(i * 13)).collect();
    let mut g = c.benchmark_group("routing::choose, 500 candidates");
    g.throughput(Throughput::Elements(1));
    g.bench_function("least_busy", |b| {
        b.iter(|| choose(RoutingMode::LeastBusy, &[], black_box(&cands), &[]))
    });
    g.bench_function("skills_then_least_busy, 3 skills", |b| {
        b.iter(|| {
            choose(
                RoutingMode::SkillsThenLeastBusy,
                &need,
                black_box(&cands),
                &exclude,
            )
        })
    });
    g.bench_function("skills_then_least_busy, 6 skills, drops to 5", |b| {
        b.iter(|| {
            choose(
                RoutingMode::SkillsThenLeastBusy,
                &rare,
                black_box(&cands),
                &exclude,
            )
        })
    });
    g.finish();
    // One routing pass over 1,000 queued sessions.
    let mut g = c.benchmark_group("routing pass, 1,000 sessions x 500 candidates");
    g.throughput(Throughput::Elements(1000));
    g.sample_size(20);
    g.bench_function("skills_then_least_busy", |b| {
        b.iter(|| {
            let mut offered = 0;
            for i in 0..1000 {
                let req = if i % 2 == 0 { &need[..] } else { &need[..1] };
                if choose(RoutingMode::SkillsThenLeastBusy, req, &cands, &exclude).is_some() {
                    offered += 1;
                }
            }
            black_box(offered)
        })
    });
    g.finish();
}

/// A `get_logged_in_reps`-shaped answer with `n` representatives.
fn reps_answer(n: i64) -> Node {
    Node::list(
        "logged_in_reps",
        "rep",
        (0..n)
            .map(|i| {
                Node::new("rep")
                    .attr("id", i)
                    .child(Node::text("public_display_name", format!("Rep <{i}> & Co")))
                    .child(Node::text(
                        "private_display_name",
                        format!("Rep {i} \"private\""),
                    ))
                    .child(Node::text("type", "normal"))
                    .child(Node::text(
                        "direct_link",
                        format!("http://127.0.0.1:8080/api/start_session?id={i}&name=Rep+{i}"),
                    ))
                    .child(Node::text("logged_in_since", 1_700_000_000 + i))
                    .child(Node::text("support_session_count", i % 5))
                    .child(Node::text("showing_on_rep_list", 1))
                    .child(Node::text("status", "available"))
            })
            .collect::<Vec<_>>(),
    )
}

fn xml(c: &mut Criterion) {
    let mut g = c.benchmark_group("command API answer");
    for n in [10, 500] {
        let node = reps_answer(n);
        g.throughput(Throughput::Elements(n as u64));
        g.bench_function(format!("to_xml, {n} reps"), |b| {
            b.iter(|| black_box(&node).to_xml())
        });
        g.bench_function(format!("to_json, {n} reps"), |b| {
            b.iter(|| black_box(&node).to_json())
        });
        g.bench_function(format!("build + to_xml, {n} reps"), |b| {
            b.iter(|| reps_answer(black_box(n)).to_xml())
        });
    }
    g.finish();
}

criterion_group!(benches, parser, routing, xml);
criterion_main!(benches);
