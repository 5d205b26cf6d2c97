//! Shopper-facing messages (docs/rules.md §8): a structured `key` + `params` for
//! themes that render their own words, and ready text for those that don't.
//!
//! Text comes from a catalog chosen along the locale chain (`fr-CA` → `fr`
//! → `en`): the merchant's templates from the snapshot first, then the
//! built-in ones ([`catalog`]). Dates, plural categories and numbers come
//! from a [`LocaleText`]: the browser's `Intl` in wasm, US English natively.
//! Output is plain text, never markup.

pub(crate) mod catalog;
pub(crate) mod template;

use std::cell::RefCell;
use std::collections::HashMap;

use chrono::{Datelike, NaiveDate, Weekday};

use crate::model::cart::Plan;
use crate::model::decision::{Charge, Decision, Policy, ProductDecision, Reason, Verdict, Warning};
use crate::model::message::{placeholders, Currency, Message, Overrides, Param, Params, Stage, StatusUpdate};

/// The confirmation key of a notify-me decision with `reason`.
fn notify_key(reason: Reason) -> &'static str {
    match reason {
        Reason::PreorderCapReached => "notify.waitlist",
        Reason::PreorderNotOpen => "notify.preorder_opens",
        _ => "notify.back_in_stock",
    }
}

/// How a date is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateStyle {
    /// "Thursday, December 3" rather than "December 3".
    pub weekday: bool,
    /// Add the year: used when it is not this year.
    pub year: bool,
}

/// Locale-specific writing: dates, relative days, plural categories, numbers.
pub trait LocaleText {
    /// The BCP 47 tag this writes for, e.g. `en-US`.
    fn locale(&self) -> &str;
    fn date(&self, date: NaiveDate, style: DateStyle) -> String;
    /// "today" (0) or "tomorrow" (1) in this language; `None` otherwise.
    fn relative_day(&self, days: i64) -> Option<String>;
    /// The first day of the week ("the week of …").
    fn first_weekday(&self) -> Weekday;
    /// The plural category of `n`: `zero`, `one`, `two`, `few`, `many` or `other`.
    fn plural(&self, n: u64) -> &'static str;
    fn number(&self, n: u64) -> String;
    /// `minor` units of `currency` (ISO 4217) as money, e.g. "$40.00";
    /// by default as `Intl.NumberFormat("en-US")` writes it, with this
    /// locale's digits and grouping.
    fn money(&self, minor: u64, currency: Currency) -> String {
        // As Intl.NumberFormat("en-US", { style: "currency" }) writes it.
        let symbol = match currency.code().as_str() {
            "USD" => "$",
            "EUR" => "€",
            "GBP" => "£",
            "JPY" => "¥",
            "CAD" => "CA$",
            "AUD" => "A$",
            "INR" => "₹",
            "KRW" => "₩",
            _ => "",
        };
        let digits = currency.minor_digits();
        let scale = 10u64.pow(digits);
        let mut amount = self.number(minor / scale);
        if digits > 0 {
            amount.push('.');
            amount.push_str(&format!("{:0width$}", minor % scale, width = digits as usize));
        }
        match symbol {
            "" => format!("{}\u{a0}{amount}", currency.code()),
            _ => format!("{symbol}{amount}"),
        }
    }
}

/// US English, written exactly as `Intl` writes `en-US`, so servers and
/// browsers produce the same English text.
///
/// ```
/// use chrono::NaiveDate;
/// use storefront_availability::{DateStyle, English, LocaleText};
/// let d = NaiveDate::from_ymd_opt(2026, 12, 3).unwrap();
/// assert_eq!(English.date(d, DateStyle { weekday: true, year: false }), "Thursday, December 3");
/// assert_eq!(English.number(1250), "1,250");
/// ```
pub struct English;

impl LocaleText for English {
    fn locale(&self) -> &str {
        "en-US"
    }

