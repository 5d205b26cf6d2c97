//! Store-local calendar arithmetic: business days, holidays, ship dates.
//!
//! All dates are store-local calendar dates (`NaiveDate`). Every step is
//! checked: a date that would leave chrono's range gives `None`, never a panic.

use chrono::{DateTime, Datelike, NaiveDate, NaiveTime, Timelike, Utc, Weekday};

/// The days the warehouse ships.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Calendar {
    /// Shipping weekdays, indexed by `Weekday::num_days_from_monday`.
    weekdays: [bool; 7],
    /// Sorted, deduplicated.
    holidays: Vec<NaiveDate>,
}

impl Calendar {
    /// A calendar shipping on `weekdays` except on `holidays`.
    ///
    /// ```
    /// use chrono::{NaiveDate, Weekday};
    /// use storefront_availability::internals::Calendar;
    /// let cal = Calendar::new(&[Weekday::Mon, Weekday::Tue], vec![]);
    /// let sunday = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    /// assert_eq!(cal.next(sunday), NaiveDate::from_ymd_opt(2026, 11, 23));
    /// ```
    pub fn new(weekdays: &[Weekday], holidays: Vec<NaiveDate>) -> Calendar {
        let mut days = [false; 7];
        for day in weekdays {
            days[day.num_days_from_monday() as usize] = true;
        }
        // A heap sort, O(n log n) (sorted insertion was quadratic in hostile
        // holiday lists) and the smallest sort code in the wasm.
        let mut sorted = std::collections::BinaryHeap::from(holidays).into_sorted_vec();
        sorted.dedup();
        Calendar { weekdays: days, holidays: sorted }
    }

    /// Whether the warehouse ships on `date`.
    pub fn is_business_day(&self, date: NaiveDate) -> bool {
        self.weekdays[date.weekday().num_days_from_monday() as usize] && self.holidays.binary_search(&date).is_err()
    }

    /// The first business day on or after `date`.
    pub fn next(&self, date: NaiveDate) -> Option<NaiveDate> {
        if !self.weekdays.contains(&true) {
            return None;
        }
        // Each holiday can push at most one step further, each week has a business day.
        let mut day = date;
        for _ in 0..=(self.holidays.len() + 7) {
            if self.is_business_day(day) {
                return Some(day);
            }
            day = day.succ_opt()?;
        }
        None
    }

    /// `next(date)` moved forward by `n` more business days.
    pub fn add_business(&self, date: NaiveDate, n: u32) -> Option<NaiveDate> {
        let mut day = self.next(date)?;
        for _ in 0..n {
            day = self.next(day.succ_opt()?)?;
        }
        Some(day)
    }

    /// The day an order placed at local `date` + `time` is processed: today
    /// when today is a business day and the time (to the minute) is before
    /// `cutoff`, else the next business day after today.
    pub fn processing_day(&self, date: NaiveDate, time: NaiveTime, cutoff: NaiveTime) -> Option<NaiveDate> {
        let minute = NaiveTime::from_hms_opt(time.hour(), time.minute(), 0)?;
        if self.is_business_day(date) && minute < cutoff {
            Some(date)
        } else {
            self.next(date.succ_opt()?)
        }
    }
}

/// Calendar days from `from` to `to` (negative when `to` is earlier).
pub(crate) fn days_between(from: NaiveDate, to: NaiveDate) -> i64 {
    (to - from).num_days()
}

/// The number written by `digits` (ASCII digits only, else `None`).
fn number(digits: &[u8]) -> Option<u32> {
    if digits.is_empty() || digits.len() > 9 {
        return None;
    }
    digits.iter().try_fold(0u32, |n, &c| c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0')))
}

/// Parses a strict `YYYY-MM-DD` calendar date (rejects `2026-02-30`).
///
/// Hand-written for the three fixed formats the snapshot uses: chrono's
/// general format parser costs ~4 KB gzip of wasm.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let b = text.as_bytes();
    if b.len() != 10 || b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
        return None;
    }
    let year = i32::try_from(number(b.get(0..4)?)?).ok()?;
    NaiveDate::from_ymd_opt(year, number(b.get(5..7)?)?, number(b.get(8..10)?)?)
}

/// Parses a strict `HH:MM` 24-hour time.
pub fn parse_time(text: &str) -> Option<NaiveTime> {
    let b = text.as_bytes();
    if b.len() != 5 || b.get(2) != Some(&b':') {
        return None;
    }
    NaiveTime::from_hms_opt(number(b.get(0..2)?)?, number(b.get(3..5)?)?, 0)
}

