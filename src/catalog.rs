//! A loaded snapshot and the questions a storefront asks it.

use chrono::{DateTime, Utc};

use crate::model::decision::{Decision, ProductDecision, Reason, Request, Step, Verdict};
use crate::model::message::StatusUpdate;
use crate::model::problem::{ArgError, Diagnostic, SnapshotError, UpdateError};
use crate::model::snapshot::{Entry, Snapshot};
use crate::model::zone::Zones;
use crate::read::options::check_quantity;
use crate::read::patch::{patch_problems, read_patch, Patch, Patched};
use crate::read::snapshot::{patch_items, patch_text as spliced};
use crate::rules::decision;
use crate::text::{self, Email, English, LocaleText, Worded, Writer};

/// An inventory snapshot, ready to answer.
///
/// ```
/// use storefront_availability::{Catalog, Request, Policy};
/// let catalog = Catalog::from_json(r#"{
///   "version": 1, "generatedAt": "2026-11-23T08:00:00Z",
///   "items": [{ "sku": "MUG", "onHand": 3 }]
/// }"#).unwrap();
/// let now = "2026-11-23T09:00:00Z".parse().unwrap();
/// let decision = catalog.decide("MUG", &Request::at(now)).unwrap();
/// assert_eq!(decision.policy, Policy::InStock);
/// assert_eq!(decision.message.text, "In stock — ships today");
/// ```
pub struct Catalog {
    snapshot: Snapshot,
}