    fn date(&self, date: NaiveDate, style: DateStyle) -> String {
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

    fn relative_day(&self, days: i64) -> Option<String> {
        match days {
            0 => Some("today".into()),
            1 => Some("tomorrow".into()),
            _ => None,
        }
    }

    fn first_weekday(&self) -> Weekday {
        Weekday::Sun
    }

    fn plural(&self, n: u64) -> &'static str {
        if n == 1 {
            "one"
        } else {
            "other"
        }
    }

    fn number(&self, n: u64) -> String {
        let digits = n.to_string();
        let mut out = String::with_capacity(digits.len() + digits.len() / 3);
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                out.push(',');
            }
            out.push(c);
        }
        out
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

impl Overrides {
    fn get(&self, tag: &str, key: &str) -> Option<&str> {
        let (_, templates) = self.0.iter().rev().find(|(t, _)| t == tag)?;
        templates.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
    }

    fn has(&self, tag: &str) -> bool {
        self.0.iter().any(|(t, _)| t == tag)
    }

    /// The locale to write dates and numbers in for a shopper asking for
    /// `requested`: itself when its language has a catalog (built-in or the
    /// merchant's); else English with the shopper's region (`nl-NL` →
    /// `en-NL`: English words, Dutch date order and number format), or
    /// `en-US` without a region; so a sentence never mixes languages.
    ///
    /// ```
    /// # use storefront_availability::Catalog;
    /// let c = Catalog::from_json(r#"{"version":1,"generatedAt":"2026-11-23T13:00:00Z","items":[]}"#).unwrap();
    /// assert_eq!(c.text_locale("de-AT"), "de-AT");
    /// assert_eq!(c.text_locale("nl-NL"), "en-NL");
    /// assert_eq!(c.text_locale("pt"), "en-US");
    /// ```
    pub fn text_locale(&self, requested: &str) -> String {
        let tag = requested.to_ascii_lowercase();
        let language = language(&tag);
        if catalog::builtin(language).is_some() || self.has(&tag) || self.has(language) {
            return requested.to_owned();
        }
        let is_region = |s: &&str| {
            (s.len() == 2 && s.bytes().all(|b| b.is_ascii_alphabetic()))
                || (s.len() == 3 && s.bytes().all(|b| b.is_ascii_digit()))
        };
        match tag.split(['-', '_']).skip(1).find(is_region) {
            Some(region) => format!("en-{}", region.to_ascii_uppercase()),
            None => "en-US".to_owned(),
        }
    }
}

fn language(tag: &str) -> &str {
    tag.split(['-', '_']).next().unwrap_or(tag)
}

/// Right-to-left scripts: values are isolated (U+2068 … U+2069) so a Latin
/// SKU or date inside Arabic text keeps its order.
const RTL: [&str; 6] = ["ar", "he", "fa", "ur", "ps", "yi"];

/// Writes messages for one locale.
pub(crate) struct Writer<'a> {
    text: &'a dyn LocaleText,
    overrides: &'a Overrides,
    /// Lower-case tags to look in, most specific first; `en` last.
    chain: Vec<String>,
    /// The shopper's language subtag, e.g. `fr`.
    language: String,
    rtl: bool,
    today: NaiveDate,
    /// The carts' and e-mails' built-in templates, when this writer writes
    /// them ([`Writer::for_carts_and_emails`]); a function pointer so that a
    /// build without carts and e-mails links none of their text.
    more: Option<Table>,
    /// The messages written so far, and their indices by plan ([`Writer::message`]).
    messages: RefCell<Vec<Message>>,
    written: RefCell<HashMap<MessagePlan, usize>>,
}

/// A built-in catalog lookup: a language's templates, if it has them.
type Table = fn(&str) -> Option<&'static [(&'static str, &'static str)]>;

