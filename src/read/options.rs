//! The options of a call, read from a JSON value into typed values: the
//! request of a decision (docs/rules.md §3), a cart (§9) and the e-mails.
//! Every check of an argument is here, so the wasm boundary only converts
//! and a native caller gets the same error for the same input.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};

use crate::model::calendar::{parse_date, parse_timestamp};
use crate::model::cart::{Cart, Line};
use crate::model::channel::Channel;
use crate::model::decision::{Price, Request};
use crate::model::message::{Currency, Stage, StatusUpdate};
use crate::model::problem::ArgError;
use crate::model::value::{number_text, quoted, MAX_SAFE_INTEGER};
use crate::read::json::{as_str, Json};

/// A decision's request, the locale its words are written in (`en-US`
/// unless given) and whether to write them (`messages`, default `true`).
#[derive(Debug, Clone, PartialEq)]
pub struct Asked {
    pub request: Request,
    pub locale: String,
    pub messages: bool,
}

/// A channel by name, or `unknown_channel`.
pub fn parse_channel(name: &str) -> Result<Channel, ArgError> {
    Channel::parse(name).ok_or_else(|| ArgError::new("unknown_channel", Channel::unknown(name)))
}

/// A quantity: a whole number from 1 to 2^53 − 1.
pub(crate) fn check_quantity(quantity: f64) -> Result<u64, ArgError> {
    whole(quantity).filter(|q| *q >= 1).ok_or_else(|| {
        ArgError::new(
            "invalid_quantity",
            format!("quantity must be a whole number from 1 to 9007199254740991, got {}", number_text(quantity)),
        )
    })
}

/// A whole number from 0 to 2^53 − 1.
fn whole(n: f64) -> Option<u64> {
    (n.fract() == 0.0 && (0.0..=MAX_SAFE_INTEGER as f64).contains(&n)).then_some(n as u64)
}

/// `key` of `options`; absent and `null` are both `None`.
fn field<'a>(options: &'a Json, key: &str) -> Option<&'a Json> {
    options.get(key).filter(|v| **v != Json::Null)
}

fn units(value: Option<&Json>) -> Option<u64> {
    match value {
        Some(Json::Number(n)) => whole(*n),
        _ => None,
    }
}

/// `options` must be an object, or absent (`null`).
fn object_or_absent(options: &Json, needs: &str) -> Result<(), ArgError> {
    match options {
        Json::Object(_) | Json::Null => Ok(()),
        _ => Err(ArgError::new("invalid_options", needs.to_owned())),
    }
}

/// Reads `{ channel, quantity, now, locale, purchased, unitPrice, currency,
/// messages }`, each optional; `clock` is the time when `now` is absent.
///
/// ```
/// use storefront_availability::internals::{read_request, Json};
/// let options = Json::Object(vec![("quantity".into(), Json::Number(2.0)), ("now".into(), Json::String("2026-11-23T09:00:00Z".into()))]);
/// let asked = read_request(&options, chrono::DateTime::UNIX_EPOCH).unwrap();
/// assert_eq!((asked.request.quantity, asked.locale.as_str(), asked.messages), (2, "en-US", true));
/// let wrong = Json::Object(vec![("quantity".into(), Json::Number(0.5))]);
/// assert_eq!(read_request(&wrong, chrono::DateTime::UNIX_EPOCH).unwrap_err().code, "invalid_quantity");
/// ```
pub fn read_request(options: &Json, clock: DateTime<Utc>) -> Result<Asked, ArgError> {
    object_or_absent(options, "options must be an object like { channel, quantity, now, locale }")?;
    let mut asked = read_common(options, clock)?;
    asked.request.purchased = match field(options, "purchased") {
        None => 0,
        v => units(v).ok_or_else(|| {
            ArgError::new(
                "invalid_options",
                "purchased must be a whole number ≥ 0 (units this customer already bought)",
            )
        })?,
    };
    asked.request.price = match field(options, "unitPrice") {
        None => None,
        v => {
            let unit = units(v).ok_or_else(|| {
                ArgError::new("invalid_price", "unitPrice must be an integer amount of minor units ≥ 0")
            })?;
            let currency = currency(options).ok_or_else(|| {
                ArgError::new("invalid_currency", "with unitPrice, currency must be an ISO 4217 code like \"USD\"")
            })?;
            Some(Price { unit, currency })
        }
    };
    asked.messages = match field(options, "messages") {
        None => true,
        Some(Json::Bool(b)) => *b,
        Some(_) => return Err(ArgError::new("invalid_options", "options.messages must be true or false")),
    };
    Ok(asked)
}

