use super::*;
use serde_json::json;

struct Still;

impl ScreenSource for Still {
    fn capture(&mut self) -> Result<Frame, ScreenError> {
        Ok(Frame {
            width: 100,
            height: 70,
            rgb: vec![7; 100 * 70 * 3],
        })
    }
}

fn still() -> Result<Box<dyn ScreenSource>, ScreenError> {
    Ok(Box::new(Still))
}

fn broken() -> Result<Box<dyn ScreenSource>, ScreenError> {
    Err(ScreenError::NoDisplay("none here".into()))
}

/// The next message, if one comes within `ms`.
async fn within(link: &mut ScreenLink, ms: u64) -> Option<Step> {
    tokio::time::timeout(Duration::from_millis(ms), link.next())
        .await
        .ok()
}

/// A message that must come (capture and encoding may be slow on a loaded machine).
async fn soon(link: &mut ScreenLink) -> Option<Step> {
    within(link, 10_000).await
}

/// Whether nothing comes for a while.
async fn quiet(link: &mut ScreenLink) -> bool {
    within(link, 400).await.is_none()
}

fn frame_of(step: &Step) -> (u64, usize, bool) {
    match &step.send {
        Some(ClientMsg::ScreenTiles {
            frame, tiles, last, ..
        }) => (*frame, tiles.len(), *last),
        other => panic!("not tiles: {other:?}"),
    }
}

#[tokio::test]
async fn one_frame_in_flight_until_acked_and_nothing_after_revoke() {
    let mut link = ScreenLink::with_source(still);
    let allowed = json!({"capability": "screen_view"});
    link.on_event(
        "capability_requested",
        "rep",
        &json!({"capability": "screen_view", "name": "Ann"}),
    );
    // An allow this process did not give starts nothing.
    link.on_event("capability_allowed", "customer", &allowed);
    assert!(!link.is_running());
    link.allowed();
    let step = link.on_event("capability_allowed", "customer", &allowed);
    assert!(matches!(step.show, Some(Update::ScreenStarted { ref name }) if name == "Ann"));
    // A keyframe first: all 2×2 tiles, in one message.
    let first = soon(&mut link).await.expect("a first frame");
    assert_eq!(frame_of(&first), (1, 4, true));
    // No credit, no second frame.
    assert!(quiet(&mut link).await, "captured without an ack");
    link.on_ack(9, false);
    assert!(
        quiet(&mut link).await,
        "an ack of another frame is no credit"
    );
    link.on_ack(1, false);
    let second = soon(&mut link).await.expect("a frame after the ack");
    assert_eq!(frame_of(&second), (2, 0, true), "nothing changed");
    link.on_ack(2, true);
    let third = soon(&mut link).await.expect("a keyframe on request");
    assert_eq!(frame_of(&third), (3, 4, true));
    let step = link.on_event("capability_revoked", "customer", &allowed);
    assert!(matches!(step.show, Some(Update::ScreenStopped)));
    assert!(!link.is_running());
    link.on_ack(3, true);
    assert!(quiet(&mut link).await, "nothing after the revocation");
}

#[tokio::test]
async fn a_source_that_cannot_open_ends_the_consent_in_the_log() {
    let mut link = ScreenLink::with_source(broken);
    link.allowed();
    link.on_event(
        "capability_allowed",
        "customer",
        &json!({"capability": "screen_view"}),
    );
    let step = soon(&mut link).await.expect("the failure");
    assert!(matches!(step.show, Some(Update::ScreenFailed(_))));
    assert!(matches!(
        step.send,
        Some(ClientMsg::ScreenEnded { frames: 0, .. })
    ));
    assert!(!link.is_running());
}

struct Noise;

impl ScreenSource for Noise {
    fn capture(&mut self) -> Result<Frame, ScreenError> {
        let mut s: u32 = 0x9e37_79b9;
        let rgb = (0..320 * 256 * 3)
            .map(|_| {
                s ^= s << 13;
                s ^= s >> 17;
                s ^= s << 5;
                s as u8
            })
            .collect();
        Ok(Frame {
            width: 320,
            height: 256,
            rgb,
        })
    }
}

fn noise() -> Result<Box<dyn ScreenSource>, ScreenError> {
    Ok(Box::new(Noise))
}

#[tokio::test]
async fn a_frame_leaves_one_message_at_a_time() {
    // Each call gives the connection task one message, so its loop can send chat between
    // two parts of a frame instead of behind all of them.
    let mut link = ScreenLink::with_source(noise);
    link.allowed();
    link.on_event(
        "capability_allowed",
        "customer",
        &json!({"capability": "screen_view"}),
    );
    let mut parts = 0;
    loop {
        // Encoding noise takes a while (debug build); the later parts are queued already.
        let wait = if parts == 0 { 10_000 } else { 50 };
        let step = tokio::time::timeout(Duration::from_millis(wait), link.next())
            .await
            .expect("the frame's next part");
        let (frame, tiles, last) = frame_of(&step);
        assert_eq!(frame, 1);
        assert!(tiles >= 1);
        parts += 1;
        if last {
            break;
        }
        // The server takes each message off the socket (`screen_received`).
        link.on_received();
    }
    assert!(parts > 3, "noise needs several messages, got {parts}");
    assert!(quiet(&mut link).await, "then nothing until the ack");
}

#[tokio::test]
async fn no_more_than_the_window_waits_unreceived() {
    // On a slow link the server's `screen_received` comes late: the link stops handing out
    // parts once a window's worth is unanswered, so chat never queues behind a whole frame.
    let mut link = ScreenLink::with_source(noise);
    link.allowed();
    link.on_event(
        "capability_allowed",
        "customer",
        &json!({"capability": "screen_view"}),
    );
    let mut bytes = 0;
    let mut parts = 0;
    loop {
        let wait = if parts == 0 { 10_000 } else { 300 };
        let Ok(step) = tokio::time::timeout(Duration::from_millis(wait), link.next()).await else {
            break;
        };
        let (_, _, last) = frame_of(&step);
        assert!(!last, "the whole frame left without one answer");
        if let Some(ClientMsg::ScreenTiles { tiles, .. }) = &step.send {
            bytes += tiles.iter().map(|t| t.data.len()).sum::<usize>();
        }
        parts += 1;
    }
    assert!(parts >= 2, "{parts} parts before the window closed");
    assert!(
        bytes <= WINDOW_BYTES + 32 * 1024,
        "{bytes} bytes unanswered"
    );
    // One answer opens the window for the next part.
    link.on_received();
    let step = tokio::time::timeout(Duration::from_millis(1000), link.next())
        .await
        .expect("the next part after an answer");
    assert_eq!(frame_of(&step).0, 1);
}