impl<'a> Writer<'a> {
    pub(crate) fn new(text: &'a dyn LocaleText, overrides: &'a Overrides, today: NaiveDate) -> Writer<'a> {
        let tag = text.locale().to_ascii_lowercase();
        let language = language(&tag).to_owned();
        let mut chain = vec![tag.clone()];
        for next in [language.clone(), "en".to_owned()] {
            if !chain.contains(&next) {
                chain.push(next);
            }
        }
        let rtl = RTL.contains(&language.as_str());
        Writer {
            text,
            overrides,
            chain,
            rtl,
            language,
            today,
            more: None,
            messages: Default::default(),
            written: Default::default(),
        }
    }

    /// This writer, able to write carts and e-mails too.
    pub(crate) fn for_carts_and_emails(self) -> Writer<'a> {
        Writer { more: Some(catalog::builtin_more), ..self }
    }

    /// The template for `key` (or its plural form for `count`), and
    /// whether it is in the shopper's language (else it is the English
    /// fallback, written with [`English`]).
    fn template(&self, key: &str, count: Option<u64>) -> (&'a str, bool) {
        // A misspelt key would render as "": every key the code asks for is
        // one of KEYS (tests/messages.rs checks English has them all).
        debug_assert!(placeholders(key).is_some(), "unknown message key {key:?}");
        for tag in &self.chain {
            let own = language(tag) == self.language;
            let plural = count.map(|n| format!("{key}.{}", if own { self.text.plural(n) } else { English.plural(n) }));
            for k in plural.iter().map(String::as_str).chain([key]) {
                if let Some(t) = self.overrides.get(tag, k) {
                    return (t, own);
                }
                let tables: [Option<Table>; 2] = [Some(catalog::builtin), self.more];
                let mut found = tables.iter().flatten().filter_map(|table| table(tag));
                if let Some(t) = found.find_map(|c| c.iter().find(|(name, _)| *name == k)) {
                    return (t.1, own);
                }
            }
        }
        ("", false)
    }

    /// Writes `date`; `relative`: "today" / "tomorrow" when near.
    fn date(&self, text: &dyn LocaleText, own: bool, date: NaiveDate, weekday: bool, relative: bool) -> String {
        let days = (date - self.today).num_days();
        if relative && (0..=1).contains(&days) {
            let (word, word_own) = self.template(if days == 0 { "today" } else { "tomorrow" }, None);
            let word = if word.is_empty() || word_own != own { text.relative_day(days) } else { Some(word.to_owned()) };
            if let Some(word) = word {
                return word;
            }
        }
        text.date(date, DateStyle { weekday, year: date.year() != self.today.year() })
    }

    /// Renders `key` with `params`. `relative`: near dates as "today" /
    /// "tomorrow" (shopper pages, not emails).
    fn fill(&self, key: &str, params: &Params, count: Option<u64>, relative: bool) -> String {
        let (source, own) = self.template(key, count);
        let text: &dyn LocaleText = if own { self.text } else { &English };
        let isolate = own && self.rtl;
        // Merchant templates were checked at load, built-in ones by the tests.
        template::fill(source, |name| {
            let value = match params.get(name)? {
                Param::Date(d) if name == "week" || key == "deadline_missed" => self.date(text, own, *d, false, false),
                Param::Date(d) => self.date(text, own, *d, true, relative),
                Param::Count(n) => text.number(*n),
                Param::Text(t) => t.clone(),
                Param::Money(n, currency) => text.money(*n, *currency),
            };
            Some(if isolate { format!("\u{2068}{value}\u{2069}") } else { value })
        })
    }

    fn word(&self, key: &str) -> String {
        self.template(key, None).0.to_owned()
    }

    /// A deadline's name in the language the notice is written in: the
    /// shopper's tag, then its language, else the name as given.
    fn deadline_name(&self, missed: &Warning) -> String {
        let own = self.template("deadline_missed", None).1;
        let wanted = self.chain.iter().filter(|tag| own && language(tag) == self.language);
        wanted
            .filter_map(|tag| missed.names.iter().find(|(t, _)| t == tag))
            .map(|(_, name)| name.clone())
            .next()
            .unwrap_or_else(|| missed.deadline.clone())
    }

    /// The index of `plan`'s message in this writer's list: written the
    /// first time the writer sees the plan (10k decisions in the bench have
    /// 1,933 distinct messages).
    fn message(&self, plan: MessagePlan) -> usize {
        if let Some(&index) = self.written.borrow().get(&plan) {
            return index;
        }
        // Written before `messages` is borrowed: writing reads the writer.
        let message = write(&plan, self);
        let mut messages = self.messages.borrow_mut();
        messages.push(message);
        self.written.borrow_mut().insert(plan, messages.len() - 1);
        messages.len() - 1
    }

    /// Sets `message` to a copy of message `index` of this writer's list ([`Writer::message`]).
    fn copy_into(&self, index: usize, message: &mut Message) {
        if let Some(written) = self.messages.borrow().get(index) {
            message.clone_from(written);
        }
    }

    /// The messages written, in the order first written.
    pub(crate) fn into_messages(self) -> Vec<Message> {
        self.messages.into_inner()
    }

    /// The language `key`'s text is written in: the shopper's locale, or
    /// `en` when English stands in for it.
    fn lang(&self, key: &str) -> String {
        match self.template(key, None).1 {
            true => self.text.locale().to_owned(),
            false => "en".to_owned(),
        }
    }

    /// The start of the week of `date`, by the locale's first weekday.
    fn week_start(&self, date: NaiveDate) -> NaiveDate {
        date.week(self.text.first_weekday()).first_day()
    }
}

