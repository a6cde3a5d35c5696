// The must-use plugin behind the one-time admin login link (see login-ticket.ts). Kept as a
// string so every bundle carries it; storedeck-login.test.ts runs it under php-cli.
export const LOGIN_PLUGIN_PHP = String.raw`<?php
/**
 * Plugin Name: Storedeck one-time admin login
 * Description: Signs the store's admin in from a one-time link that the Storedeck app creates.
 *
 * The app writes a ticket file named after the SHA-256 of a random token (never the token
 * itself) into wp-content/storedeck-login/, and opens /?storedeck_login#<token>. The token is
 * in the fragment, which browsers never send, so it lands in no access log: a GET gets a small
 * page that POSTs the fragment back. The POST claims the ticket by renaming it (only one request
 * can win a rename, so a token works once), deletes it, checks its expiry and signs in the user
 * it names. Installed by Storedeck; it does nothing unless a request carries the parameter.
 */

if (!defined('ABSPATH')) {
	exit;
}

const STOREDECK_LOGIN_PARAM = 'storedeck_login';
const STOREDECK_LOGIN_FIELD = 'storedeck_login_token';

/** Where tickets live: outside the web root's listable paths, deny-all for Apache. */
function storedeck_login_dir() {
	return WP_CONTENT_DIR . '/storedeck-login';
}

/**
 * Claims the ticket for a token: returns ['user' => login] or a WP_Error with a reason code.
 * The ticket is gone afterwards whatever the outcome, so a token is never tried twice.
 */
function storedeck_login_claim($token, $now) {
	if (!is_string($token) || !preg_match('/^[A-Za-z0-9_-]{43}$/', $token)) {
		return new WP_Error('storedeck_login_malformed', 'This login link is not valid.');
	}
	$dir = storedeck_login_dir();
	$ticket = $dir . '/' . hash('sha256', $token) . '.json';
	$claimed = $ticket . '.claimed-' . bin2hex(random_bytes(8));
	// rename() is atomic on one filesystem: of two requests with the same token, one fails here.
	if (!@rename($ticket, $claimed)) {
		return new WP_Error('storedeck_login_unknown', 'This login link was already used or does not exist.');
	}
	$raw = @file_get_contents($claimed);
	@unlink($claimed);
	$data = is_string($raw) ? json_decode($raw, true) : null;
	if (!is_array($data) || !isset($data['user'], $data['expires']) || !is_string($data['user'])) {
		return new WP_Error('storedeck_login_malformed', 'This login link is not valid.');
	}
	if ((int) $data['expires'] < $now) {
		return new WP_Error('storedeck_login_expired', 'This login link has expired. Open the admin again from Storedeck.');
	}
	return array('user' => $data['user']);
}

/** Removes tickets nobody claimed once they have expired (links that were never opened). */
function storedeck_login_sweep($now) {
	foreach ((array) glob(storedeck_login_dir() . '/*.json') as $file) {
		$data = json_decode((string) @file_get_contents($file), true);
		if (!is_array($data) || (int) ($data['expires'] ?? 0) < $now) {
			@unlink($file);
		}
	}
}

/**
 * The GET half: a page that moves the token from the fragment into a POST body and drops it from
 * the address bar and history. No referrer, so nothing of this URL follows the redirect.
 */
function storedeck_login_page() {
	header('Content-Type: text/html; charset=utf-8');
	header('Referrer-Policy: no-referrer');
	echo '<!doctype html><html><head><meta charset="utf-8"><title>Storedeck login</title></head><body>'
		// The same path the link opened (loginUrl's '/'), so the POST stays on this origin.
		. '<form method="post" action="/?' . STOREDECK_LOGIN_PARAM . '">'
		. '<input type="hidden" name="' . STOREDECK_LOGIN_FIELD . '" value="">'
		. '<noscript>Signing in needs JavaScript. Use the store\'s password instead.</noscript>'
		. '</form><script>'
		. 'var f=document.forms[0];f.elements[0].value=location.hash.slice(1);'
		. 'history.replaceState(null,"",location.pathname+location.search);f.submit();'
		. '</script></body></html>';
}

function storedeck_login_handle() {
	if (!isset($_GET[STOREDECK_LOGIN_PARAM])) {
		return;
	}
	nocache_headers();
	if (($_SERVER['REQUEST_METHOD'] ?? 'GET') !== 'POST') {
		storedeck_login_page();
		exit;
	}
	$now = time();
	$token = isset($_POST[STOREDECK_LOGIN_FIELD]) ? wp_unslash($_POST[STOREDECK_LOGIN_FIELD]) : '';
	$claim = storedeck_login_claim($token, $now);
	storedeck_login_sweep($now);
	if (is_wp_error($claim)) {
		wp_die(esc_html($claim->get_error_message()), 'Storedeck login', array('response' => 403));
	}
	$user = get_user_by('login', $claim['user']);
	if (!$user || !user_can($user, 'manage_options')) {
		wp_die('The store admin named by this link does not exist.', 'Storedeck login', array('response' => 403));
	}
	wp_set_current_user($user->ID);
	wp_set_auth_cookie($user->ID, false);
	wp_safe_redirect(admin_url());
	exit;
}

add_action('init', 'storedeck_login_handle', 1);
`;
