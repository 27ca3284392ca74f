import type { ToolOrder, ToolProduct, ToolResult } from '@parley/contracts';
import type { LookupDay, ProductAsk } from './lookup-intent.util';
import { ASK_ORDER_CONTACT, ASK_ORDER_NUMBER } from './lookup-intent.util';

// The offline responder's English answers built from normalised tool results (issue 17).

export const LOOKUP_UNAVAILABLE = "I can't reach the shop's system right now, please try again in a few minutes.";
export const LOOKUP_REFUSED_ORDER =
  "I couldn't look that order up with those details. Please check the order number and the email address or phone number you ordered with.";

const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MAX_LISTED = 3;
const MAX_VARIANTS = 5;
const MAX_SLOTS = 12;

const money = (price: string | null, currency: string | null) => (price === null ? null : currency ? `${price} ${currency}` : price);
const orderLabel = (number: string) => (number.startsWith('#') ? number : `#${number}`);

export function askOrderDetails(orderNumber: string | null): string {
  return orderNumber === null
    ? `I can look that up: ${ASK_ORDER_NUMBER}, and ${ASK_ORDER_CONTACT}?`
    : `To look up order ${orderLabel(orderNumber)} I need ${ASK_ORDER_CONTACT}.`;
}

/** Words comparing a product title with the visitor's phrase. */
function terms(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

/** The products whose title holds every word of the phrase; an exact title first. */
function matching(products: readonly ToolProduct[], phrase: string): ToolProduct[] {
  const wanted = terms(phrase);
  const exact = products.filter((p) => terms(p.title).join(' ') === wanted.join(' '));
  if (exact.length > 0) return exact.slice(0, 1);
  const all = products.filter((p) => {
    const title = new Set(terms(p.title));
    return wanted.every((w) => title.has(w) || title.has(w.replace(/s$/, '')));
  });
  // "iPhone 15" is the phone "iPhone 15 128GB", not the "Silicone Case for iPhone 15": when
  // exactly one match's name starts with the words asked for, it is the one meant.
  const leading = all.filter((p) => terms(p.title).slice(0, wanted.length).join(' ') === wanted.join(' '));
  return leading.length === 1 ? leading : all;
}

export function productSearchAnswer(
  result: ToolResult<'product_search'>,
  phrase: string,
  ask: ProductAsk,
): { text: string; found: boolean } {
  if (result.products.length === 0) return { text: notFound(phrase), found: false };
  const matches = matching(result.products, phrase);
  if (matches.length === 1) return { text: describeProduct(matches[0], ask), found: true };
  const listed = (matches.length > 0 ? matches : result.products).slice(0, MAX_LISTED);
  const items = listed.map((p) => {
    const price = money(p.price, p.currency);
    const stock = !p.available ? 'out of stock' : p.quantity !== null && p.quantity > 0 ? `${p.quantity} in stock` : 'in stock';
    return `${p.title} (${[price, stock].filter(Boolean).join(', ')})`;
  });
  const intro =
    matches.length > 0 ? `I found ${matches.length} matches for "${phrase}":` : `I couldn't find "${phrase}" exactly, but the shop has:`;
  return { text: `${intro} ${items.join('; ')}.`, found: true };
}

export function productDetailsAnswer(
  result: ToolResult<'product_details'>,
  phrase: string,
  ask: ProductAsk,
): { text: string; found: boolean } {
  return result.product === null ? { text: notFound(phrase), found: false } : { text: describeProduct(result.product, ask), found: true };
}

function notFound(phrase: string): string {
  return `I couldn't find "${phrase}" in the shop. Could you check the name, or describe it another way?`;
}

function describeProduct(product: ToolProduct, ask: ProductAsk): string {
  const price = money(product.price, product.currency);
  const count = product.quantity !== null && product.quantity > 0 ? product.quantity : null;
  let text: string;
  if (!product.available) {
    text = `Sorry, ${product.title} is out of stock right now${price ? ` (it costs ${price})` : ''}.`;
  } else if (ask === 'price' && price) {
    text = `${product.title} costs ${price}${count !== null ? `, and ${count} are in stock` : ', and it is in stock'}.`;
  } else {
    const at = price ? ` at ${price}` : '';
    text = count !== null ? `Yes, ${product.title} is in stock: ${count} available${at}.` : `Yes, ${product.title} is available${at}.`;
  }
  const options = product.variants.filter((v) => v.available);
  if (product.variants.length > 1 && options.length > 0) {
    const listed = options.slice(0, MAX_VARIANTS).map((v) => {
      const facts = [v.quantity !== null && v.quantity > 0 ? `${v.quantity} left` : null, money(v.price, product.currency)].filter(Boolean);
      return facts.length > 0 ? `${v.title} (${facts.join(', ')})` : v.title;
    });
    text += ` Options in stock: ${listed.join('; ')}.`;
  }
  if (product.url) text += ` More: ${product.url}`;
  return text;
}

const STATUS_WORDS: Record<ToolOrder['status'], string> = {
  pending: "is pending: it hasn't been processed yet",
  processing: 'is being prepared',
  shipped: 'has shipped',
  delivered: 'has been delivered',
  cancelled: 'was cancelled',
  refunded: 'was refunded',
  on_hold: 'is on hold',
  unknown: 'is in the system',
};

export function orderStatusAnswer(result: ToolResult<'order_status'>, orderNumber: string): { text: string; found: boolean } {
  const order = result.order;
  if (order === null) return { text: orderNotFound(orderNumber), found: false };
  const placed = order.placedAt ? ` (placed ${order.placedAt.slice(0, 10)})` : '';
  const status = order.status === 'unknown' && order.shopStatus ? `has the status "${order.shopStatus}"` : STATUS_WORDS[order.status];
  const items = order.items.reduce((sum, item) => sum + item.quantity, 0);
  const total = money(order.total, order.currency);
  const extra = [items > 0 ? `${items} item${items === 1 ? '' : 's'}` : null, total ? `total ${total}` : null].filter(Boolean);
  return {
    text: `Order ${orderLabel(order.orderNumber)}${placed} ${status}.${extra.length > 0 ? ` ${capital(extra.join(', '))}.` : ''}`,
    found: true,
  };
}

export function trackingAnswer(result: ToolResult<'shipment_tracking'>, orderNumber: string): { text: string; found: boolean } {
  const label = orderLabel(result.orderNumber ?? orderNumber);
  if (result.shipments.length === 0) {
    return result.orderNumber === null
      ? { text: orderNotFound(orderNumber), found: false }
      : { text: `Order ${label} has no tracking information yet: it has probably not shipped. Please check again later.`, found: true };
  }
  const parts = result.shipments.map((s) => {
    const facts = [[s.carrier, s.trackingNumber].filter(Boolean).join(' '), s.url].filter((f) => f !== null && f.length > 0);
    const status = s.status ? ` (${s.status})` : '';
    return facts.length > 0 ? `${facts.join(', ')}${status}` : `no tracking number yet${status}`;
  });
  return { text: `Order ${label} has shipped; tracking: ${parts.join('; ')}`, found: true };
}

function orderNotFound(orderNumber: string): string {
  return `I couldn't find order ${orderLabel(orderNumber)} with those details. Please check the order number and the email address or phone number you ordered with.`;
}

export function hoursAnswer(result: ToolResult<'store_hours'>, day: LookupDay | null, slots: boolean): string {
  const zone = result.timezone ? ` (${result.timezone})` : '';
  if (day !== null && result.closedDates.includes(day.date)) return `We're closed ${dayPhrase(day)}.`;
  if (slots) {
    const when = day ? dayPhrase(day) : 'at the moment';
    if (result.slots.length === 0) return `There are no free slots ${when}.`;
    const listed = result.slots.slice(0, MAX_SLOTS).map(slotTime);
    return `Free slots ${when}${zone}: ${listed.join(', ')}${result.slots.length > MAX_SLOTS ? ', and more' : ''}.`;
  }
  if (day !== null) {
    const spans = spansOf(result, day.weekday);
    return spans.length === 0 ? `We're closed ${dayPhrase(day)}.` : `${capital(dayPhrase(day))} we're open ${spans.join(' and ')}${zone}.`;
  }
  if (result.hours.length === 0) return `I don't have the opening hours in the shop's system.`;
  const week = [1, 2, 3, 4, 5, 6, 0].map((weekday) => {
    const spans = spansOf(result, weekday);
    return `${WEEKDAY_NAMES[weekday]} ${spans.length > 0 ? spans.join(' and ') : 'closed'}`;
  });
  return `Our opening hours${zone}: ${week.join('; ')}.`;
}

function spansOf(result: ToolResult<'store_hours'>, weekday: number): string[] {
  return result.hours.filter((h) => h.weekday === weekday).map((h) => `${h.opens}–${h.closes}`);
}

function dayPhrase(day: LookupDay): string {
  if (day.label === 'today' || day.label === 'tomorrow') return `${day.label} (${WEEKDAY_NAMES[day.weekday]} ${day.date})`;
  return `on ${WEEKDAY_NAMES[day.weekday]} ${day.date}`;
}

/** "2026-12-07T09:30:00+01:00" -> "09:30"; anything else as given. */
function slotTime(slot: string): string {
  return /T(\d{2}:\d{2})/.exec(slot)?.[1] ?? slot;
}

function capital(text: string): string {
  return text.length > 0 ? text[0].toUpperCase() + text.slice(1) : text;
}
