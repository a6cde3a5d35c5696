// The must-use plugin behind the one-time admin login link (see login-ticket.ts). Kept as a
// string so every bundle carries it; storedeck-login.test.ts runs it under php-cli.
export const LOGIN_PLUGIN_PHP = String.raw`<?php
/**
 * Plugin Name: Storedeck one-time admin login
 * Description: Signs the store's admin in from a one-time link that the Storedeck app creates.
 *
 * The app writes a ticket file named after the SHA-256 of a random token (never the token
 * itself) into wp-content/storedeck-login/, and opens /?storedeck_login=<token>. This plugin
 * claims the ticket by renaming it (only one request can win a rename, so a token works once),
 * deletes it, checks its expiry and signs in the user it names. Installed by Storedeck; it does
 * nothing unless a request carries the parameter.
 */

if (!defined('ABSPATH')) {
	exit;
}

const STOREDECK_LOGIN_PARAM = 'storedeck_login';

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

function storedeck_login_handle() {
	if (!isset($_GET[STOREDECK_LOGIN_PARAM])) {
		return;
	}
	$now = time();
	$claim = storedeck_login_claim(wp_unslash($_GET[STOREDECK_LOGIN_PARAM]), $now);
	storedeck_login_sweep($now);
	nocache_headers();
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
