//! The browser's `Intl`, bound with `catch` so a bad locale or time zone
//! comes back as a `Result` instead of throwing through wasm frames.

use std::cell::{Cell, OnceCell, RefCell};
use std::collections::HashMap;

use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, TimeDelta, Utc, Weekday};
use js_sys::{Date, Object, Reflect};
use wasm_bindgen::prelude::*;

use crate::model::message::Currency;
use crate::model::zone::{StoreZone, Zones};
use crate::text::{DateStyle, English, LocaleText};

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = Intl, js_name = DateTimeFormat)]
    type DateTimeFormat;

    #[wasm_bindgen(catch, constructor, js_namespace = Intl, js_class = "DateTimeFormat")]
    fn new(locale: &JsValue, options: &Object) -> Result<DateTimeFormat, JsValue>;

    #[wasm_bindgen(catch, method, js_class = "DateTimeFormat")]
    fn format(this: &DateTimeFormat, date: &Date) -> Result<String, JsValue>;
}

#[wasm_bindgen]
extern "C" {
    /// `Temporal.Instant` (an `Err` where the engine has no `Temporal`).
    #[wasm_bindgen(js_namespace = Temporal)]
    type Instant;
    #[wasm_bindgen(catch, static_method_of = Instant, js_name = fromEpochMilliseconds)]
    fn at_ms(ms: f64) -> Result<Instant, JsValue>;
    #[wasm_bindgen(catch, method, js_name = toZonedDateTimeISO)]
    fn to_zoned(this: &Instant, zone: &str) -> Result<ZonedDateTime, JsValue>;

    type ZonedDateTime;
    #[wasm_bindgen(method, getter, js_name = offsetNanoseconds)]
    fn offset_nanoseconds(this: &ZonedDateTime) -> f64;
}

/// Builds `Intl.DateTimeFormat(locale, options)`; `None` when `Intl` refuses.
fn date_time_format(locale: &str, pairs: &[(&str, &str)]) -> Option<DateTimeFormat> {
    DateTimeFormat::new(&locale.into(), &options(pairs)?).ok()
}

/// Resolves IANA zone names with the browser's time-zone data (none is
/// compiled into the wasm): through `Temporal` where the engine has it,
/// else `Intl`. `Temporal` reads the zone without the locale data that the
/// page's first `Intl` object loads (~19 ms on a fresh page, 4× that on a
/// slow phone), which a first decision in US English then never needs.
/// Both read the same data and give the same offsets (`tests/web.rs`); a
/// name only `Intl` knows (legacy ICU ids such as `SystemV/AST4`) still
/// resolves through `Intl`.
pub(crate) struct IntlZones;

impl Zones for IntlZones {
    fn resolve(&self, name: &str) -> Option<Box<dyn StoreZone>> {
        temporal_zone(name).or_else(|| intl_zone(name))
    }
}

/// `name` read through `Temporal`; `None` without `Temporal` or when it refuses the name.
pub fn temporal_zone(name: &str) -> Option<Box<dyn StoreZone>> {
    Instant::at_ms(0.0).ok()?.to_zoned(name).ok()?;
    Some(Box::new(IntlZone { clock: Clock::Temporal(name.to_owned()), cached: Cell::new(None) }))
}

/// `name` read through `Intl.DateTimeFormat`; `None` when it refuses the name.
pub fn intl_zone(name: &str) -> Option<Box<dyn StoreZone>> {
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
    Some(Box::new(IntlZone { clock: Clock::Intl(format), cached: Cell::new(None) }))
}

/// Offsets change only at transitions, which fall on quarter hours (UTC)
/// in every zone in use today: one call into the browser per quarter hour.
const BUCKET_MS: i64 = 15 * 60 * 1000;

struct IntlZone {
    clock: Clock,
    /// (quarter-hour bucket, offset in ms) of the last lookup.
    cached: Cell<Option<(i64, i64)>>,
}

/// What reads a zone's offset at an instant.
enum Clock {
    /// `Temporal.Instant…toZonedDateTimeISO(name).offsetNanoseconds`.
    Temporal(String),
    /// The local time `Intl` writes, less the UTC time.
    Intl(DateTimeFormat),
}

