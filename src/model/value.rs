//! Numbers and strings as the snapshot and JavaScript see them.

/// The largest integer JavaScript represents exactly (2^53 − 1).
pub(crate) const MAX_SAFE_INTEGER: u64 = (1 << 53) - 1;

/// The most days any day-count setting may hold (ten years): a guard
/// against values that would overflow the calendar.
pub(crate) const MAX_DAYS: u32 = 3660;

/// `"text"` in double quotes, for error messages.
pub(crate) fn quoted(text: &str) -> String {
    format!("\"{text}\"")
}

/// The shortest decimal `m / 10^k` (k ≤ 22) that reads back as `x` ≥ 0,
/// found exactly: `m` and `10^k` are exact in f64 and division rounds
/// correctly, as parsing does. `None` for values that need more digits.
pub(crate) fn shortest_decimal(x: f64) -> Option<(u64, u32)> {
    let mut power = 1.0;
    for k in 0..=22 {
        let m = (x * power).round();
        if m > MAX_SAFE_INTEGER as f64 {
            return None;
        }
        if m / power == x {
            return Some((m as u64, k));
        }
        power *= 10.0;
    }
    None
}

/// Writes a number for an error message as JavaScript would for the values
/// snapshots hold (`2.5`, `-3`, `NaN`), without the weight of Rust's float
/// formatting in the wasm.
///
/// ```
/// use storefront_availability::internals::number_text;
/// assert_eq!(number_text(2.5), "2.5");
/// assert_eq!(number_text(0.29), "0.29");
/// assert_eq!(number_text(-9007199254740992.0), "-9007199254740992");
/// assert_eq!(number_text(0.0), "0");
/// assert_eq!(number_text(1e20), "100000000000000000000");
/// assert_eq!(number_text(f64::NAN), "NaN");
/// ```
pub fn number_text(x: f64) -> String {
    if x.is_nan() {
        return "NaN".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "Infinity".into() } else { "-Infinity".into() };
    }
    let sign = if x < 0.0 { "-" } else { "" };
    if x.fract() == 0.0 && x.abs() < 1e21 {
        return format!("{sign}{}", integer_digits(x.abs() as u128));
    }
    match shortest_decimal(x.abs()) {
        Some((m, k)) => {
            let scale = 10u64.pow(k);
            format!("{sign}{}.{:0width$}", m / scale, m % scale, width = k as usize)
        }
        None => format!("{sign}a number with more than 22 decimals"),
    }
}

/// The decimal digits of `n`: one division at a time, with the 128-bit
/// division the pre-order cap already needs (`u128`'s `Display` added
/// 1.3 KB to the page wasm for error texts).
fn integer_digits(mut n: u128) -> String {
    let mut digits = Vec::new();
    loop {
        digits.push(char::from(b'0' + (n % 10) as u8));
        n /= 10;
        if n == 0 {
            return digits.iter().rev().collect();
        }
    }
}
