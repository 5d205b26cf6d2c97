//! Sales channels and what each lets a store sell (docs/rules.md §6).

/// A channel an item is sold on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Channel {
    /// The merchant's own store (the default).
    Dtc,
    Amazon,
    Ebay,
    Walmart,
    TiktokShop,
}

impl Channel {
    /// How many channels there are (the length of tables indexed by channel).
    pub const COUNT: usize = 5;

    pub const ALL: [Channel; Channel::COUNT] =
        [Channel::Dtc, Channel::Amazon, Channel::Ebay, Channel::Walmart, Channel::TiktokShop];

    /// The channel's name in snapshots and calls.
    ///
    /// ```
    /// use storefront_availability::Channel;
    /// assert_eq!(Channel::parse("tiktok_shop").map(Channel::name), Some("tiktok_shop"));
    /// assert_eq!(Channel::parse("etsy"), None);
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            Channel::Dtc => "dtc",
            Channel::Amazon => "amazon",
            Channel::Ebay => "ebay",
            Channel::Walmart => "walmart",
            Channel::TiktokShop => "tiktok_shop",
        }
    }

    pub fn parse(name: &str) -> Option<Channel> {
        Channel::ALL.into_iter().find(|c| c.name() == name)
    }

    /// What is wrong with a name [`Channel::parse`] refused.
    pub fn unknown(name: &str) -> String {
        format!(
            "unknown channel {}; expected one of dtc, amazon, ebay, walmart, tiktok_shop",
            crate::model::value::quoted(name)
        )
    }

    /// The channel's position in [`Channel::ALL`] (tables indexed by channel).
    pub fn index(self) -> usize {
        self as usize
    }

    /// The built-in rules of the table in docs/rules.md §6.
    fn defaults(self) -> ChannelRules {
        let (backorder, preorder, max_ship_days) = match self {
            Channel::Dtc => (true, Some(true), None),
            // Amazon takes pre-orders only with brand registry (see `preorder`).
            Channel::Amazon => (false, None, None),
            Channel::Ebay => (true, Some(true), Some(30)),
            Channel::Walmart | Channel::TiktokShop => (false, Some(false), None),
        };
        ChannelRules { backorder, preorder, brand_registry: false, max_ship_days }
    }
}

/// What one channel allows for one item, after every override.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ChannelRules {
    pub backorder: bool,
    /// An explicit pre-order setting; when unset, `brand_registry` decides.
    pub(crate) preorder: Option<bool>,
    brand_registry: bool,
    /// Ship dates further than this many days from today are refused.
    pub max_ship_days: Option<u32>,
}

impl ChannelRules {
    /// Whether the channel takes pre-orders at all.
    pub(crate) fn preorder(&self) -> bool {
        self.preorder.unwrap_or(self.brand_registry)
    }

    /// Whether a promise `days_out` calendar days from today fits the
    /// channel's `maxShipDays`; an undated promise fits only without a limit.
    pub(crate) fn ships_within(&self, days_out: Option<i64>) -> bool {
        match (self.max_ship_days, days_out) {
            (None, _) => true,
            (Some(max), Some(days)) => days <= i64::from(max),
            (Some(_), None) => false,
        }
    }
}

/// Overrides of one channel's rules, key by key.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct ChannelPatch {
    pub(crate) backorder: Option<bool>,
    pub(crate) preorder: Option<bool>,
    pub(crate) brand_registry: Option<bool>,
    /// `Some(None)`: an explicit `null`, no limit.
    pub(crate) max_ship_days: Option<Option<u32>>,
}

impl ChannelPatch {
    fn apply(&self, rules: &mut ChannelRules) {
        rules.backorder = self.backorder.unwrap_or(rules.backorder);
        rules.preorder = self.preorder.or(rules.preorder);
        rules.brand_registry = self.brand_registry.unwrap_or(rules.brand_registry);
        rules.max_ship_days = self.max_ship_days.unwrap_or(rules.max_ship_days);
    }
}

/// The `channels` object of a store or an item.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ChannelOverrides(pub(crate) [ChannelPatch; Channel::COUNT]);

const NO_PATCH: ChannelPatch =
    ChannelPatch { backorder: None, preorder: None, brand_registry: None, max_ship_days: None };

impl ChannelOverrides {
    /// No overrides at all.
    pub const NONE: ChannelOverrides = ChannelOverrides([NO_PATCH; Channel::COUNT]);
}

/// The rules for `channel`: the built-in table, then the store's
/// overrides, then the item's.
pub(crate) fn rules(channel: Channel, store: &ChannelOverrides, item: &ChannelOverrides) -> ChannelRules {
    let mut rules = channel.defaults();
    store.0[channel.index()].apply(&mut rules);
    item.0[channel.index()].apply(&mut rules);
    rules
}