/// Puts a verdict into words: its decision, with the message written by `w`.
pub(crate) fn word(verdict: Verdict, w: &Writer) -> Decision {
    let (mut decision, message) = word_shared(verdict, w);
    w.copy_into(message, &mut decision.message);
    decision
}

/// Puts a verdict into words once per distinct message: its decision, with
/// its message left unwritten, and the message's index in `w`'s list
/// ([`Writer::into_messages`]).
pub(crate) fn word_shared(verdict: Verdict, w: &Writer) -> (Decision, usize) {
    let Verdict { decision, available, order_limit, charge } = verdict;
    let plan = plan(&decision, available, order_limit, charge, w);
    (decision, w.message(plan))
}

/// Decisions and their messages, each distinct message written once:
/// decision `i`'s message is `messages[message_of[i]]`, or unwritten when
/// `message_of[i]` is `None` (asked without messages). What a list of
/// decisions crosses to JavaScript as (src/wasm/rows.rs).
pub(crate) struct Worded<T = Decision> {
    pub decisions: Vec<T>,
    pub messages: Vec<Message>,
    pub message_of: Vec<Option<usize>>,
}

impl<T> Default for Worded<T> {
    fn default() -> Self {
        Worded { decisions: Vec::new(), messages: Vec::new(), message_of: Vec::new() }
    }
}

/// What carries a message: a decision, a product's roll-up.
pub(crate) trait Said {
    fn message_mut(&mut self) -> &mut Message;
}

impl Said for Decision {
    fn message_mut(&mut self) -> &mut Message {
        &mut self.message
    }
}

impl Said for ProductDecision {
    fn message_mut(&mut self) -> &mut Message {
        &mut self.message
    }
}

impl<T: Said> Worded<T> {
    /// Each decision with its own copy of its message.
    pub(crate) fn into_decisions(self) -> Vec<T> {
        let Worded { mut decisions, messages, message_of } = self;
        for (decision, message) in decisions.iter_mut().zip(message_of) {
            if let Some(m) = message.and_then(|i| messages.get(i)) {
                *decision.message_mut() = m.clone();
            }
        }
        decisions
    }
}

