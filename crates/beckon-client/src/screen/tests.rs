use super::*;

fn solid(width: u32, height: u32, rgb: [u8; 3]) -> Frame {
    Frame {
        width,
        height,
        rgb: rgb.repeat((width * height) as usize),
    }
}

fn set(f: &mut Frame, x: u32, y: u32, rgb: [u8; 3]) {
    let i = ((y * f.width + x) * 3) as usize;
    f.rgb[i..i + 3].copy_from_slice(&rgb);
}

/// Pseudo-random pixels: the worst case for PNG.
fn noise(width: u32, height: u32) -> Frame {
    let mut s: u32 = 0x1234_5678;
    let rgb = (0..width * height * 3)
        .map(|_| {
            s ^= s << 13;
            s ^= s >> 17;
            s ^= s << 5;
            s as u8
        })
        .collect();
    Frame { width, height, rgb }
}

#[test]
fn only_changed_tiles_are_sent_and_a_new_size_is_a_keyframe() {
    let a = solid(200, 100, [1, 2, 3]);
    // 4 columns (64, 64, 64, 8) by 2 rows (64, 36).
    let all = changes(None, &a);
    assert_eq!(all.len(), 8);
    assert_eq!(
        all[3],
        Rect {
            x: 192,
            y: 0,
            w: 8,
            h: 64
        }
    );
    assert_eq!(
        all[7],
        Rect {
            x: 192,
            y: 64,
            w: 8,
            h: 36
        }
    );
    assert!(changes(Some(&a), &a).is_empty());
    let mut b = a.clone();
    set(&mut b, 199, 99, [9, 9, 9]);
    set(&mut b, 65, 0, [9, 9, 9]);
    assert_eq!(
        changes(Some(&a), &b),
        vec![
            Rect {
                x: 64,
                y: 0,
                w: 64,
                h: 64
            },
            Rect {
                x: 192,
                y: 64,
                w: 8,
                h: 36
            }
        ]
    );
    assert_eq!(changes(Some(&a), &solid(100, 100, [1, 2, 3])).len(), 4);
}

#[test]
fn tiles_decode_to_the_pixels_they_came_from() {
    let mut f = solid(70, 70, [10, 20, 30]);
    set(&mut f, 66, 69, [200, 100, 50]);
    let r = Rect {
        x: 64,
        y: 64,
        w: 6,
        h: 6,
    };
    let png = encode_tile(&f, r).unwrap();
    let mut reader = png::Decoder::new(std::io::Cursor::new(png))
        .read_info()
        .unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    assert_eq!((info.width, info.height), (6, 6));
    assert_eq!(&buf[0..3], &[10, 20, 30]);
    let i = (5 * 6 + 2) * 3;
    assert_eq!(&buf[i..i + 3], &[200, 100, 50]);
}

#[test]
fn packed_messages_fit_the_socket_and_only_the_last_is_marked() {
    let f = noise(640, 256);
    let rects = changes(None, &f);
    let msgs = pack(&f, &rects, 7, 1000, 5).unwrap();
    assert!(msgs.len() > 1, "noise does not fit one message");
    let mut count = 0;
    for (i, m) in msgs.iter().enumerate() {
        let json = serde_json::to_string(m).unwrap();
        assert!(json.len() <= MAX_MESSAGE_BYTES, "{} bytes", json.len());
        let ClientMsg::ScreenTiles {
            tiles,
            last,
            frame,
            width,
            ..
        } = m
        else {
            panic!("not tiles");
        };
        assert_eq!((*frame, *width), (7, 640));
        assert_eq!(*last, i + 1 == msgs.len());
        beckon_protocol::screen::check_tiles(640, 256, tiles).unwrap();
        count += tiles.len();
    }
    assert_eq!(count, rects.len());
    let none = pack(&f, &[], 8, 1000, 5).unwrap();
    assert!(
        matches!(&none[..], [ClientMsg::ScreenTiles { last: true, tiles, .. }] if tiles.is_empty())
    );
}
