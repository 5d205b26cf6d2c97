//! Shopper-facing messages (SPEC §6): a structured `key` + `params` for
//! themes that render their own words, and ready English text for those
//! that don't. Output is plain text, never HTML.

use chrono::{Datelike, NaiveDate, Weekday};
use serde::ser::{Serialize, SerializeMap, Serializer};

use crate::decision::{Policy, Reason, Split};

/// A decision's message.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Message {
    /// Short label for a badge: "In stock", "Backordered", "Pre-order" …
    pub badge: String,
    /// One sentence for the product page.
    pub text: String,
    /// The buy button's label.
    pub button: String,
    /// Stable key of the template used, e.g. `backorder`.
    pub key: &'static str,
    /// The values the template fills in (dates as ISO `YYYY-MM-DD`).
    pub params: Params,
}

/// Named template values, serialized as an object.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Params(Vec<(&'static str, Param)>);

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Param {
    Date(NaiveDate),
    Count(u64),
}

impl Params {
    fn with(mut self, name: &'static str, value: Param) -> Params {
        self.0.push((name, value));
        self
    }

    /// The value called `name`.
    pub fn get(&self, name: &str) -> Option<&Param> {
        self.0.iter().find(|(n, _)| *n == name).map(|(_, v)| v)
    }
}

impl Serialize for Params {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (name, value) in &self.0 {
            match value {
                Param::Date(d) => map.serialize_entry(name, d)?,
                Param::Count(n) => map.serialize_entry(name, n)?,
            }
        }
        map.end()
    }
}

/// How a date is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateStyle {
    /// "Thursday, December 3" rather than "December 3".
    pub weekday: bool,
    /// Add the year ("December 3, 2027"): used when it is not this year.
    pub year: bool,
}

/// Writes dates for the shopper. The browser build uses `Intl`; servers
/// get [`EnglishDates`].
pub trait DateText {
    fn format(&self, date: NaiveDate, style: DateStyle) -> String;
}

/// US English dates, as `Intl.DateTimeFormat("en-US")` writes them:
/// "Thursday, December 3" / "December 3, 2027".
///
/// ```
/// use chrono::NaiveDate;
/// use storefront_availability::message::{DateStyle, DateText, EnglishDates};
/// let d = NaiveDate::from_ymd_opt(2026, 12, 3).unwrap();
/// let style = DateStyle { weekday: true, year: false };
/// assert_eq!(EnglishDates.format(d, style), "Thursday, December 3");
/// ```
pub struct EnglishDates;

impl DateText for EnglishDates {
    fn format(&self, date: NaiveDate, style: DateStyle) -> String {
        const MONTHS: [&str; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        let month = MONTHS.get(date.month0() as usize).copied().unwrap_or("");
        let mut text = String::new();
        if style.weekday {
            text.push_str(weekday_name(date.weekday()));
            text.push_str(", ");
        }
        text.push_str(month);
        text.push(' ');
        text.push_str(&date.day().to_string());
        if style.year {
            text.push_str(", ");
            text.push_str(&date.year().to_string());
        }
        text
    }
}

fn weekday_name(day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => "Monday",
        Weekday::Tue => "Tuesday",
        Weekday::Wed => "Wednesday",
        Weekday::Thu => "Thursday",
        Weekday::Fri => "Friday",
        Weekday::Sat => "Saturday",
        Weekday::Sun => "Sunday",
    }
}

/// What a message is made from.
pub(crate) struct Facts {
    pub policy: Policy,
    pub reason: Reason,
    pub notify_me: bool,
    pub ship_date: Option<NaiveDate>,
    pub available: u64,
    pub max_quantity: u64,
    pub remaining_preorders: Option<u64>,
    pub queue_position: Option<u64>,
    pub split: Option<Split>,
    pub today: NaiveDate,
}

/// The Monday that starts the week of `date`.
pub fn week_start(date: NaiveDate) -> NaiveDate {
    date.week(Weekday::Mon).first_day()
}