impl Worded<ProductDecision> {
    /// Words product roll-ups with `w`.
    pub(crate) fn products(products: impl Iterator<Item = ProductDecision>, w: Writer) -> Worded<ProductDecision> {
        let mut list = Worded::default();
        for product in products {
            let (product, message) = word_product_shared(product, &w);
            list.decisions.push(product);
            list.message_of.push(Some(message));
        }
        list.messages = w.into_messages();
        list
    }
}

impl Worded {
    /// Words `verdicts` with `w` (or leaves them unwritten without one).
    pub(crate) fn new(verdicts: impl Iterator<Item = Verdict>, w: Option<Writer>) -> Worded {
        let mut list = Worded::default();
        for verdict in verdicts {
            let (decision, message) = match &w {
                Some(w) => {
                    let (decision, message) = word_shared(verdict, w);
                    (decision, Some(message))
                }
                None => (verdict.decision, None),
            };
            list.decisions.push(decision);
            list.message_of.push(message);
        }
        list.messages = w.map(Writer::into_messages).unwrap_or_default();
        list
    }
}

/// Writes a product roll-up's message from the key the rules chose.
pub(crate) fn word_product(product: ProductDecision, w: &Writer) -> ProductDecision {
    let (mut product, message) = word_product_shared(product, w);
    w.copy_into(message, &mut product.message);
    product
}

/// [`word_product`] once per distinct message: the roll-up as it is, and
/// its message's index in `w`'s list (as [`word_shared`]).
pub(crate) fn word_product_shared(product: ProductDecision, w: &Writer) -> (ProductDecision, usize) {
    let plan = product_plan(product.policy, product.message.key, product.notify_me);
    (product, w.message(plan))
}

/// Writes a cart plan's `summary` ("2 items ship today; …") and, given its
/// currency and anything accepted, its `charges` sentence.
pub(crate) fn word_plan(plan: &mut Plan, w: &Writer) {
    // A shipment of pre-orders only is promised as its week, as the product page promises each of them.
    let preorder = |s: &crate::model::cart::Shipment| {
        s.lines.iter().all(|l| plan.lines.get(l.line).is_some_and(|p| p.decision.policy == Policy::Preorder))
    };
    let units: Vec<(NaiveDate, u64, bool)> =
        plan.shipments.iter().map(|s| (s.date, s.lines.iter().map(|l| l.quantity).sum(), preorder(s))).collect();
    plan.summary = cart_summary(w, &units);
    for (shipment, &(date, _, preorder)) in plan.shipments.iter_mut().zip(&units) {
        shipment.text = match (preorder, date <= w.today) {
            (true, _) => {
                w.fill("shipment.week", &Params::default().with("week", Param::Date(w.week_start(date))), None, false)
            }
            (false, true) => w.word("shipment.today"),
            (false, false) => w.fill("shipment.by", &Params::default().with("date", Param::Date(date)), None, false),
        };
    }
    let later: Vec<(NaiveDate, u64)> = plan.captures.iter().map(|c| (c.date, c.amount)).collect();
    plan.charges = match plan.currency.filter(|_| plan.lines.iter().any(|l| l.accepted)) {
        Some(c) => charges(w, c, plan.charged_now, &later),
        None => String::new(),
    };
}

/// What a decision's message says before a word of it is written: the
/// templates to fill and every value they are filled with. [`write`] reads
/// nothing else, so decisions with the same plan get the same message and a
/// writer writes each distinct plan once ([`Writer::message`]).
#[derive(Clone, PartialEq, Eq)]
pub(crate) struct MessagePlan {
    key: &'static str,
    badge: &'static str,
    button: &'static str,
    /// The count that picks the text's plural form.
    count: Option<u64>,
    params: Params,
    /// The first missed deadline.
    notice: Option<Warning>,
    /// A notify-me decision's confirmation key.
    confirm: Option<&'static str>,
    charge: Option<Charge>,
}