impl Catalog {
    /// Loads snapshot JSON text; time zones from the IANA database.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn from_json(text: &str) -> Result<Catalog, SnapshotError> {
        Catalog::from_json_with(text, &crate::model::zone::IanaZones)
    }

    /// Loads snapshot JSON text, resolving the store's time zone with `zones`.
    pub fn from_json_with(text: &str, zones: &dyn Zones) -> Result<Catalog, SnapshotError> {
        Snapshot::from_json(text, zones).map(Catalog::from)
    }

    /// Applies a patch `{ items, remove?, generatedAt? }` (JSON text) to
    /// `source`, the snapshot text a catalog was loaded from: the catalog
    /// it makes and its text. Refused as a whole, so nothing changes, when
    /// the patch is none or an item it brings is invalid (`invalid_update`,
    /// paths into the patch), or when the snapshot it makes is refused.
    ///
    /// ```
    /// use storefront_availability::{Catalog, Request};
    /// let source = r#"{ "version": 1, "generatedAt": "2026-11-23T08:00:00Z", "items": [{ "sku": "MUG", "onHand": 3 }] }"#;
    /// let (catalog, text) = Catalog::patched(source, r#"{ "items": [{ "sku": "MUG", "onHand": 0 }] }"#).unwrap();
    /// let now = "2026-11-23T09:00:00Z".parse().unwrap();
    /// assert!(!catalog.decide("MUG", &Request::at(now)).unwrap().can_purchase);
    /// assert!(text.contains(r#"{ "sku": "MUG", "onHand": 0 }"#)); // spliced as written
    /// let refused = Catalog::patched(source, r#"{ "items": [{ "sku": "MUG", "onHand": "many" }] }"#).err().unwrap();
    /// assert_eq!(refused.to_string(), "invalid update: items[0].onHand: expected an integer from -9007199254740991 to 9007199254740991, got \"many\"");
    /// ```
    #[cfg(not(target_arch = "wasm32"))]
    pub fn patched(source: &str, patch: &str) -> Result<(Catalog, String), UpdateError> {
        Catalog::patched_with(source, patch, &crate::model::zone::IanaZones)
    }

    /// [`Catalog::patched`], resolving the store's time zone with `zones`.
    pub fn patched_with(source: &str, patch: &str, zones: &dyn Zones) -> Result<(Catalog, String), UpdateError> {
        Catalog::apply(source, patch, zones, false)
    }

    /// Adds a shard `{ generatedAt, items }` (a part of a large snapshot
    /// written by `storefront-availability shard`) to `source`: a patch
    /// whose `generatedAt` counts only when it is older than the
    /// catalog's, so a catalog assembled from parts is as old as its oldest
    /// part and never promises past the stale-snapshot rule. A bad item in
    /// a shard fails alone (a diagnostic), as in the whole snapshot.
    ///
    /// ```
    /// use storefront_availability::Catalog;
    /// let index = r#"{ "version": 1, "generatedAt": "2026-11-23T08:00:00Z", "items": [] }"#;
    /// let shard = r#"{ "generatedAt": "2026-11-23T07:00:00Z", "items": [{ "sku": "MUG", "onHand": 3 }] }"#;
    /// let (catalog, _) = Catalog::with_shard_with(index, shard, &storefront_availability::IanaZones).unwrap();
    /// assert_eq!(catalog.generated_at().to_rfc3339(), "2026-11-23T07:00:00+00:00");
    /// ```
    pub fn with_shard_with(source: &str, shard: &str, zones: &dyn Zones) -> Result<(Catalog, String), UpdateError> {
        Catalog::apply(source, shard, zones, true)
    }

    /// A patch, or a shard (`shard`: its `generatedAt` counts only when
    /// older, and a bad item in it fails alone, as it would in the whole
    /// snapshot, instead of refusing the update).
    fn apply(source: &str, patch_text: &str, zones: &dyn Zones, shard: bool) -> Result<(Catalog, String), UpdateError> {
        let patch = read_patch(patch_text).map_err(UpdateError::Patch)?;
        let mut catalog = Catalog::from_json_with(source, zones).map_err(UpdateError::Snapshot)?;
        let text = catalog.update_from(source, &patch, zones, shard)?;
        Ok((catalog, text))
    }

    /// A patch (or, with `shard`, a shard; see [`Catalog::with_shard_with`])
    /// applied to this catalog in place, as [`Catalog::patched_with`] on
    /// the text it was loaded from would, and its new text. Only the items
    /// the patch brings are read: the others keep their place and are not
    /// read again (one item into 10k: see BENCHMARKS.md). Refused as a
    /// whole, the catalog unchanged, as `patched_with` refuses.
    /// `Ok(None)`, the catalog unchanged, when only loading the whole
    /// patched text gives the same answer (its text had half characters
    /// replaced, or a load would refuse the patch's `generatedAt` or an
    /// item it brings as the snapshot's): then [`Catalog::patch_source`]
    /// with the text this catalog was loaded from does that load.
    ///
    /// ```
    /// use storefront_availability::{Catalog, Request};
    /// let source = r#"{ "version": 1, "generatedAt": "2026-11-23T08:00:00Z", "items": [{ "sku": "MUG", "onHand": 3 }, { "sku": "TEE", "onHand": 1 }] }"#;
    /// let mut catalog = Catalog::from_json(source).unwrap();
    /// let text = catalog.patch(r#"{ "items": [{ "sku": "MUG", "onHand": 0 }] }"#, false).unwrap().unwrap().to_owned();
    /// let now = "2026-11-23T09:00:00Z".parse().unwrap();
    /// assert!(!catalog.decide("MUG", &Request::at(now)).unwrap().can_purchase);
    /// assert_eq!(text, Catalog::patched(source, r#"{ "items": [{ "sku": "MUG", "onHand": 0 }] }"#).unwrap().1);
    /// assert!(catalog.patch(r#"{ "items": [{ "sku": "TEE", "onHand": "many" }] }"#, false).is_err());
    /// assert!(catalog.decide("TEE", &Request::at(now)).unwrap().can_purchase); // unchanged
    /// ```
    pub fn patch(&mut self, patch_text: &str, shard: bool) -> Result<Option<&str>, UpdateError> {
        self.patch_in_place(&read_patch(patch_text).map_err(UpdateError::Patch)?, shard)
    }

    /// [`Catalog::patch`], and where it leaves the answer to a load of the
    /// whole patched text, that load: `source` is the text this catalog was
    /// loaded from, spliced where loading found its items. The new text,
    /// or refused as a whole, the catalog unchanged.
    ///
    /// ```
    /// use storefront_availability::{Catalog, IanaZones};
    /// // Half a character (read as U+FFFD): the patched text is loaded whole, and still says so.
    /// let source = r#"{ "version": 1, "generatedAt": "2026-11-23T08:00:00Z", "items": [{ "sku": "MUG", "title": "\ud83d", "onHand": 3 }] }"#;
    /// let mut catalog = Catalog::from_json(source).unwrap();
    /// let patch = r#"{ "items": [{ "sku": "TEE", "onHand": 1 }] }"#;
    /// assert_eq!(catalog.patch(patch, false).unwrap(), None);
    /// let text = catalog.patch_source(source, patch, &IanaZones, false).unwrap();
    /// assert!(text.contains(r#""title": "\ud83d""#));
    /// assert_eq!(catalog.diagnostics()[0].code, "invalid_text");
    /// ```
    pub fn patch_source(
        &mut self,
        source: &str,
        patch_text: &str,
        zones: &dyn Zones,
        shard: bool,
    ) -> Result<String, UpdateError> {
        self.update_from(source, &read_patch(patch_text).map_err(UpdateError::Patch)?, zones, shard)
    }

    /// [`Catalog::patch_source`], the patch read.
    fn update_from(
        &mut self,
        source: &str,
        patch: &Patch,
        zones: &dyn Zones,
        shard: bool,
    ) -> Result<String, UpdateError> {
        if let Some(text) = self.patch_in_place(patch, shard)? {
            return Ok(text.to_owned());
        }
        self.reload_patched(source, patch, zones, shard)
    }

    /// `patch` spliced into `source` and the whole text loaded: what only
    /// a load can say (see [`Catalog::patch`] for when). The boundary
    /// calls it directly once [`Catalog::patch`] declined (trying in place
    /// again would decline again); the answer is the same either way, as
    /// patching in place reproduces a load of the patched text.
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    pub(crate) fn reload_patched(
        &mut self,
        source: &str,
        patch: &Patch,
        zones: &dyn Zones,
        shard: bool,
    ) -> Result<String, UpdateError> {
        let Patched { text, placed, .. } =
            spliced(&self.snapshot, source, patch, shard).map_err(UpdateError::Snapshot)?;
        let catalog = Catalog::from_json_with(&text, zones).map_err(UpdateError::Snapshot)?;
        if let Some(problems) = catalog.brought_problems(&placed, shard) {
            return Err(UpdateError::Patch(problems));
        }
        *self = catalog;
        Ok(text)
    }

    /// [`Catalog::patch`], the patch read.
    fn patch_in_place(&mut self, patch: &Patch, shard: bool) -> Result<Option<&str>, UpdateError> {
        let Some((parts, placed)) = patch_items(&self.snapshot, patch, shard) else {
            return Ok(None);
        };
        let before = self.snapshot.swap_items(parts);
        if let Some(problems) = self.brought_problems(&placed, shard) {
            self.snapshot.swap_items(before);
            return Err(UpdateError::Patch(problems));
        }
        Ok(Some(&self.snapshot.items.text))
    }

    /// The problems of the items a patch brought (at `placed`, see
    /// [`crate::read::patch::apply_patch`]), with paths into the patch;
    /// `None` when there are none, or for a shard (whose bad items fail
    /// alone).
    fn brought_problems(&self, placed: &[usize], shard: bool) -> Option<Vec<Diagnostic>> {
        if shard {
            return None;
        }
        // Only the items the patch brings are read (the others, as on any load, when first used).
        let mut brought = vec![false; self.snapshot.item_count()];
        for &at in placed {
            if let Some(flag) = brought.get_mut(at) {
                *flag = true;
            }
        }
        let brought = |i: usize| brought.get(i).copied().unwrap_or(false);
        let problems = patch_problems(&self.snapshot.diagnostics_of(&brought), placed);
        (!problems.is_empty()).then_some(problems)
    }

    pub fn snapshot(&self) -> &Snapshot {
        &self.snapshot
    }

    /// Data problems inside items, each with its JSON path.
    pub fn diagnostics(&self) -> &[Diagnostic] {
        self.snapshot.diagnostics()
    }

    /// What the rules will refuse about items that load fine, whatever
    /// their stock (docs/rules.md §1, "Notices"), read at the snapshot's
    /// own time on the merchant's own store: a pre-order without a cap
    /// (`preorder_uncapped`) or a ship date (`preorder_undated`), and an
    /// item that asks for backorders (its own `backorder.enabled`, or a
    /// restock it lists) with no confirmed restock (`restock_unconfirmed`:
    /// out of stock at zero). Importers and
    /// `validate` report them; decisions say the same per request.
    ///
    /// ```
    /// use storefront_availability::Catalog;
    /// let catalog = Catalog::from_json(r#"{ "version": 1, "generatedAt": "2026-11-23T08:00:00Z", "items": [
    ///   { "sku": "LAMP", "lifecycle": "unreleased", "preorder": { "shipDate": "2027-02-01" } },
    ///   { "sku": "TEE", "onHand": 4, "backorder": { "enabled": true } }] }"#).unwrap();
    /// let notices: Vec<_> = catalog.notices().into_iter().map(|n| (n.code, n.path)).collect();
    /// assert_eq!(notices, [("preorder_uncapped", "items[0].preorder".to_owned()), ("restock_unconfirmed", "items[1].restock".to_owned())]);
    /// ```
    pub fn notices(&self) -> Vec<Diagnostic> {
        let notice = |(i, reason): (usize, Reason)| {
            let (field, message) = match reason {
                Reason::PreorderUncapped => (
                    "preorder",
                    "a pre-order without a cap (preorder.limit, or plannedProduction) is never sold: give one",
                ),
                Reason::PreorderUndated => (
                    "preorder",
                    "a pre-order without a date (preorder.shipDate, productionDate or releaseDate) is never sold: give one",
                ),
                _ => (
                    "restock",
                    "backorders are on but no restock is confirmed (confirmed, date and quantity): at zero it is out of stock",
                ),
            };
            // `i` is an index of `items` (notices enumerates them); `get` keeps a panic out of the wasm all the same.
            let sku = self.snapshot.item_at(i).and_then(Entry::sku).map(str::to_owned);
            Diagnostic { code: reason.code(), sku, path: format!("items[{i}].{field}"), message: message.into() }
        };
        decision::notices(&self.snapshot).into_iter().map(notice).collect()
    }

    /// The decision for `sku`, in US English.
    pub fn decide(&self, sku: &str, request: &Request) -> Result<Decision, ArgError> {
        self.decide_with(sku, request, &English)
    }

    /// The decision for `sku`, its message written with `text`.
    pub fn decide_with(&self, sku: &str, request: &Request, text: &dyn LocaleText) -> Result<Decision, ArgError> {
        self.decide_in(sku, request, Some(text))
    }

    /// The decision for `sku`, its message written with `text`, or left
    /// empty (and out of JSON) without one (see
    /// [`Catalog::decide_without_message`]).
    // Not inlined: decide, the e-mails and back-in-stock share one copy in the wasm.
    #[inline(never)]
    pub(crate) fn decide_in(
        &self,
        sku: &str,
        request: &Request,
        text: Option<&dyn LocaleText>,
    ) -> Result<Decision, ArgError> {
        let (verdict, today) = self.verdict(sku, request)?;
        Ok(Catalog::worded(verdict, &text.map(|text| self.writer(text, today))))
    }

    /// [`Catalog::decide_in`] as a list of one (what crosses to JavaScript).
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    pub(crate) fn decide_listed(
        &self,
        sku: &str,
        request: &Request,
        text: Option<&dyn LocaleText>,
    ) -> Result<Worded, ArgError> {
        let (verdict, today) = self.verdict(sku, request)?;
        Ok(Worded::new(std::iter::once(verdict), text.map(|text| self.writer(text, today))))
    }

    /// The verdict for `sku`, and the store's today.
    fn verdict(&self, sku: &str, request: &Request) -> Result<(Verdict, chrono::NaiveDate), ArgError> {
        check_request(request)?;
        check_sku(sku)?;
        let moment = decision::Moment::new(&self.snapshot, request);
        Ok((decision::decide(&self.snapshot, self.snapshot.entry(sku), sku, &moment), moment.today))
    }

    /// The decision for `sku` (without its message) and the chain of rules
    /// that led to it, each step with the values it looked at, for a
    /// merchant asking why.
    ///
    /// ```
    /// # use storefront_availability::{Catalog, Request};
    /// let catalog = Catalog::from_json(r#"{"version":1,"generatedAt":"2026-11-23T13:00:00Z","items":[{"sku":"MUG","onHand":0,
    ///   "restock":[{"date":"2026-12-30","quantity":10,"confirmed":true}]}]}"#).unwrap();
    /// let now = "2026-11-23T15:00:00Z".parse().unwrap();
    /// let (decision, steps) = catalog.explain("MUG", &Request::at(now)).unwrap();
    /// assert_eq!(decision.reason.code(), "restock_too_far");
    /// assert!(steps.iter().any(|s| s.says.contains("37 days away; the limit is 14")));
    /// ```
    pub fn explain(&self, sku: &str, request: &Request) -> Result<(Decision, Vec<Step>), ArgError> {
        check_request(request)?;
        check_sku(sku)?;
        let moment = decision::Moment::new(&self.snapshot, request);
        let (verdict, steps) = decision::explain(&self.snapshot, self.snapshot.entry(sku), sku, &moment);
        Ok((verdict.decision, steps))
    }

    /// The locale messages for a shopper asking for `requested` are written
    /// in: itself when a catalog (built-in or the merchant's) has its
    /// language, else `en-US`. The browser build makes its `Intl` writer for it.
    pub fn text_locale(&self, requested: &str) -> String {
        self.snapshot.messages.text_locale(requested)
    }

    /// The order confirmation email for buying `sku` as in `request`
    /// ("Order Confirmed — Ships by …"); `not_purchasable` when it can't be bought.
    ///
    /// ```
    /// use storefront_availability::{Catalog, Request, English};
    /// let catalog = Catalog::from_json(r#"{ "version": 1, "generatedAt": "2026-11-23T08:00:00Z",
    ///   "items": [{ "sku": "MUG", "title": "Stoneware Mug", "onHand": 3 }] }"#).unwrap();
    /// let now = "2026-11-23T09:00:00Z".parse().unwrap();
    /// let email = catalog.order_confirmation("MUG", &Request::at(now), "1042", &English).unwrap();
    /// assert_eq!(email.subject, "Order Confirmed — Ships by Monday, November 23");
    /// ```
    pub fn order_confirmation(
        &self,
        sku: &str,
        request: &Request,
        order_number: &str,
        text: &dyn LocaleText,
    ) -> Result<Email, ArgError> {
        // The e-mail reads the decision, not its message: no text is written for it.
        let decision = self.decide_in(sku, request, None)?;
        let ship = decision.ship_date.filter(|_| decision.can_purchase).ok_or_else(|| {
            ArgError::new("not_purchasable", format!("{sku} can't be bought as asked ({})", decision.reason.code()))
        })?;
        let title = self.title_of(sku);
        let today = decision::today(&self.snapshot, request.now);
        let writer = self.cart_and_email_writer(text, today);
        Ok(text::confirmation(&writer, decision.policy, ship, decision.queue_position, order_number, title))
    }

    /// Plans a cart: shipments by date, what is charged now, authorized now
    /// and captured at each shipment, and a one-sentence summary.
    ///
    /// ```
    /// use storefront_availability::{Cart, Line, English, Catalog, Channel};
    /// let catalog = Catalog::from_json(r#"{ "version": 1, "generatedAt": "2026-11-23T08:00:00Z",
    ///   "items": [{ "sku": "MUG", "onHand": 3 },
    ///             { "sku": "TEE", "restock": { "date": "2026-12-01", "confirmed": true, "quantity": 9 } }] }"#).unwrap();
    /// let line = |sku: &str, quantity| Line { sku: sku.into(), quantity, unit_price: 1500 };
    /// let cart = Cart { lines: vec![line("MUG", 2), line("TEE", 1)], channel: Channel::Dtc,
    ///                   now: "2026-11-23T09:00:00Z".parse().unwrap(), hold_together: false, purchased: Default::default(), currency: None };
    /// let plan = catalog.plan_cart(&cart, &English).unwrap();
    /// assert_eq!(plan.summary, "2 items ship today; 1 ships by Wednesday, December 2");
    /// assert_eq!((plan.charged_now, plan.authorized_now, plan.total), (3000, 1500, 4500));
    /// ```
    pub fn plan_cart(
        &self,
        cart: &crate::model::cart::Cart,
        text: &dyn LocaleText,
    ) -> Result<crate::model::cart::Plan, ArgError> {
        for line in &cart.lines {
            check_sku(&line.sku)?;
            check_quantity(line.quantity as f64)?;
        }
        let writer = self.cart_and_email_writer(text, decision::today(&self.snapshot, cart.now));
        let mut plan = crate::rules::cart::plan(&self.snapshot, cart, &|verdict| text::word(verdict, &writer))?;
        text::word_plan(&mut plan, &writer);
        Ok(plan)
    }

    /// The back-in-stock email for a notify-me subscriber of `sku`, once it
    /// can be bought again ("{title} is back in stock"); `not_purchasable`
    /// while it can't.
    ///
    /// ```
    /// use storefront_availability::{Catalog, Request, English};
    /// let catalog = Catalog::from_json(r#"{ "version": 1, "generatedAt": "2026-11-23T08:00:00Z",
    ///   "items": [{ "sku": "MUG", "title": "Stoneware Mug", "onHand": 3 }] }"#).unwrap();
    /// let now = "2026-11-23T09:00:00Z".parse().unwrap();
    /// assert_eq!(catalog.back_in_stock("MUG", &Request::at(now), &English).unwrap().subject, "Stoneware Mug is back in stock");
    /// ```
    pub fn back_in_stock(&self, sku: &str, request: &Request, text: &dyn LocaleText) -> Result<Email, ArgError> {
        // The e-mail reads the decision, not its message: no text is written for it.
        let decision = self.decide_in(sku, request, None)?;
        let ship = decision.ship_date.filter(|_| decision.can_purchase).ok_or_else(|| {
            ArgError::new("not_purchasable", format!("{sku} can't be bought yet ({})", decision.reason.code()))
        })?;
        let writer = self.cart_and_email_writer(text, decision::today(&self.snapshot, request.now));
        Ok(text::back_in_stock(&writer, self.title_of(sku), ship))
    }

    /// The email telling a shopper their order shipped, with the tracking
    /// number when there is one.
    ///
    /// ```
    /// use storefront_availability::{Catalog, English};
    /// let catalog = Catalog::from_json(r#"{ "version": 1, "generatedAt": "2026-11-23T08:00:00Z", "items": [] }"#).unwrap();
    /// let email = catalog.shipped("1042", "Merino Tee", Some("1Z999"), "2026-11-23T09:00:00Z".parse().unwrap(), &English);
    /// assert_eq!(email.body.lines().last(), Some("Tracking number: 1Z999"));
    /// ```
    pub fn shipped(
        &self,
        order_number: &str,
        title: &str,
        tracking: Option<&str>,
        now: DateTime<Utc>,
        text: &dyn LocaleText,
    ) -> Email {
        let writer = self.cart_and_email_writer(text, decision::today(&self.snapshot, now));
        text::shipped(&writer, order_number, title, tracking)
    }

    /// The item's title, else its SKU.
    fn title_of<'s>(&'s self, sku: &'s str) -> &'s str {
        match self.snapshot.entry(sku) {
            Some(crate::model::snapshot::Entry::Valid(item)) => item.title.as_deref().unwrap_or(sku),
            _ => sku,
        }
    }

    /// The weekly status email for an order: "still on track" while the
    /// expected date holds, the new date with an apology once it moved.
    /// `invalid_options` unless 1 ≤ position ≤ total.
    pub fn weekly_status(
        &self,
        update: &StatusUpdate,
        now: DateTime<Utc>,
        text: &dyn LocaleText,
    ) -> Result<Email, ArgError> {
        if update.position.is_some_and(|(position, total)| position < 1 || position > total) {
            return Err(ArgError::new(
                "invalid_options",
                "position and total must be whole numbers with 1 ≤ position ≤ total",
            ));
        }
        let writer = self.cart_and_email_writer(text, decision::today(&self.snapshot, now));
        Ok(text::status(&writer, update))
    }

    /// A decision for every item, in snapshot order (an item whose SKU could
    /// not be read gets `sku: ""` and reason `invalid_item`).
    pub fn decide_all_with(&self, request: &Request, text: &dyn LocaleText) -> Result<Vec<Decision>, ArgError> {
        self.decide_all_in(request, Some(text)).map(Worded::into_decisions)
    }

    /// [`Catalog::decide_all_with`], or without messages when `text` is
    /// `None` (see [`Catalog::decide_all_without_messages`]).
    // Not inlined: the boundary calls it with and without a writer.
    #[inline(never)]
    pub(crate) fn decide_all_in(&self, request: &Request, text: Option<&dyn LocaleText>) -> Result<Worded, ArgError> {
        check_request(request)?;
        let snapshot = &self.snapshot;
        let moment = decision::Moment::new(snapshot, request);
        let verdicts = snapshot.items().map(|entry| decision::decide(snapshot, Some(entry), "", &moment));
        Ok(Worded::new(verdicts, text.map(|text| self.writer(text, moment.today))))
    }

    /// Every item's decision without its message, for feeds, JSON-LD and
    /// servers that write their own words: the same fields (`message` left
    /// empty, and out of JSON), without the work of writing text.
    ///
    /// ```
    /// use storefront_availability::{Catalog, Request};
    /// let catalog = Catalog::from_json(r#"{ "version": 1, "generatedAt": "2026-11-23T08:00:00Z",
    ///   "items": [{ "sku": "MUG", "onHand": 3 }] }"#).unwrap();
    /// let request = Request::at("2026-11-23T09:00:00Z".parse().unwrap());
    /// let bare = catalog.decide_all_without_messages(&request).unwrap();
    /// assert_eq!(bare[0].merchant_availability, "in_stock");
    /// assert!(bare[0].message.is_unwritten());
    /// ```
    pub fn decide_all_without_messages(&self, request: &Request) -> Result<Vec<Decision>, ArgError> {
        self.decide_all_in(request, None).map(Worded::into_decisions)
    }

    /// The decision for `sku` without its message (see
    /// [`Catalog::decide_all_without_messages`]).
    pub fn decide_without_message(&self, sku: &str, request: &Request) -> Result<Decision, ArgError> {
        self.decide_in(sku, request, None)
    }

    /// Every product's roll-up over its variants, in the order products
    /// first appear. Items group by `productId`; an item without one is a
    /// product of its own, named by its SKU.
    ///
    /// ```
    /// use storefront_availability::{Catalog, Policy, Request, English};
    /// let catalog = Catalog::from_json(r#"{ "version": 1, "generatedAt": "2026-11-23T08:00:00Z", "items": [
    ///   { "sku": "TEE-S", "productId": "tee", "onHand": 4 },
    ///   { "sku": "TEE-L", "productId": "tee", "restock": { "date": "2026-11-30", "confirmed": true, "quantity": 9 } }] }"#).unwrap();
    /// let products = catalog.decide_products_with(&Request::at("2026-11-23T09:00:00Z".parse().unwrap()), &English).unwrap();
    /// assert_eq!((products[0].policy, products[0].message.text.as_str()), (Policy::InStock, "Some options on backorder"));
    /// ```
    pub fn decide_products_with(
        &self,
        request: &Request,
        text: &dyn LocaleText,
    ) -> Result<Vec<ProductDecision>, ArgError> {
        self.decide_products_in(request, text).map(Worded::into_decisions)
    }

    /// [`Catalog::decide_products_with`], each distinct message written once.
    pub(crate) fn decide_products_in(
        &self,
        request: &Request,
        text: &dyn LocaleText,
    ) -> Result<Worded<ProductDecision>, ArgError> {
        check_request(request)?;
        let snapshot = &self.snapshot;
        let moment = decision::Moment::new(snapshot, request);
        // Product id → position in `groups` (the same map type as the SKU index).
        let mut positions: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
        let mut groups: Vec<(&str, Vec<Decision>)> = Vec::new();
        for entry in snapshot.items() {
            let Some(id) = entry.product_key() else { continue };
            // Looked up before it is copied: a product's later variants allocate nothing.
            let position = match positions.get(id) {
                Some(&position) => position,
                None => {
                    groups.push((id, Vec::new()));
                    positions.insert(id.to_owned(), groups.len() - 1);
                    groups.len() - 1
                }
            };
            if let Some((_, variants)) = groups.get_mut(position) {
                // A roll-up reads no variant's text: the variants stay unworded.
                variants.push(decision::decide(snapshot, Some(entry), "", &moment).decision);
            }
        }
        let products = groups.iter().map(|(id, variants)| decision::roll_up(id, variants));
        Ok(Worded::products(products, self.writer(text, moment.today)))
    }

    /// One product's roll-up; a product with no variants here is `out_of_stock`.
    pub fn decide_product_with(
        &self,
        product_id: &str,
        request: &Request,
        text: &dyn LocaleText,
    ) -> Result<ProductDecision, ArgError> {
        let (product, today) = self.roll_up(product_id, request)?;
        Ok(text::word_product(product, &self.writer(text, today)))
    }

    /// [`Catalog::decide_product_with`] as a list of one (what crosses to JavaScript).
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    pub(crate) fn decide_product_listed(
        &self,
        product_id: &str,
        request: &Request,
        text: &dyn LocaleText,
    ) -> Result<Worded<ProductDecision>, ArgError> {
        let (product, today) = self.roll_up(product_id, request)?;
        Ok(Worded::products(std::iter::once(product), self.writer(text, today)))
    }

    /// The unworded roll-up of `product_id`'s variants, and the store's today.
    fn roll_up(&self, product_id: &str, request: &Request) -> Result<(ProductDecision, chrono::NaiveDate), ArgError> {
        check_request(request)?;
        if product_id.is_empty() {
            return Err(ArgError::new("invalid_product", "productId must be a non-empty string"));
        }
        let snapshot = &self.snapshot;
        let moment = decision::Moment::new(snapshot, request);
        // Only this product's variants are read (loading found each item's key).
        let variants: Vec<Decision> = (0..snapshot.item_count())
            .filter(|&i| snapshot.product_key_at(i) == Some(product_id))
            .filter_map(|i| snapshot.item_at(i))
            .map(|entry| decision::decide(snapshot, Some(entry), "", &moment).decision)
            .collect();
        Ok((decision::roll_up(product_id, &variants), moment.today))
    }

    /// [`Catalog::decide_all_with`] in US English.
    pub fn decide_all(&self, request: &Request) -> Result<Vec<Decision>, ArgError> {
        self.decide_all_with(request, &English)
    }

    /// When the snapshot's data was taken.
    pub fn generated_at(&self) -> DateTime<Utc> {
        self.snapshot.generated_at
    }
}