impl IntlZone {
    fn offset_ms(&self, at_ms: i64) -> Option<i64> {
        let bucket = at_ms.div_euclid(BUCKET_MS);
        if let Some((b, offset)) = self.cached.get() {
            if b == bucket {
                return Some(offset);
            }
        }
        let offset = match &self.clock {
            Clock::Temporal(name) => {
                let nanoseconds = Instant::at_ms(at_ms as f64).ok()?.to_zoned(name).ok()?.offset_nanoseconds();
                (nanoseconds / 1e6).round() as i64
            }
            Clock::Intl(format) => {
                // "11/23/2026, 19:04:47" in en-US with a 23-hour clock.
                let text = format.format(&Date::new(&(at_ms as f64).into())).ok()?;
                let mut n =
                    text.split(|c: char| !c.is_ascii_digit()).filter(|s| !s.is_empty()).map(|s| s.parse::<u32>());
                let mut next = || n.next()?.ok();
                let (month, day, year) = (next()?, next()?, next()?);
                let (hour, minute, second) = (next()?, next()?, next()?);
                let local = NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)?
                    .and_hms_opt(hour, minute, second)?;
                let utc = DateTime::from_timestamp_millis(at_ms - at_ms.rem_euclid(1000))?.naive_utc();
                (local - utc).num_milliseconds()
            }
        };
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

/// Everything locale-specific, written by the browser's `Intl`. Each `Intl`
/// object is made on first use: creating one costs far more than using it,
/// and a first decision needs few of them (cold start).
pub(crate) struct IntlText {
    locale: String,
    /// US English (`en-US`, `en`) is written by the crate's own
    /// [`English`], as `Intl` writes it (held to `Intl` by
    /// `tests/consumers/browser.test.mjs`): no `Intl` object is made for
    /// its dates, numbers and plurals, so a page in US English never loads
    /// the browser's locale data for them (~19 ms on a fresh page). Money
    /// stays `Intl`'s (its currency symbols are `Intl`'s to know).
    english: Option<English>,
    /// Indexed by `weekday as usize * 2 + year as usize`.
    dates: [OnceCell<Option<DateTimeFormat>>; 4],
    plurals: OnceCell<Option<PluralRules>>,
    numbers: OnceCell<Option<NumberFormat>>,
    /// "today", "tomorrow".
    near: OnceCell<[Option<String>; 2]>,
    first_weekday: OnceCell<Weekday>,
    /// Written dates by (date, style): a catalog has few distinct ship dates,
    /// and each `Intl` call costs more than the rest of a decision.
    written: RefCell<HashMap<(NaiveDate, DateStyleKey), String>>,
    /// Numbers and plural categories below `SMALL`, written once.
    small: RefCell<HashMap<u64, (String, &'static str)>>,
    /// The money format of the last currency asked for (a page or cart has one).
    money: RefCell<Option<(Currency, Option<NumberFormat>)>>,
}

type DateStyleKey = (bool, bool);

/// Counts below this are cached (stock counts almost always are).
const SMALL: u64 = 10_000;

impl IntlText {
    /// `None` when `Intl` rejects the locale.
    pub(crate) fn new(locale: &str) -> Option<IntlText> {
        // Validates the tag without making an `Intl` object: a first
        // `NumberFormat` costs ~1.5 ms on a fresh page, and most messages
        // write no number. Every object follows on first use.
        if !is_valid_locale(locale) {
            return None;
        }
        let english = ["en-us", "en"].contains(&locale.to_ascii_lowercase().as_str()).then_some(English);
        Some(IntlText {
            locale: locale.to_owned(),
            english,
            dates: Default::default(),
            plurals: OnceCell::new(),
            numbers: OnceCell::new(),
            near: OnceCell::new(),
            first_weekday: OnceCell::new(),
            written: RefCell::new(HashMap::new()),
            small: RefCell::new(HashMap::new()),
            money: RefCell::new(None),
        })
    }