/// Hashes what tells plans apart, not the texts that follow from it (badge,
/// button and confirmation keys, a deadline's names): equal plans hash
/// equal. Hashing whole plans was ~11 % of the server build's `decideAll`
/// with English messages; this subset made it 2–10 % faster (BENCHMARKS.md).
impl std::hash::Hash for MessagePlan {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.key.hash(state);
        self.count.hash(state);
        self.params.hash(state);
        self.notice.as_ref().map(|missed| missed.ship_by).hash(state);
        self.charge.as_ref().map(|c| c.now).hash(state);
    }
}

/// Plans a decision's message (see [`MessagePlan`]); `w` for the week a
/// pre-order's week starts on.
fn plan(d: &Decision, available: u64, order_limit: Option<u64>, charge: Option<Charge>, w: &Writer) -> MessagePlan {
    let mut params = Params::default();
    let (key, badge, button, count): (&'static str, &str, &str, Option<u64>) = match (d.policy, d.ship_date) {
        (Policy::InStock, Some(ship)) => {
            params = params.with("date", Param::Date(ship));
            match d.reason {
                Reason::LowStock | Reason::ExceedsAvailable => {
                    params = params.with("n", Param::Count(available));
                    let key = if d.reason == Reason::LowStock { "low_stock" } else { "exceeds_available" };
                    let badge = if d.reason == Reason::LowStock { "badge.low_stock" } else { "badge.in_stock" };
                    (key, badge, "button.add_to_cart", Some(available))
                }
                _ => ("in_stock", "badge.in_stock", "button.add_to_cart", None),
            }
        }
        (Policy::Backorder, Some(ship)) => {
            params =
                params.with("date", Param::Date(ship)).with("position", Param::Count(d.queue_position.unwrap_or(1)));
            match (d.reason, d.split) {
                (Reason::ExceedsBackorderCapacity, _) => {
                    params = params.with("n", Param::Count(d.max_quantity));
                    ("exceeds_backorder_capacity", "badge.backorder", "button.backorder", Some(d.max_quantity))
                }
                (_, Some(split)) => {
                    params = params.with("now", Param::Count(split.now)).with("later", Param::Count(split.later));
                    ("backorder_split", "badge.backorder", "button.backorder", None)
                }
                _ => ("backorder", "badge.backorder", "button.backorder", None),
            }
        }
        (Policy::Preorder, Some(ship)) => {
            let remaining = d.remaining_preorders.unwrap_or(0);
            params = params
                .with("date", Param::Date(ship))
                .with("week", Param::Date(w.week_start(ship)))
                .with("remaining", Param::Count(remaining));
            let key =
                if d.reason == Reason::ExceedsPreorderRemaining { "exceeds_preorder_remaining" } else { "preorder" };
            (key, "badge.preorder", "button.preorder", Some(remaining))
        }
        _ => {
            let button = if d.notify_me { "button.notify_me" } else { "button.sold_out" };
            let (key, badge) = match d.reason {
                Reason::Discontinued => ("discontinued", "badge.discontinued"),
                Reason::PreorderCapReached => ("preorder_cap_reached", "badge.sold_out"),
                Reason::PreorderNotOpen => ("preorder_not_open", "badge.coming_soon"),
                Reason::PreorderClosed => ("preorder_closed", "badge.sold_out"),
                _ if d.notify_me => ("out_of_stock_notify", "badge.out_of_stock"),
                _ => ("out_of_stock", "badge.out_of_stock"),
            };
            (key, badge, button, None)
        }
    };
    let (key, count) = match (d.reason, order_limit) {
        (Reason::BelowMinimumQuantity, _) => {
            params = params.with("min", Param::Count(d.min_quantity));
            ("below_minimum_quantity", Some(d.min_quantity))
        }
        (Reason::ExceedsOrderLimit, Some(0)) => ("order_limit_reached", None),
        (Reason::ExceedsOrderLimit, Some(n)) => {
            params = params.with("limit", Param::Count(n));
            ("exceeds_order_limit", Some(n))
        }
        _ => (key, count),
    };
    let notice = d.warnings.iter().find(|w| w.code == "deadline_missed");
    MessagePlan {
        key,
        badge,
        button,
        count,
        params,
        notice: notice.cloned(),
        confirm: d.notify_me.then(|| notify_key(d.reason)),
        charge,
    }
}

