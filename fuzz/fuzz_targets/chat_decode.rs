//! The chat protocol decoder: `beckon::protocol::decode_client_frame`, which the customer
//! WebSocket (`http::chat_ws`) runs on every text frame a page or client sends, including
//! the hello. A frame is whatever a hostile page chooses, so the decoder must answer every
//! one with a message or a typed error.
#![no_main]

use beckon::protocol::{
    decode_client_frame, ClientMsg, FrameError, MAX_CLIENT_ID_CHARS, MAX_FRAME_BYTES,
    MAX_LEAVE_FIELD_CHARS, MAX_MESSAGE_CHARS,
};
use beckon_protocol::{files, screen, shell};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // The socket hands over text frames only as UTF-8 (the WebSocket layer checks it).
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let msg = match decode_client_frame(text) {
        Ok(m) => m,
        Err(e) => {
            // The page is told a code and a message from a closed set.
            assert!(matches!(
                e.code(),
                "too_large" | "bad_message" | "invalid_message"
            ));
            assert!(!e.message().is_empty());
            if e == FrameError::TooLarge {
                assert!(text.len() > MAX_FRAME_BYTES);
            }
            return;
        }
    };
    if !matches!(msg, ClientMsg::SystemInfo { .. }) {
        assert!(text.len() <= MAX_FRAME_BYTES);
    }
    match &msg {
        ClientMsg::Chat { id, text } => {
            let id_chars = id.chars().count();
            assert!((1..=MAX_CLIENT_ID_CHARS).contains(&id_chars));
            assert!(!text.trim().is_empty());
            assert!(text.chars().count() <= MAX_MESSAGE_CHARS);
        }
        ClientMsg::LeaveMessage {
            name,
            contact,
            text,
        } => {
            assert!(name.chars().count() <= MAX_LEAVE_FIELD_CHARS);
            assert!(contact.chars().count() <= MAX_LEAVE_FIELD_CHARS);
            assert!(!text.trim().is_empty());
            assert!(text.chars().count() <= MAX_MESSAGE_CHARS);
        }
        // The rest of a system_info's checks run in http::chat_consent; the pure one is
        // the protocol crate's and must answer any decoded info.
        ClientMsg::SystemInfo { info } => {
            let _ = info.check();
        }
        // The payloads the server stores or relays were decoded and bounded before it saw
        // them: what the decoder accepted, the handlers may take as checked.
        ClientMsg::ShellOutput { data, id } => {
            let bytes = shell::decode(data, shell::MAX_CHUNK_BYTES).expect("checked output");
            assert!(bytes.len() <= shell::MAX_CHUNK_BYTES);
            if let Some(id) = id {
                assert!((1..=MAX_CLIENT_ID_CHARS).contains(&id.chars().count()));
            }
        }
        ClientMsg::FileChunk { data, .. } => {
            let bytes = files::decode(data).expect("checked chunk");
            assert!(bytes.len() <= files::MAX_CHUNK_BYTES);
        }
        ClientMsg::FileOffer { name, .. } => {
            assert!(name.chars().count() <= 4 * files::MAX_NAME_CHARS);
        }
        ClientMsg::ScreenTiles {
            width,
            height,
            tiles,
            ..
        } => {
            assert!((1..=screen::MAX_SIDE).contains(width));
            assert!((1..=screen::MAX_SIDE).contains(height));
            assert_eq!(screen::check_tiles(*width, *height, tiles), Ok(()));
        }
        _ => {}
    }
    // What the server decoded, re-encoded (as the client crate sends it), decodes to the same
    // message: the two sides agree on every message either can produce.
    let again = serde_json::to_string(&msg).expect("a ClientMsg serializes");
    match decode_client_frame(&again) {
        Ok(back) => assert_eq!(back, msg, "re-encoded as {again}"),
        Err(e) => panic!("re-encoded {again} does not decode: {e:?}"),
    }
});
