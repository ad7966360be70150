//! Form-encoded pairs (query strings and `application/x-www-form-urlencoded` bodies), decoded
//! strictly.
//!
//! `form_urlencoded::parse` puts U+FFFD in place of bytes that are not UTF-8, so a customer's
//! name sent in Latin-1 (`J%FCrgen`) would be stored silently changed. Here such a value is an
//! error that names its parameter, answered with a 400 by the callers.

/// The pairs of `input`, split and decoded as `form_urlencoded::parse` does (`&` between pairs,
/// the first `=` between name and value, `+` for a space, lenient `%XX`), or the name of the
/// first parameter whose name or value is not UTF-8 once decoded.
pub fn strict_pairs(input: &[u8]) -> Result<Vec<(String, String)>, String> {
    let mut out = Vec::new();
    for part in input.split(|b| *b == b'&').filter(|p| !p.is_empty()) {
        let (name, value) = match part.iter().position(|b| *b == b'=') {
            Some(i) => (&part[..i], &part[i + 1..]),
            None => (part, &[][..]),
        };
        let name = decode(name);
        let value = decode(value);
        match (String::from_utf8(name), String::from_utf8(value)) {
            (Ok(n), Ok(v)) => out.push((n, v)),
            (Ok(n), Err(_)) => return Err(n),
            (Err(e), _) => return Err(String::from_utf8_lossy(e.as_bytes()).into_owned()),
        }
    }
    Ok(out)
}

fn decode(s: &[u8]) -> Vec<u8> {
    let hex = |b: u8| (b as char).to_digit(16).map(|d| d as u8);
    let mut out = Vec::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        match s[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < s.len() => match (hex(s[i + 1]), hex(s[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push(h << 4 | l);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_like_form_urlencoded_for_valid_input() {
        for input in [
            "a=1&b=x+y%2Bz&&c&d=%zz%4&e=%E2%82%AC=&f=%",
            "customer.name=%3Cscript%3E&x=%00%0D%0A",
            "",
            "=v&k=",
        ] {
            let ours = strict_pairs(input.as_bytes()).unwrap();
            let theirs: Vec<(String, String)> = form_urlencoded::parse(input.as_bytes())
                .into_owned()
                .collect();
            assert_eq!(ours, theirs, "{input}");
        }
    }

    #[test]
    fn names_the_parameter_that_is_not_utf8() {
        assert_eq!(
            strict_pairs(b"a=1&customer.name=J%FCrgen"),
            Err("customer.name".into())
        );
        assert_eq!(strict_pairs(b"a=1&b=\xff"), Err("b".into()));
        assert_eq!(
            strict_pairs(b"%ED%A0%80=1"),
            Err("\u{FFFD}\u{FFFD}\u{FFFD}".into())
        );
    }
}