/// Parses an RFC 3339 timestamp: `2026-11-23T09:30:00Z`, with optional
/// fractional seconds and a `Z` or `±HH:MM` offset (`t`, `z` and a space
/// for `T` are accepted too). A leap second `:60` is kept as chrono does.
pub fn parse_timestamp(text: &str) -> Option<DateTime<Utc>> {
    let b = text.as_bytes();
    let date = parse_date(text.get(0..10)?)?;
    if !matches!(b.get(10), Some(b'T' | b't' | b' ')) || b.get(13) != Some(&b':') || b.get(16) != Some(&b':') {
        return None;
    }
    let (hour, minute, second) = (number(b.get(11..13)?)?, number(b.get(14..16)?)?, number(b.get(17..19)?)?);
    let mut rest = b.get(19..)?;
    let mut nanos = 0;
    if let Some((b'.', tail)) = rest.split_first() {
        let digits = tail.iter().take_while(|c| c.is_ascii_digit()).count();
        let fraction = tail.get(..digits)?;
        if digits == 0 {
            return None;
        }
        let kept = fraction.get(..digits.min(9))?;
        nanos = number(kept)? * 10u32.pow(9 - kept.len() as u32);
        rest = tail.get(digits..)?;
    }
    let offset_seconds: i32 = match rest {
        [b'Z' | b'z'] => 0,
        [sign @ (b'+' | b'-'), h1, h2, b':', m1, m2] => {
            let (h, m) = (number(&[*h1, *h2])?, number(&[*m1, *m2])?);
            if h > 23 || m > 59 {
                return None;
            }
            let seconds = (h * 3600 + m * 60) as i32;
            if *sign == b'-' {
                -seconds
            } else {
                seconds
            }
        }
        _ => return None,
    };
    let time = if second == 60 {
        NaiveTime::from_hms_nano_opt(hour, minute, 59, 1_000_000_000 + nanos)?
    } else {
        NaiveTime::from_hms_nano_opt(hour, minute, second, nanos)?
    };
    let offset = chrono::FixedOffset::east_opt(offset_seconds)?;
    Some(chrono::TimeZone::from_local_datetime(&offset, &date.and_time(time)).single()?.with_timezone(&Utc))
}

/// `date` as `YYYY-MM-DD`, written digit by digit: results hold many dates,
/// and chrono's `Display` goes through the formatting machinery (serializing
/// 10,000 decisions took twice as long as deciding them).
///
/// ```
/// use chrono::NaiveDate;
/// use storefront_availability::internals::iso_date;
/// assert_eq!(iso_date(NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()), "2026-12-01");
/// assert_eq!(iso_date(NaiveDate::from_ymd_opt(12026, 1, 9).unwrap()), "+12026-01-09");
/// ```
pub fn iso_date(date: NaiveDate) -> String {
    let year = date.year();
    if !(0..=9999).contains(&year) {
        return date.to_string();
    }
    let digit = |n: u32, place: u32| char::from(b'0' + (n / 10u32.pow(place) % 10) as u8);
    let (y, m, d) = (year as u32, date.month(), date.day());
    [digit(y, 3), digit(y, 2), digit(y, 1), digit(y, 0), '-', digit(m, 1), digit(m, 0), '-', digit(d, 1), digit(d, 0)]
        .into_iter()
        .collect()
}

/// Serializes a date as `YYYY-MM-DD` (`#[serde(serialize_with)]`).
pub(crate) fn serialize_date<S: serde::Serializer>(date: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&iso_date(*date))
}

/// Serializes an optional date as `YYYY-MM-DD` or `null`.
pub(crate) fn serialize_opt_date<S: serde::Serializer>(date: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
    match date {
        Some(date) => s.serialize_str(&iso_date(*date)),
        None => s.serialize_none(),
    }
}

/// Writes an instant as RFC 3339 in UTC, with milliseconds when present.
pub fn write_timestamp(at: DateTime<Utc>) -> String {
    let (d, t) = (at.date_naive(), at.time());
    let mut text =
        format!("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}", d.year(), d.month(), d.day(), t.hour(), t.minute(), t.second());
    let millis = at.timestamp_subsec_millis();
    if millis > 0 {
        text.push_str(&format!(".{millis:03}"));
    }
    text.push('Z');
    text
}

/// Parses a weekday abbreviation: `mon` … `sun`.
pub(crate) fn parse_weekday(text: &str) -> Option<Weekday> {
    use Weekday::*;
    Some(match text {
        "mon" => Mon,
        "tue" => Tue,
        "wed" => Wed,
        "thu" => Thu,
        "fri" => Fri,
        "sat" => Sat,
        "sun" => Sun,
        _ => return None,
    })
}
