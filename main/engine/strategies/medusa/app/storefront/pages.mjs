// The storefront's pages: plain HTML forms that work without JavaScript, with landmarks,
// headings, labelled fields and named buttons, so shoppers (and tests) find things by role.
const esc = (value) => String(value ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export const money = (amount, currency) =>
  new Intl.NumberFormat('en', { style: 'currency', currency: currency.toUpperCase() }).format(amount);

function layout(title, body, cartCount = 0) {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)} · Store</title>
<style>body{font-family:system-ui,sans-serif;max-width:48rem;margin:0 auto;padding:1rem;line-height:1.5}
header{display:flex;justify-content:space-between;align-items:center;border-bottom:1px solid #ccc}
label{display:block;margin-top:.5rem}input,select{font:inherit;padding:.25rem;width:100%;max-width:24rem}
button{font:inherit;padding:.4rem 1rem;margin-top:.75rem;cursor:pointer}[role=alert]{color:#a00}
table{border-collapse:collapse}td,th{padding:.25rem .75rem;text-align:left}</style></head>
<body><header><a href="/">Store</a><nav aria-label="Cart"><a href="/cart">Cart (${cartCount})</a></nav></header>
<main>${body}</main></body></html>`;
}

const alert = (error) => (error ? `<p role="alert">${esc(error)}</p>` : '');

export function productsPage(products, cartCount, error) {
  const items = products
    .map((p) => {
      const variant = p.variants?.[0];
      const price = variant?.calculated_price;
      const shown = price ? money(price.calculated_amount, price.currency_code) : 'unavailable';
      return `<li><article aria-labelledby="p-${esc(p.id)}"><h2 id="p-${esc(p.id)}">${esc(p.title)}</h2>
<p>${esc(p.description)}</p><p>Price: <span data-price>${esc(shown)}</span></p>
<form method="post" action="/cart/items"><input type="hidden" name="variantId" value="${esc(variant?.id)}">
<label for="q-${esc(p.id)}">Quantity</label><input id="q-${esc(p.id)}" name="quantity" type="number" min="1" max="10" value="1">
<button type="submit" aria-label="Add ${esc(p.title)} to cart">Add to cart</button></form></article></li>`;
    })
    .join('');
  return layout(
    'Products',
    `<h1>Products</h1>${alert(error)}<ul aria-label="Products">${items}</ul>`,
    cartCount,
  );
}

function cartTable(cart) {
  const rows = cart.items
    .map(
      (i) =>
        `<tr><td>${esc(i.product_title ?? i.title)}</td><td>${esc(i.quantity)}</td><td>${esc(money(i.total ?? i.unit_price * i.quantity, cart.currency_code))}</td></tr>`,
    )
    .join('');
  return `<table><caption>Items in your cart</caption><thead><tr><th scope="col">Product</th><th scope="col">Quantity</th><th scope="col">Price</th></tr></thead>
<tbody>${rows}</tbody></table><p>Total: <strong>${esc(money(cart.total, cart.currency_code))}</strong></p>`;
}

export function cartPage(cart, error) {
  const count = cart?.items?.length ?? 0;
  if (!cart || count === 0) {
    return layout(
      'Cart',
      `<h1>Your cart</h1>${alert(error)}<p>Your cart is empty.</p><p><a href="/">Browse products</a></p>`,
    );
  }
  return layout(
    'Cart',
    `<h1>Your cart</h1>${alert(error)}${cartTable(cart)}<p><a href="/checkout">Checkout</a></p>`,
    count,
  );
}

function field(id, label, type = 'text', autocomplete = '') {
  return `<label for="${id}">${label}</label><input id="${id}" name="${id}" type="${type}" required${autocomplete ? ` autocomplete="${autocomplete}"` : ''}>`;
}

export function checkoutPage(cart, countries, options, error) {
  const countryOptions = countries
    .map((c) => `<option value="${esc(c.iso_2)}">${esc(c.display_name ?? c.name ?? c.iso_2)}</option>`)
    .join('');
  const shipping = options
    .map(
      (o, n) =>
        `<label><input type="radio" name="shippingOptionId" value="${esc(o.id)}"${n === 0 ? ' checked' : ''} required> ${esc(o.name)} (${esc(money(o.amount ?? o.calculated_price?.calculated_amount ?? 0, cart.currency_code))})</label>`,
    )
    .join('');
  const body = `<h1>Checkout</h1>${alert(error)}${cartTable(cart)}
<form method="post" action="/checkout" aria-label="Checkout">
<fieldset><legend>Contact</legend>${field('email', 'Email', 'email', 'email')}</fieldset>
<fieldset><legend>Shipping address</legend>${field('firstName', 'First name', 'text', 'given-name')}${field('lastName', 'Last name', 'text', 'family-name')}
${field('address', 'Address', 'text', 'address-line1')}${field('city', 'City', 'text', 'address-level2')}${field('postalCode', 'Postal code', 'text', 'postal-code')}
<label for="countryCode">Country</label><select id="countryCode" name="countryCode" required>${countryOptions}</select></fieldset>
<fieldset><legend>Shipping method</legend>${shipping || '<p>No shipping method is available.</p>'}</fieldset>
<fieldset><legend>Payment</legend><label><input type="radio" name="payment" value="pp_system_default" checked> Pay manually (invoice)</label></fieldset>
<button type="submit">Place order</button></form>`;
  return layout('Checkout', body, cart.items.length);
}

export function orderPage(order) {
  const rows = (order.items ?? [])
    .map((i) => `<li>${esc(i.quantity)} × ${esc(i.product_title ?? i.title)}</li>`)
    .join('');
  const body = `<h1>Thank you for your order</h1>
<p role="status">Order <strong data-order-number>#${esc(order.display_id)}</strong> is confirmed.</p>
<ul aria-label="Ordered items">${rows}</ul><p>Total: ${esc(money(order.total, order.currency_code))}</p>
<p>A confirmation goes to ${esc(order.email)}.</p><p><a href="/">Continue shopping</a></p>`;
  return layout('Order confirmed', body);
}

export function errorPage(status, message) {
  return layout('Unavailable', `<h1>The store is not available</h1><p role="alert">${esc(message)}</p>`);
}