/// What every call reads: `channel`, `quantity`, `now` and `locale`.
fn read_common(options: &Json, clock: DateTime<Utc>) -> Result<Asked, ArgError> {
    let channel = match field(options, "channel") {
        None => Channel::Dtc,
        Some(Json::String(name)) => parse_channel(name)?,
        Some(_) => parse_channel("(not a string)")?,
    };
    let quantity = match field(options, "quantity") {
        None => 1,
        Some(Json::Number(q)) => check_quantity(*q)?,
        Some(_) => return Err(ArgError::new("invalid_quantity", "quantity must be a number")),
    };
    let now = match field(options, "now") {
        None => clock,
        Some(now) => read_now(now)?,
    };
    let locale = match field(options, "locale") {
        None => "en-US".to_owned(),
        Some(Json::String(locale)) => locale.clone(),
        Some(_) => return Err(ArgError::new("invalid_locale", "locale must be a string like \"en-GB\"")),
    };
    let request = Request { channel, quantity, now, purchased: 0, price: None };
    Ok(Asked { request, locale, messages: true })
}

/// `now`: epoch milliseconds (a `Date` arrives as its milliseconds) or an
/// RFC 3339 string, within the range a JavaScript `Date` covers.
fn read_now(value: &Json) -> Result<DateTime<Utc>, ArgError> {
    let invalid = |what: String| {
        ArgError::new(
            "invalid_now",
            format!("now must be epoch milliseconds, a Date or an RFC 3339 string, got {what}"),
        )
    };
    match value {
        Json::Number(ms) if ms.is_finite() && ms.abs() <= 8.64e15 => {
            DateTime::from_timestamp_millis(ms.floor() as i64).ok_or_else(|| invalid(number_text(*ms)))
        }
        Json::Number(ms) => Err(invalid(number_text(*ms))),
        Json::String(text) => parse_timestamp(text).ok_or_else(|| invalid(quoted(text))),
        Json::Bool(_) => Err(invalid("boolean".into())),
        _ => Err(invalid("object".into())),
    }
}

fn currency(options: &Json) -> Option<Currency> {
    match field(options, "currency") {
        Some(Json::String(code)) => Currency::parse(code),
        _ => None,
    }
}

/// Reads a cart: `{ lines: [{ sku, quantity?, unitPrice }], currency,
/// holdTogether?, purchased?: { [sku]: units }, channel?, now?, locale? }`,
/// and the locale of its words. A line's problem names its path
/// (`lines[2].unitPrice`).
///
/// ```
/// use storefront_availability::internals::{read_cart, Json};
/// let line = Json::Object(vec![("sku".into(), Json::String("TEE".into())), ("unitPrice".into(), Json::Number(2500.0))]);
/// let options = Json::Object(vec![("lines".into(), Json::Array(vec![line])), ("currency".into(), Json::String("USD".into()))]);
/// let (cart, locale) = read_cart(&options, chrono::DateTime::UNIX_EPOCH).unwrap();
/// assert_eq!((cart.lines[0].quantity, cart.lines[0].unit_price, locale.as_str()), (1, 2500, "en-US"));
/// ```
pub fn read_cart(options: &Json, clock: DateTime<Utc>) -> Result<(Cart, String), ArgError> {
    if !matches!(options, Json::Object(_)) {
        return Err(ArgError::new("invalid_options", "planCart needs { lines, currency }"));
    }
    let Asked { request, locale, .. } = read_common(options, clock)?;
    let currency = currency(options).ok_or_else(|| {
        ArgError::new(
            "invalid_currency",
            "currency must be an ISO 4217 code like \"USD\" (amounts are its minor units)",
        )
    })?;
    let Some(Json::Array(lines)) = field(options, "lines") else {
        return Err(ArgError::new("invalid_cart", "lines must be an array of { sku, quantity, unitPrice }"));
    };
    let lines = lines.iter().enumerate().map(|(i, line)| read_line(line).map_err(|e| e.at(format!("lines[{i}]"))));
    let lines = lines.collect::<Result<Vec<_>, _>>()?;
    let purchased = match field(options, "purchased") {
        None => HashMap::new(),
        Some(Json::Object(entries)) => entries
            .iter()
            .map(|(sku, units_bought)| match units(Some(units_bought)) {
                Some(n) => Ok((sku.clone(), n)),
                None => Err(ArgError::new("invalid_options", "expected a whole number ≥ 0 (units already bought)")
                    .at(format!("purchased.{sku}"))),
            })
            .collect::<Result<_, _>>()?,
        Some(_) => {
            return Err(
                ArgError::new("invalid_options", "purchased must be { [sku]: units already bought }").at("purchased")
            )
        }
    };
    let hold_together = matches!(field(options, "holdTogether"), Some(Json::Bool(true)));
    let cart =
        Cart { lines, channel: request.channel, now: request.now, hold_together, purchased, currency: Some(currency) };
    Ok((cart, locale))
}

