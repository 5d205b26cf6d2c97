//! What is asked and what is answered: requests, policies, reason codes, decisions.

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

use crate::model::channel::Channel;
use crate::model::message::{Currency, Message};

/// What the caller asks: which channel, how many, at what moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Request {
    pub channel: Channel,
    /// From 1 to 2^53 − 1.
    pub quantity: u64,
    pub now: DateTime<Utc>,
    /// Units of this SKU the customer already bought, counted against an
    /// item's `maxPerCustomer` (0 when unknown).
    pub purchased: u64,
    /// The unit price, for the message's `charge` sentence (`None`: no sentence).
    pub price: Option<Price>,
}

/// A unit price in minor units of a currency.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Price {
    pub unit: u64,
    pub currency: Currency,
}

impl Request {
    /// One unit on the merchant's own store at `now`.
    pub fn at(now: DateTime<Utc>) -> Request {
        Request { channel: Channel::Dtc, quantity: 1, now, purchased: 0, price: None }
    }
}

/// How an item can be bought.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Policy {
    InStock,
    Backorder,
    Preorder,
    OutOfStock,
}

impl Policy {
    /// The code as it appears in JSON, e.g. `"out_of_stock"`.
    pub fn code(self) -> &'static str {
        match self {
            Policy::InStock => "in_stock",
            Policy::Backorder => "backorder",
            Policy::Preorder => "preorder",
            Policy::OutOfStock => "out_of_stock",
        }
    }
}

/// Defines [`Reason`] from one list, so the variants, [`Reason::ALL`] and
/// the JSON codes cannot disagree.
macro_rules! reasons {
    ($($variant:ident = $code:literal,)*) => {
        /// Why: the rule that decided (stable codes, docs/rules.md §3).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Reason {
            $($variant,)*
        }

        impl Reason {
            /// Every reason code, in the order of docs/rules.md §3.
            pub const ALL: [Reason; [$($code),*].len()] = [$(Reason::$variant),*];

            /// The code as it appears in JSON, e.g. `"restock_too_far"`.
            pub fn code(self) -> &'static str {
                match self {
                    $(Reason::$variant => $code,)*
                }
            }
        }
    };
}

/// Enums serialized as their code (the match `code` already is, where
/// serde's derive would write a second one: 0.5 KB of the page wasm).
macro_rules! serialize_as_code {
    ($($t:ty),*) => {$(
        impl Serialize for $t {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.code())
            }
        }
    )*};
}

serialize_as_code!(Reason, Policy, Payment, Listing);

reasons! {
    InvalidItem = "invalid_item",
    UnknownSku = "unknown_sku",
    ChannelDisallowsPreorder = "channel_disallows_preorder",
    PreorderNotOpen = "preorder_not_open",
    PreorderClosed = "preorder_closed",
    PreorderUncapped = "preorder_uncapped",
    PreorderUndated = "preorder_undated",
    PreorderOverdue = "preorder_overdue",
    PreorderCapReached = "preorder_cap_reached",
    Preorder = "preorder",
    InStock = "in_stock",
    LowStock = "low_stock",
    Discontinued = "discontinued",
    BackordersDisabled = "backorders_disabled",
    RestockUnconfirmed = "restock_unconfirmed",
    RestockOverdue = "restock_overdue",
    RestockTooFar = "restock_too_far",
    ChannelDisallowsBackorder = "channel_disallows_backorder",
    RestockOversubscribed = "restock_oversubscribed",
    Backorder = "backorder",
    ExceedsAvailable = "exceeds_available",
    ExceedsBackorderCapacity = "exceeds_backorder_capacity",
    ExceedsPreorderRemaining = "exceeds_preorder_remaining",
    StaleSnapshot = "stale_snapshot",
    BelowMinimumQuantity = "below_minimum_quantity",
    ExceedsOrderLimit = "exceeds_order_limit",
}

/// When the shopper pays.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Payment {
    ChargeNow,
    AuthorizeNowCaptureAtShipment,
    /// A pre-order deposit is charged now, the balance when it ships (the
    /// merchant's own store only: marketplaces never charge before shipment).
    DepositNowBalanceAtShipment,
}

impl Payment {
    pub fn code(self) -> &'static str {
        match self {
            Payment::ChargeNow => "charge_now",
            Payment::AuthorizeNowCaptureAtShipment => "authorize_now_capture_at_shipment",
            Payment::DepositNowBalanceAtShipment => "deposit_now_balance_at_shipment",
        }
    }
}

/// A line served partly from stock now and partly from the restock.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Split {
    pub now: u64,
    pub later: u64,
}

/// A warning attached to a decision: `deadline_missed` (a store deadline
/// `deadline` must ship by `ship_by`, before the decision's ship date) or
/// `availability_date_too_far` (the ship date `ship_by` is more than a year
/// ahead: Google Merchant Center refuses it, so the feed leaves it out).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Warning {
    pub code: &'static str,
    /// The deadline's name (`deadline_missed` only).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub deadline: String,
    /// The deadline's name in other languages (by lower-case tag), for the message.
    #[serde(skip)]
    pub names: Vec<(String, String)>,
    #[serde(serialize_with = "crate::model::calendar::serialize_date")]
    pub ship_by: NaiveDate,
}