impl Catalog {
    /// The verdict's decision, its message written by `writer` if any.
    fn worded(verdict: Verdict, writer: &Option<Writer>) -> Decision {
        match writer {
            Some(writer) => text::word(verdict, writer),
            None => verdict.decision,
        }
    }

    /// The writer of this snapshot's messages for a shopper on `today`.
    fn writer<'a>(&'a self, text: &'a dyn LocaleText, today: chrono::NaiveDate) -> Writer<'a> {
        Writer::new(text, &self.snapshot.messages, today)
    }

    /// [`Catalog::writer`], able to write carts and e-mails too (their
    /// templates are linked only into builds that call this).
    fn cart_and_email_writer<'a>(&'a self, text: &'a dyn LocaleText, today: chrono::NaiveDate) -> Writer<'a> {
        self.writer(text, today).for_carts_and_emails()
    }
}

impl From<Snapshot> for Catalog {
    fn from(snapshot: Snapshot) -> Catalog {
        Catalog { snapshot }
    }
}

fn check_sku(sku: &str) -> Result<(), ArgError> {
    if sku.is_empty() {
        return Err(ArgError::new("invalid_sku", "sku must be a non-empty string"));
    }
    Ok(())
}

fn check_request(request: &Request) -> Result<(), ArgError> {
    // Every u64 above 2^53 − 1 converts to at least 2^53, so this is exact.
    check_quantity(request.quantity as f64).map(|_| ())
}

/// The merchant's health metrics over an order history: each rate exact,
/// with its alarm state against the store's thresholds (docs/metrics.md).
///
/// ```
/// # use storefront_availability::{health, Alarm, History};
/// let history = History::from_json(r#"{"orders":[
///   {"sku":"MUG","quantity":1,"placedAt":"2026-11-02","soldAs":"in_stock"},
///   {"sku":"MUG","quantity":1,"placedAt":"2026-11-03","soldAs":"backorder","promisedShipDate":"2026-11-20"}]}"#).unwrap();
/// let report = health(&history);
/// assert_eq!(report.store.backorder_rate.value.unwrap().percent_text(), "50.0");
/// assert_eq!(report.store.backorder_rate.alarm, Alarm::Warn); // healthy below 5 %
/// ```
pub fn health(history: &crate::model::metrics::History) -> crate::model::metrics::Health {
    crate::rules::metrics::health(history)
}