    fn date_format(&self, weekday: bool, year: bool) -> Option<&DateTimeFormat> {
        let index = usize::from(weekday) * 2 + usize::from(year);
        self.dates
            .get(index)?
            .get_or_init(|| {
                let mut options = vec![("timeZone", "UTC"), ("month", "long"), ("day", "numeric")];
                if weekday {
                    options.push(("weekday", "long"));
                }
                if year {
                    options.push(("year", "numeric"));
                }
                date_time_format(&self.locale, &options)
            })
            .as_ref()
    }
}

/// An `Intl` options object with no prototype: on a page whose
/// `Object.prototype` was polluted (`hour12`, `calendar`,
/// `numberingSystem`), `Intl` would read those as options and misread the
/// store clock ("ships today" after the cutoff, dates in the year 1448).
fn options(pairs: &[(&str, &str)]) -> Option<Object> {
    let object = Object::create(JsValue::NULL.unchecked_ref());
    for (key, value) in pairs {
        Reflect::set(&object, &(*key).into(), &(*value).into()).ok()?;
    }
    Some(object)
}

/// The locale's first day of the week from `Intl.Locale` (`getWeekInfo()`
/// in newer engines, the `weekInfo` getter in older ones).
fn first_weekday(locale: &str) -> Option<Weekday> {
    let locale = IntlLocale::new(locale).ok()?;
    let getter = Reflect::get(&locale, &"getWeekInfo".into()).ok()?;
    let info = match getter.dyn_ref::<js_sys::Function>() {
        Some(get) => get.call0(&locale).ok()?,
        None => Reflect::get(&locale, &"weekInfo".into()).ok()?,
    };
    let day = Reflect::get(&info, &"firstDay".into()).ok()?.as_f64()?;
    // 1 = Monday … 7 = Sunday.
    Weekday::try_from((day as u8).checked_sub(1)?).ok()
}

/// Whether `Intl` accepts `locale` as a BCP 47 tag.
pub(crate) fn is_valid_locale(locale: &str) -> bool {
    get_canonical_locales(&locale.into()).is_ok()
}

impl LocaleText for IntlText {
    fn locale(&self) -> &str {
        &self.locale
    }

    fn date(&self, date: NaiveDate, style: DateStyle) -> String {
        if let Some(english) = &self.english {
            return english.date(date, style);
        }
        let key = (date, (style.weekday, style.year));
        if let Some(text) = self.written.borrow().get(&key) {
            return text.clone();
        }
        let text = self.write_date(date, style);
        self.written.borrow_mut().insert(key, text.clone());
        text
    }

    fn relative_day(&self, days: i64) -> Option<String> {
        if let Some(english) = &self.english {
            return english.relative_day(days);
        }
        let near = self.near.get_or_init(|| {
            let relative = options(&[("numeric", "auto")])
                .and_then(|o| RelativeTimeFormat::new(&self.locale.as_str().into(), &o).ok());
            let word = |n: f64| relative.as_ref().and_then(|r| r.format(n, "day").ok());
            [word(0.0), word(1.0)]
        });
        usize::try_from(days).ok().and_then(|i| near.get(i)).cloned().flatten()
    }

    fn first_weekday(&self) -> Weekday {
        if let Some(english) = &self.english {
            return english.first_weekday();
        }
        *self.first_weekday.get_or_init(|| first_weekday(&self.locale).unwrap_or(Weekday::Mon))
    }

    fn plural(&self, n: u64) -> &'static str {
        if let Some(english) = &self.english {
            return english.plural(n);
        }
        self.small_number(n).map_or_else(|| self.plural_of(n), |(_, category)| category)
    }

    fn number(&self, n: u64) -> String {
        if let Some(english) = &self.english {
            return english.number(n);
        }
        self.small_number(n).map_or_else(|| self.write_number(n), |(text, _)| text)
    }

