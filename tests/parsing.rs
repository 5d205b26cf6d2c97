#![cfg(not(target_arch = "wasm32"))]
//! The hand-written date, time and timestamp parsers agree with chrono's
//! general parsers (which the wasm no longer carries) on generated inputs.

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use proptest::prelude::*;
use storefront_availability::internals::{parse_date, parse_time, write_timestamp};
use storefront_availability::parse_timestamp;

fn chrono_timestamp(text: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text).ok().map(|t| t.with_timezone(&Utc))
}

/// Valid-looking timestamps with every optional part, and random damage.
fn timestamp() -> impl Strategy<Value = String> {
    let valid = (
        1i32..9999,
        1u32..13,
        1u32..32,
        0u32..24,
        0u32..60,
        0u32..61,
        prop::option::of("[0-9]{1,12}"),
        prop_oneof![
            Just("Z".to_owned()),
            Just("z".to_owned()),
            (any::<bool>(), 0u32..24, 0u32..60)
                .prop_map(|(neg, h, m)| format!("{}{h:02}:{m:02}", if neg { '-' } else { '+' })),
        ],
        prop::sample::select(vec!['T', 't', ' ']),
    )
        .prop_map(|(y, mo, d, h, mi, s, frac, off, sep)| {
            format!(
                "{y:04}-{mo:02}-{d:02}{sep}{h:02}:{mi:02}:{s:02}{}{off}",
                frac.map(|f| format!(".{f}")).unwrap_or_default()
            )
        });
    (valid, 0usize..40, any::<u8>(), any::<bool>()).prop_map(|(text, at, byte, damage)| {
        let mut bytes = text.into_bytes();
        if damage && at < bytes.len() {
            bytes[at] = byte % 128;
        }
        String::from_utf8(bytes).unwrap_or_default()
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 5000, ..ProptestConfig::default() })]

    #[test]
    fn timestamps_parse_as_chrono_parses_them(text in timestamp()) {
        prop_assert_eq!(parse_timestamp(&text), chrono_timestamp(&text), "{:?}", text);
    }

    #[test]
    fn dates_parse_as_chrono_parses_them(y in 0i32..10000, m in 0u32..14, d in 0u32..33, junk in any::<bool>()) {
        let text = if junk { format!("{y}-{m}-{d}") } else { format!("{y:04}-{m:02}-{d:02}") };
        let strict = text.len() == 10;
        prop_assert_eq!(parse_date(&text), NaiveDate::parse_from_str(&text, "%Y-%m-%d").ok().filter(|_| strict));
    }

    #[test]
    fn times_parse_as_chrono_parses_them(h in 0u32..30, m in 0u32..70) {
        let text = format!("{h:02}:{m:02}");
        prop_assert_eq!(parse_time(&text), NaiveTime::parse_from_str(&text, "%H:%M").ok());
    }

    #[test]
    fn written_timestamps_read_back(ms in -62_000_000_000_000i64..253_000_000_000_000) {
        let at = DateTime::from_timestamp_millis(ms).unwrap();
        prop_assert_eq!(parse_timestamp(&write_timestamp(at)), Some(at));
    }
}

#[test]
fn examples() {
    assert_eq!(parse_timestamp("2026-11-23T09:30:00+01:00"), chrono_timestamp("2026-11-23T08:30:00Z"));
    assert_eq!(
        parse_timestamp("2026-11-23T09:30:00.5Z").map(write_timestamp).as_deref(),
        Some("2026-11-23T09:30:00.500Z")
    );
    assert_eq!(parse_timestamp("2026-11-23"), None);
    assert_eq!(parse_timestamp("2026-11-23T09:30Z"), None);
    assert_eq!(parse_date("2026-02-30"), None);
    assert_eq!(parse_date("+026-02-03"), None);
    assert_eq!(parse_time("24:00"), None);
}