/// Writes a planned message.
fn write(plan: &MessagePlan, w: &Writer) -> Message {
    let MessagePlan { key, badge, button, count, params, notice, confirm, charge } = plan;
    let notice = notice.as_ref().map(|missed| {
        let p = Params::default()
            .with("deadline", Param::Text(w.deadline_name(missed)))
            .with("date", Param::Date(missed.ship_by));
        w.fill("deadline_missed", &p, None, false)
    });
    Message {
        lang: w.lang(key),
        badge: w.word(badge),
        text: w.fill(key, params, *count, true),
        button: w.word(button),
        key,
        params: params.clone(),
        notice,
        charge: charge.as_ref().map(|c| charges(w, c.currency, c.now, &c.later)),
        confirm: confirm.map(|key| w.word(key)),
    }
}

/// An email's subject and body (plain text, lines separated by `\n`).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Email {
    pub subject: String,
    pub body: String,
}

/// The order confirmation for a purchasable decision.
pub(crate) fn confirmation(
    w: &Writer,
    policy: Policy,
    ship: NaiveDate,
    position: Option<u64>,
    order: &str,
    title: &str,
) -> Email {
    let params = Params::default()
        .with("date", Param::Date(ship))
        .with("week", Param::Date(w.week_start(ship)))
        .with("order", Param::Text(order.to_owned()))
        .with("title", Param::Text(title.to_owned()))
        .with("position", Param::Count(position.unwrap_or(1)));
    let body = match policy {
        Policy::Backorder => "confirmation.backorder",
        Policy::Preorder => "confirmation.preorder",
        _ => "confirmation.in_stock",
    };
    // A pre-order's subject names its week, as its product page and the body do.
    let subject = if policy == Policy::Preorder { "confirmation.preorder_subject" } else { "confirmation.subject" };
    Email { subject: w.fill(subject, &params, None, false), body: w.fill(body, &params, None, false) }
}

/// The one-sentence cart summary: units per ship date, in date order
/// ("2 items ship today; 1 ships by Thursday, December 3").
fn cart_summary(w: &Writer, units_by_date: &[(NaiveDate, u64, bool)]) -> String {
    if units_by_date.is_empty() {
        return w.word("cart.nothing");
    }
    let parts: Vec<String> = units_by_date
        .iter()
        .map(|&(date, n, preorder)| {
            let params = Params::default()
                .with("n", Param::Count(n))
                .with("date", Param::Date(date))
                .with("week", Param::Date(w.week_start(date)));
            let key = match (preorder, date <= w.today) {
                (true, _) => "cart.preorder_week",
                (false, true) => "cart.ships_today",
                (false, false) => "cart.ships_by",
            };
            w.fill(key, &params, Some(n), false)
        })
        .collect();
    parts.join("; ")
}

/// When what is charged, in one sentence: "$40.00 today, $60.00 when it
/// ships". `later` lists the amounts captured at shipment by ship date;
/// with more than one date each names its date.
pub(crate) fn charges(w: &Writer, currency: Currency, now: u64, later: &[(NaiveDate, u64)]) -> String {
    let mut parts = Vec::new();
    if now > 0 || later.is_empty() {
        parts.push(w.fill("charge.today", &Params::default().with("amount", Param::Money(now, currency)), None, false));
    }
    for &(date, amount) in later.iter().filter(|(_, amount)| *amount > 0) {
        let params = Params::default().with("amount", Param::Money(amount, currency)).with("date", Param::Date(date));
        let key = if later.len() > 1 { "charge.at_shipment_on" } else { "charge.at_shipment" };
        parts.push(w.fill(key, &params, None, false));
    }
    parts.join(&w.word("charge.separator"))
}