/// Whether a storefront or feed should list the item: discontinued and
/// sold out, or sold out in a store that hides sold-out items
/// (`hideSoldOut`), is `hide`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Listing {
    Show,
    Hide,
}

impl Listing {
    pub fn code(self) -> &'static str {
        match self {
            Listing::Show => "show",
            Listing::Hide => "hide",
        }
    }
}

/// The availability answer for one item (docs/rules.md §7).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Decision {
    pub sku: String,
    pub policy: Policy,
    pub reason: Reason,
    pub can_purchase: bool,
    pub notify_me: bool,
    pub max_quantity: u64,
    /// The least one order may hold (the item's `minPerOrder`, else 1).
    pub min_quantity: u64,
    #[serde(serialize_with = "crate::model::calendar::serialize_opt_date")]
    pub ship_date: Option<NaiveDate>,
    pub remaining_preorders: Option<u64>,
    pub queue_position: Option<u64>,
    pub split: Option<Split>,
    pub payment: Option<Payment>,
    pub cancellable: bool,
    pub warnings: Vec<Warning>,
    pub schema_org: &'static str,
    pub merchant_availability: &'static str,
    #[serde(serialize_with = "crate::model::calendar::serialize_opt_date")]
    pub availability_date: Option<NaiveDate>,
    pub listing: Listing,
    /// A backorder's later units by the delivery that brings them, in date
    /// order (several when the quantity spans incoming purchase orders);
    /// empty otherwise.
    pub deliveries: Vec<Delivery>,
    /// Empty, and left out of JSON, for a decision asked without messages.
    #[serde(skip_serializing_if = "Message::is_unwritten")]
    pub message: Message,
}

/// The units of a backorder one incoming delivery serves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Delivery {
    pub quantity: u64,
    #[serde(serialize_with = "crate::model::calendar::serialize_date")]
    pub ship_date: NaiveDate,
    /// Behind the backorders this delivery still owes.
    pub queue_position: u64,
}

/// A product's availability over its variants, for a collection badge.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ProductDecision {
    pub product_id: String,
    /// The best way any variant can be bought (in stock, then backorder,
    /// then pre-order); `out_of_stock` when none can.
    pub policy: Policy,
    pub can_purchase: bool,
    /// Only when no variant can be bought and one offers notify-me.
    pub notify_me: bool,
    /// The earliest ship date among the variants of `policy`.
    #[serde(serialize_with = "crate::model::calendar::serialize_opt_date")]
    pub ship_date: Option<NaiveDate>,
    /// How many variants, and how many of them can be bought each way.
    pub variants: usize,
    pub in_stock: usize,
    pub backorder: usize,
    pub preorder: usize,
    pub unavailable: usize,
    /// `hide` when every variant is hidden (see [`Listing`]).
    pub listing: Listing,
    /// Whether the variants cannot all be bought the same way (some on
    /// backorder, on pre-order or sold out while others are not): then the
    /// message says so ("Some options on backorder").
    pub variants_differ: bool,
    /// Each variant's own state, in snapshot order: what a picker marks
    /// (sold out, backorder, pre-order) and what a `ProductGroup`'s offers say.
    pub variant_states: Vec<VariantState>,
    /// Badge of `policy`; text such as "Some options on backorder" (`key`
    /// `product.some_backorder`) when the variants differ.
    pub message: Message,
}

/// One variant of a product roll-up: how it can be bought and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct VariantState {
    pub sku: String,
    pub policy: Policy,
    pub reason: Reason,
    pub can_purchase: bool,
    pub notify_me: bool,
    #[serde(serialize_with = "crate::model::calendar::serialize_opt_date")]
    pub ship_date: Option<NaiveDate>,
    /// As in [`Decision::schema_org`].
    pub schema_org: &'static str,
    #[serde(serialize_with = "crate::model::calendar::serialize_opt_date")]
    pub availability_date: Option<NaiveDate>,
    pub listing: Listing,
}

/// A decision before it is put into words: the rules' answer (its `message`
/// still empty) and the counts its text needs that the answer does not carry.
/// The text layer turns it into a [`Decision`].
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Verdict {
    pub decision: Decision,
    /// Units available now ("Only 3 left").
    pub available: u64,
    /// The most one order may hold under the item's limits.
    pub order_limit: Option<u64>,
    /// What a purchasable request with a price pays now and later.
    pub charge: Option<Charge>,
}

/// What is paid when, in minor units of `currency`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) struct Charge {
    pub currency: Currency,
    pub now: u64,
    /// Captured at shipment, by ship date.
    pub later: Vec<(NaiveDate, u64)>,
}

/// One step of the chain of rules behind a decision, with the values it
/// looked at: what `Catalog::explain` lists so a merchant sees why.
///
/// ```
/// # use storefront_availability::Step;
/// let step = Step { rule: "stock", says: "3 on hand − 0 reserved − 1 safety stock = 2 available".into() };
/// assert_eq!(step.rule, "stock");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Step {
    /// Which rule (a stable name: `item`, `release`, `stock`, `delivery`, `backorder`, `preorder`, `limits`, `stale`, `channel`, `decision`).
    pub rule: &'static str,
    /// What it saw and concluded, in English.
    pub says: String,
}