fn read_line(line: &Json) -> Result<Line, ArgError> {
    let sku = match field(line, "sku") {
        Some(Json::String(sku)) if !sku.is_empty() => sku.clone(),
        _ => return Err(ArgError::new("invalid_sku", "expected a non-empty string").at("sku")),
    };
    let quantity = match field(line, "quantity") {
        None => 1,
        Some(Json::Number(q)) if check_quantity(*q).is_ok() => *q as u64,
        Some(_) => {
            return Err(
                ArgError::new("invalid_quantity", "expected a whole number from 1 to 9007199254740991").at("quantity")
            )
        }
    };
    let unit_price = units(field(line, "unitPrice")).ok_or_else(|| {
        ArgError::new("invalid_price", "expected an integer amount of minor units ≥ 0").at("unitPrice")
    })?;
    Ok(Line { sku, quantity, unit_price })
}

/// `options.{key}`, which must be a string.
pub fn string_option(options: &Json, key: &str) -> Result<String, ArgError> {
    match options.get(key) {
        Some(Json::String(s)) => Ok(s.clone()),
        _ => Err(ArgError::new("invalid_options", format!("options.{key} must be a string"))),
    }
}

fn date_option(options: &Json, key: &str) -> Result<NaiveDate, ArgError> {
    let text = string_option(options, key)?;
    parse_date(&text).ok_or_else(|| {
        ArgError::new("invalid_options", format!("options.{key} must be a date \"YYYY-MM-DD\", got {}", quoted(&text)))
    })
}

/// The order confirmation's options: the request and `orderNumber`.
pub fn read_confirmation(options: &Json, clock: DateTime<Utc>) -> Result<(Asked, String), ArgError> {
    let asked = read_request(options, clock)?;
    Ok((asked, string_option(options, "orderNumber")?))
}

/// The weekly status's options: `{ orderNumber, title, promisedDate,
/// expectedDate, position?, total?, stage?, warehouseArrival? }` with the
/// request's `now` and `locale`. `position` and `total` come together.
pub fn read_status_update(options: &Json, clock: DateTime<Utc>) -> Result<(StatusUpdate, Asked), ArgError> {
    if !matches!(options, Json::Object(_)) {
        return Err(ArgError::new(
            "invalid_options",
            "weeklyStatus needs { orderNumber, title, promisedDate, expectedDate }",
        ));
    }
    let asked = read_request(options, clock)?;
    let position = match (field(options, "position"), field(options, "total")) {
        (None, None) => None,
        (position, total) => match (units(position), units(total)) {
            (Some(p), Some(t)) => Some((p, t)),
            _ => {
                return Err(ArgError::new(
                    "invalid_options",
                    "position and total must be whole numbers with 1 ≤ position ≤ total",
                ))
            }
        },
    };
    let stage = match field(options, "stage") {
        None => None,
        Some(v) => Some(as_str(v).and_then(Stage::parse).ok_or_else(|| {
            ArgError::new("invalid_options", "stage must be \"in_production\", \"in_transit\" or \"received\"")
        })?),
    };
    let update = StatusUpdate {
        order_number: string_option(options, "orderNumber")?,
        title: string_option(options, "title")?,
        promised: date_option(options, "promisedDate")?,
        expected: date_option(options, "expectedDate")?,
        position,
        stage,
        warehouse_arrival: match field(options, "warehouseArrival") {
            None => None,
            Some(_) => Some(date_option(options, "warehouseArrival")?),
        },
    };
    Ok((update, asked))
}

/// The shipped e-mail's options: `{ orderNumber, title, tracking? }` with
/// the request's `now` and `locale`.
pub fn read_shipped(options: &Json, clock: DateTime<Utc>) -> Result<(String, String, Option<String>, Asked), ArgError> {
    if !matches!(options, Json::Object(_)) {
        return Err(ArgError::new("invalid_options", "shipped needs { orderNumber, title, tracking? }"));
    }
    let asked = read_request(options, clock)?;
    let tracking = match field(options, "tracking") {
        None => None,
        Some(_) => Some(string_option(options, "tracking")?),
    };
    Ok((string_option(options, "orderNumber")?, string_option(options, "title")?, tracking, asked))
}
