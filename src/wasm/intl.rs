//! The browser's `Intl`, bound with `catch` so a bad locale or time zone
//! comes back as a `Result` instead of throwing through wasm frames.

use std::cell::Cell;

use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, TimeDelta, Utc};
use js_sys::{Date, Object, Reflect};
use wasm_bindgen::prelude::*;

use crate::message::{DateStyle, DateText};
use crate::zone::{StoreZone, Zones};

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = Intl, js_name = DateTimeFormat)]
    type DateTimeFormat;

    #[wasm_bindgen(catch, constructor, js_namespace = Intl, js_class = "DateTimeFormat")]
    fn new(locale: &JsValue, options: &Object) -> Result<DateTimeFormat, JsValue>;

    #[wasm_bindgen(catch, method, js_class = "DateTimeFormat")]
    fn format(this: &DateTimeFormat, date: &Date) -> Result<String, JsValue>;
}

/// Builds `Intl.DateTimeFormat(locale, options)`; `None` when `Intl` refuses.
fn date_time_format(locale: &str, options: &[(&str, &str)]) -> Option<DateTimeFormat> {
    let object = Object::new();
    for (key, value) in options {
        Reflect::set(&object, &(*key).into(), &(*value).into()).ok()?;
    }
    DateTimeFormat::new(&locale.into(), &object).ok()
}

/// Resolves IANA zone names with `Intl` (no tz data in the wasm).
pub struct IntlZones;

impl Zones for IntlZones {
    fn resolve(&self, name: &str) -> Option<Box<dyn StoreZone>> {
        let options = [
            ("timeZone", name),
            ("hourCycle", "h23"),
            ("year", "numeric"),
            ("month", "numeric"),
            ("day", "numeric"),
            ("hour", "numeric"),
            ("minute", "numeric"),
            ("second", "numeric"),
        ];
        let format = date_time_format("en-US", &options)?;
        Some(Box::new(IntlZone {
            format,
            cached: Cell::new(None),
        }))
    }
}

/// Offsets change only at transitions, which fall on quarter hours (UTC)
/// in every zone in use today: one `Intl` call per quarter hour.
const BUCKET_MS: i64 = 15 * 60 * 1000;

struct IntlZone {
    format: DateTimeFormat,
    /// (quarter-hour bucket, offset in ms) of the last lookup.
    cached: Cell<Option<(i64, i64)>>,
}

impl IntlZone {
    fn offset_ms(&self, at_ms: i64) -> Option<i64> {
        let bucket = at_ms.div_euclid(BUCKET_MS);
        if let Some((b, offset)) = self.cached.get() {
            if b == bucket {
                return Some(offset);
            }
        }
        // "11/23/2026, 19:04:47" in en-US with a 23-hour clock.
        let text = self
            .format
            .format(&Date::new(&(at_ms as f64).into()))
            .ok()?;
        let mut n = text
            .split(|c: char| !c.is_ascii_digit())
            .filter(|s| !s.is_empty())
            .map(|s| s.parse::<u32>());
        let mut next = || n.next()?.ok();
        let (month, day, year) = (next()?, next()?, next()?);
        let (hour, minute, second) = (next()?, next()?, next()?);
        let local = NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)?
            .and_hms_opt(hour, minute, second)?;
        let utc = DateTime::from_timestamp_millis(at_ms - at_ms.rem_euclid(1000))?.naive_utc();
        let offset = (local - utc).num_milliseconds();
        self.cached.set(Some((bucket, offset)));
        Some(offset)
    }
}

impl StoreZone for IntlZone {
    fn local(&self, at: DateTime<Utc>) -> NaiveDateTime {
        let offset = self.offset_ms(at.timestamp_millis()).unwrap_or(0);
        at.naive_utc() + TimeDelta::milliseconds(offset)
    }
}

/// Dates written by `Intl.DateTimeFormat` for the shopper's locale.
pub struct IntlDates {
    pub locale: String,
    /// Indexed by `weekday as usize * 2 + year as usize`.
    formats: [DateTimeFormat; 4],
}

impl IntlDates {
    /// `None` when `Intl` rejects the locale.
    pub fn new(locale: &str) -> Option<IntlDates> {
        let make = |weekday: bool, year: bool| {
            let mut options = vec![("timeZone", "UTC"), ("month", "long"), ("day", "numeric")];
            if weekday {
                options.push(("weekday", "long"));
            }
            if year {
                options.push(("year", "numeric"));
            }
            date_time_format(locale, &options)
        };
        Some(IntlDates {
            locale: locale.to_owned(),
            formats: [
                make(false, false)?,
                make(false, true)?,
                make(true, false)?,
                make(true, true)?,
            ],
        })
    }
}

impl DateText for IntlDates {
    fn format(&self, date: NaiveDate, style: DateStyle) -> String {
        let index = usize::from(style.weekday) * 2 + usize::from(style.year);
        let ms = date
            .and_hms_opt(0, 0, 0)
            .map(|d| d.and_utc().timestamp_millis() as f64);
        let written = match (self.formats.get(index), ms) {
            (Some(format), Some(ms)) => format.format(&Date::new(&ms.into())).ok(),
            _ => None,
        };
        // Outside the range JavaScript dates cover: ISO is still honest.
        written
            .unwrap_or_else(|| format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day()))
    }
}