/// Builds the English message for a decision.
pub(crate) fn render(f: &Facts, dates: &dyn DateText) -> Message {
    let day = |d: NaiveDate| {
        dates.format(
            d,
            DateStyle {
                weekday: true,
                year: d.year() != f.today.year(),
            },
        )
    };
    let plain = |d: NaiveDate| {
        dates.format(
            d,
            DateStyle {
                weekday: false,
                year: d.year() != f.today.year(),
            },
        )
    };
    let params = Params::default();
    let (key, badge, text, button, params): (&'static str, &str, String, &str, Params) =
        match (f.policy, f.ship_date) {
            (Policy::InStock, Some(ship)) => {
                let params = params.with("date", Param::Date(ship));
                match f.reason {
                    Reason::LowStock => (
                        "low_stock",
                        "Low stock",
                        format!("Only {} left — ships {}", f.available, day(ship)),
                        "Add to cart",
                        params.with("n", Param::Count(f.available)),
                    ),
                    Reason::ExceedsAvailable => (
                        "exceeds_available",
                        "In stock",
                        format!("Only {} available — ships {}", f.available, day(ship)),
                        "Add to cart",
                        params.with("n", Param::Count(f.available)),
                    ),
                    _ => (
                        "in_stock",
                        "In stock",
                        format!("In stock — ships {}", day(ship)),
                        "Add to cart",
                        params,
                    ),
                }
            }
            (Policy::Backorder, Some(ship)) => {
                let position = f.queue_position.unwrap_or(1);
                let params = params
                    .with("date", Param::Date(ship))
                    .with("position", Param::Count(position));
                match (f.reason, f.split) {
                    (Reason::ExceedsBackorderCapacity, _) => (
                        "exceeds_backorder_capacity",
                        "Backordered",
                        format!(
                            "Only {} can be ordered – ships by {}",
                            f.max_quantity,
                            day(ship)
                        ),
                        "Backorder",
                        params.with("n", Param::Count(f.max_quantity)),
                    ),
                    (_, Some(split)) => (
                        "backorder_split",
                        "Backordered",
                        format!(
                            "{} ship now, {} backordered – ships by {}",
                            split.now,
                            split.later,
                            day(ship)
                        ),
                        "Backorder",
                        params
                            .with("now", Param::Count(split.now))
                            .with("later", Param::Count(split.later)),
                    ),
                    _ => (
                        "backorder",
                        "Backordered",
                        format!("Backordered – ships by {}", day(ship)),
                        "Backorder",
                        params,
                    ),
                }
            }
            (Policy::Preorder, Some(ship)) => {
                let remaining = f.remaining_preorders.unwrap_or(0);
                let week = week_start(ship);
                let params = params
                    .with("date", Param::Date(ship))
                    .with("week", Param::Date(week))
                    .with("remaining", Param::Count(remaining));
                let (key, text) = match f.reason {
                    Reason::ExceedsPreorderRemaining => (
                        "exceeds_preorder_remaining",
                        format!(
                            "Only {remaining} left at pre-order — expected to ship the week of {}",
                            plain(week)
                        ),
                    ),
                    _ => (
                        "preorder",
                        format!(
                            "Expected to ship the week of {} · {remaining} left at pre-order",
                            plain(week)
                        ),
                    ),
                };
                (key, "Pre-order", text, "Pre-order", params)
            }
            _ => {
                let button = if f.notify_me { "Notify me" } else { "Sold out" };
                let (key, badge, text) = match f.reason {
                    Reason::Discontinued => ("discontinued", "Discontinued", "No longer available"),
                    Reason::PreorderCapReached => (
                        "preorder_cap_reached",
                        "Sold out",
                        "Pre-orders are full — join the waitlist",
                    ),
                    Reason::PreorderNotOpen => ("preorder_not_open", "Coming soon", "Coming soon"),
                    Reason::PreorderClosed => {
                        ("preorder_closed", "Sold out", "Pre-orders have closed")
                    }
                    _ if f.notify_me => (
                        "out_of_stock_notify",
                        "Out of stock",
                        "Out of stock — get notified when it's back",
                    ),
                    _ => ("out_of_stock", "Out of stock", "Out of stock"),
                };
                (key, badge, text.to_owned(), button, params)
            }
        };
    Message {
        badge: badge.into(),
        text,
        button: button.into(),
        key,
        params,
    }
}
