// The demo's own words (navigation, picker, drawer) in the shopper's
// language, beside the package's messages: elements marked `data-label`
// get the word for their key, and the page's `lang` follows. Shared by the
// browser (shop.js) and the demo server's rendering (scripts/render.mjs).
const WORDS = {
  en: { shopAll: "Shop all", situations: "Every situation", checkout: "Checkout", merchant: "Merchant report", cart: "Cart", yourCart: "Your cart", checkOut: "Check out", close: "Close", back: "← Shop all", Size: "Size", Colour: "Colour", quantity: "Quantity", notifyEmail: "Email for a back-in-stock message", notifySend: "Send me an email", why: "Why?", reasonCode: "Reason code:", products: "{n} products", clock: "Demo clock: Monday 23 November 2026, 10:00 in New York", simulate: "Simulate another shopper buying" },
  de: { shopAll: "Alle Produkte", situations: "Alle Situationen", checkout: "Kasse", merchant: "Händlerbericht", cart: "Warenkorb", yourCart: "Ihr Warenkorb", checkOut: "Zur Kasse", close: "Schließen", back: "← Alle Produkte", Size: "Größe", Colour: "Farbe", quantity: "Menge", notifyEmail: "E-Mail für die Nachricht, wenn es wieder da ist", notifySend: "E-Mail senden", why: "Warum?", reasonCode: "Grund-Code:", products: "{n} Produkte", clock: "Demo-Uhr: Montag, 23. November 2026, 10:00 in New York", simulate: "Kauf durch eine andere Kundin simulieren" },
  fr: { shopAll: "Tous les produits", situations: "Toutes les situations", checkout: "Paiement", merchant: "Rapport marchand", cart: "Panier", yourCart: "Votre panier", checkOut: "Passer commande", close: "Fermer", back: "← Tous les produits", Size: "Taille", Colour: "Couleur", quantity: "Quantité", notifyEmail: "E-mail pour être prévenu du retour en stock", notifySend: "M’envoyer un e-mail", why: "Pourquoi\u00a0?", reasonCode: "Code de raison\u00a0:", products: "{n} produits", clock: "Horloge de démo\u00a0: lundi 23 novembre 2026, 10 h à New York", simulate: "Simuler l’achat d’un autre client" },
  es: { shopAll: "Todos los productos", situations: "Todas las situaciones", checkout: "Pago", merchant: "Informe del comercio", cart: "Carrito", yourCart: "Tu carrito", checkOut: "Tramitar pedido", close: "Cerrar", back: "← Todos los productos", Size: "Talla", Colour: "Color", quantity: "Cantidad", notifyEmail: "Correo para avisarte cuando vuelva", notifySend: "Enviarme un correo", why: "¿Por qué?", reasonCode: "Código de motivo:", products: "{n} productos", clock: "Reloj de la demo: lunes 23 de noviembre de 2026, 10:00 en Nueva York", simulate: "Simular la compra de otro cliente" },
  ja: { shopAll: "すべての商品", situations: "すべての状況", checkout: "レジ", merchant: "ストアレポート", cart: "カート", yourCart: "カート", checkOut: "レジに進む", close: "閉じる", back: "← すべての商品", Size: "サイズ", Colour: "カラー", quantity: "数量", notifyEmail: "再入荷のお知らせ用メールアドレス", notifySend: "メールを受け取る", why: "理由", reasonCode: "理由コード：", products: "{n}点の商品", clock: "デモの時計：2026年11月23日（月）ニューヨーク時間10:00", simulate: "他のお客様の購入をシミュレート" },
};

/** The demo's word for `key` in `locale`'s language (English when the language has none), `{n}` filled. */
export function label(key, locale, n) {
  const words = WORDS[String(locale).split("-")[0].toLowerCase()] ?? WORDS.en;
  return (words[key] ?? WORDS.en[key] ?? key).replace("{n}", String(n));
}

/** The page's language: the shopper's locale when the demo has its words, else English. */
export const pageLang = (locale) => (WORDS[String(locale).split("-")[0].toLowerCase()] ? locale : "en");

/** Puts every `[data-label]` of `root` in `locale`'s words and sets the page's `lang`. */
export function translate(root, locale) {
  for (const el of root.querySelectorAll("[data-label]")) el.textContent = label(el.dataset.label, locale);
  root.documentElement.lang = pageLang(locale);
}

/** The same on HTML text (the server's rendering): each `data-label` element's text, and `<html lang>`. */
export function translateHtml(html, locale) {
  const escape = (text) => String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return html
    .replace(/(<[^>]*\bdata-label="([\w]+)"[^>]*>)[^<]*/g, (_, open, key) => open + escape(label(key, locale)))
    .replace(/<html lang="[^"]*">/, `<html lang="${escape(pageLang(locale))}">`);
}