    fn money(&self, minor: u64, currency: Currency) -> String {
        let digits = currency.minor_digits();
        let mut cached = self.money.borrow_mut();
        if cached.as_ref().map(|(c, _)| *c) != Some(currency) {
            let places = digits.to_string();
            let code = currency.code();
            let pairs = [
                ("style", "currency"),
                ("currency", code.as_str()),
                ("minimumFractionDigits", places.as_str()),
                ("maximumFractionDigits", places.as_str()),
            ];
            let format = options(&pairs).and_then(|o| NumberFormat::new(&self.locale.as_str().into(), &o).ok());
            *cached = Some((currency, format));
        }
        let value = minor as f64 / 10f64.powi(digits as i32);
        let format = cached.as_ref().and_then(|(_, f)| f.as_ref());
        format.and_then(|f| f.format(value).ok()).unwrap_or_else(|| English.money(minor, currency))
    }
}

impl IntlText {
    fn small_number(&self, n: u64) -> Option<(String, &'static str)> {
        if n >= SMALL {
            return None;
        }
        if let Some(hit) = self.small.borrow().get(&n) {
            return Some(hit.clone());
        }
        let entry = (self.write_number(n), self.plural_of(n));
        self.small.borrow_mut().insert(n, entry.clone());
        Some(entry)
    }

    fn write_number(&self, n: u64) -> String {
        let numbers = self.numbers.get_or_init(|| NumberFormat::new(&self.locale.as_str().into(), &options(&[])?).ok());
        numbers.as_ref().and_then(|f| f.format(n as f64).ok()).unwrap_or_else(|| n.to_string())
    }

    fn plural_of(&self, n: u64) -> &'static str {
        let rules = self.plurals.get_or_init(|| PluralRules::new(&self.locale.as_str().into(), &options(&[])?).ok());
        let category = rules.as_ref().map(|r| r.select(n as f64)).unwrap_or_default();
        crate::model::message::PLURALS.into_iter().find(|c| *c == category).unwrap_or("other")
    }

    fn write_date(&self, date: NaiveDate, style: DateStyle) -> String {
        let ms = date.and_hms_opt(0, 0, 0).map(|d| d.and_utc().timestamp_millis() as f64);
        let written = match (self.date_format(style.weekday, style.year), ms) {
            (Some(format), Some(ms)) => format.format(&Date::new(&ms.into())).ok(),
            _ => None,
        };
        // Outside the range JavaScript dates cover: ISO is still honest.
        written.unwrap_or_else(|| format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day()))
    }
}

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = Intl, js_name = RelativeTimeFormat)]
    type RelativeTimeFormat;
    #[wasm_bindgen(catch, constructor, js_namespace = Intl, js_class = "RelativeTimeFormat")]
    fn new(locale: &JsValue, options: &Object) -> Result<RelativeTimeFormat, JsValue>;
    #[wasm_bindgen(catch, method, js_class = "RelativeTimeFormat")]
    fn format(this: &RelativeTimeFormat, value: f64, unit: &str) -> Result<String, JsValue>;

    #[wasm_bindgen(js_namespace = Intl, js_name = PluralRules)]
    type PluralRules;
    #[wasm_bindgen(catch, constructor, js_namespace = Intl, js_class = "PluralRules")]
    fn new(locale: &JsValue, options: &Object) -> Result<PluralRules, JsValue>;
    #[wasm_bindgen(method, js_class = "PluralRules")]
    fn select(this: &PluralRules, n: f64) -> String;

    #[wasm_bindgen(js_namespace = Intl, js_name = NumberFormat)]
    type NumberFormat;
    #[wasm_bindgen(catch, constructor, js_namespace = Intl, js_class = "NumberFormat")]
    fn new(locale: &JsValue, options: &Object) -> Result<NumberFormat, JsValue>;
    #[wasm_bindgen(catch, method, js_class = "NumberFormat")]
    fn format(this: &NumberFormat, n: f64) -> Result<String, JsValue>;

    #[wasm_bindgen(js_namespace = Intl, js_name = Locale)]
    type IntlLocale;
    #[wasm_bindgen(catch, constructor, js_namespace = Intl, js_class = "Locale")]
    fn new(tag: &str) -> Result<IntlLocale, JsValue>;

    #[wasm_bindgen(catch, js_namespace = Intl, js_name = getCanonicalLocales)]
    fn get_canonical_locales(locales: &JsValue) -> Result<JsValue, JsValue>;
}
