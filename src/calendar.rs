//! Store-local calendar arithmetic: business days, holidays, ship dates.
//!
//! All dates are store-local calendar dates (`NaiveDate`). Every step is
//! checked: a date that would leave chrono's range gives `None`, never a panic.

use chrono::{Datelike, NaiveDate, NaiveTime, Timelike, Weekday};

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
    /// use storefront_availability::calendar::Calendar;
    /// let cal = Calendar::new(&[Weekday::Mon, Weekday::Tue], vec![]);
    /// let sunday = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    /// assert_eq!(cal.next(sunday), NaiveDate::from_ymd_opt(2026, 11, 23));
    /// ```
    pub fn new(weekdays: &[Weekday], mut holidays: Vec<NaiveDate>) -> Calendar {
        let mut days = [false; 7];
        for day in weekdays {
            days[day.num_days_from_monday() as usize] = true;
        }
        holidays.sort_unstable();
        holidays.dedup();
        Calendar { weekdays: days, holidays }
    }

    /// Monday to Friday, no holidays.
    pub fn weekdays() -> Calendar {
        use Weekday::*;
        Calendar::new(&[Mon, Tue, Wed, Thu, Fri], Vec::new())
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
pub fn days_between(from: NaiveDate, to: NaiveDate) -> i64 {
    (to - from).num_days()
}

/// Parses a strict `YYYY-MM-DD` calendar date (rejects `2026-02-30`).
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let b = text.as_bytes();
    let shape = b.len() == 10
        && b.get(4) == Some(&b'-')
        && b.get(7) == Some(&b'-')
        && b.iter().enumerate().all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shape {
        return None;
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()
}

/// Parses a strict `HH:MM` 24-hour time.
pub fn parse_time(text: &str) -> Option<NaiveTime> {
    let b = text.as_bytes();
    if b.len() != 5 || b.get(2) != Some(&b':') || !b.iter().enumerate().all(|(i, c)| i == 2 || c.is_ascii_digit()) {
        return None;
    }
    NaiveTime::parse_from_str(text, "%H:%M").ok()
}

/// Parses a weekday abbreviation: `mon` … `sun`.
pub fn parse_weekday(text: &str) -> Option<Weekday> {
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