/// The message key of a stage.
fn stage_key(stage: Stage) -> &'static str {
    match stage {
        Stage::InProduction => "stage.in_production",
        Stage::InTransit => "stage.in_transit",
        Stage::Received => "stage.received",
    }
}

/// The weekly status email: "still on track" while the expected date holds,
/// the new date with an apology once it moved later.
pub(crate) fn status(w: &Writer, s: &StatusUpdate) -> Email {
    let on_track = s.expected <= s.promised;
    let params = Params::default()
        .with("date", Param::Date(if on_track { s.promised } else { s.expected }))
        .with("order", Param::Text(s.order_number.clone()))
        .with("title", Param::Text(s.title.clone()));
    let mut body = w.fill(if on_track { "status.on_track" } else { "status.delayed" }, &params, None, false);
    if let Some(stage) = s.stage {
        body.push('\n');
        body.push_str(&w.fill(
            "status.current",
            &Params::default().with("status", Param::Text(w.word(stage_key(stage)))),
            None,
            false,
        ));
    }
    if let Some(arrival) = s.warehouse_arrival {
        body.push('\n');
        body.push_str(&w.fill("status.arrival", &Params::default().with("date", Param::Date(arrival)), None, false));
    }
    if let Some((position, total)) = s.position {
        let p = Params::default().with("position", Param::Count(position)).with("total", Param::Count(total));
        body.push('\n');
        body.push_str(&w.fill("status.position", &p, None, false));
    }
    Email { subject: w.fill("status.subject", &params, None, false), body }
}

/// The back-in-stock email for a notify-me subscriber: the item is for sale
/// again and ships on `ship`.
pub(crate) fn back_in_stock(w: &Writer, title: &str, ship: NaiveDate) -> Email {
    let params = Params::default().with("title", Param::Text(title.to_owned())).with("date", Param::Date(ship));
    Email {
        subject: w.fill("back_in_stock.subject", &params, None, false),
        body: w.fill("back_in_stock.body", &params, None, false),
    }
}

/// The "it shipped" email, the third step of the rhythm (confirm → weekly
/// updates → shipped), with the tracking number when there is one.
pub(crate) fn shipped(w: &Writer, order: &str, title: &str, tracking: Option<&str>) -> Email {
    let params =
        Params::default().with("order", Param::Text(order.to_owned())).with("title", Param::Text(title.to_owned()));
    let mut body = w.fill("shipped.body", &params, None, false);
    if let Some(tracking) = tracking {
        body.push('\n');
        body.push_str(&w.fill(
            "shipped.tracking",
            &Params::default().with("tracking", Param::Text(tracking.to_owned())),
            None,
            false,
        ));
    }
    Email { subject: w.fill("shipped.subject", &params, None, false), body }
}

/// Plans a product roll-up's message: the badge of `policy`, and `key`'s text.
fn product_plan(policy: Policy, key: &'static str, notify_me: bool) -> MessagePlan {
    let (badge, button) = match policy {
        Policy::InStock => ("badge.in_stock", "button.add_to_cart"),
        Policy::Backorder => ("badge.backorder", "button.backorder"),
        Policy::Preorder => ("badge.preorder", "button.preorder"),
        Policy::OutOfStock if key == "discontinued" => ("badge.discontinued", "button.sold_out"),
        Policy::OutOfStock if notify_me => ("badge.out_of_stock", "button.notify_me"),
        Policy::OutOfStock => ("badge.out_of_stock", "button.sold_out"),
    };
    // The text is `key`'s template, without values (a badge's key included).
    MessagePlan {
        key,
        badge,
        button,
        count: None,
        params: Params::default(),
        notice: None,
        confirm: notify_me.then_some("notify.back_in_stock"),
        charge: None,
    }
}
