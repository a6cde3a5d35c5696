<?php
// The few WordPress functions the login plugin calls, recording what it did, so its logic runs
// under Debian's php-cli without WordPress. One request per process: STOREDECK_TEST_* env vars
// give the request, and the outcome is printed as JSON at shutdown.
define('ABSPATH', '/');
define('WP_CONTENT_DIR', getenv('STOREDECK_TEST_CONTENT_DIR'));

$GLOBALS['storedeck_test'] = array('actions' => array(), 'outcome' => null);

class WP_Error {
	private $code;
	private $message;
	public function __construct($code, $message) { $this->code = $code; $this->message = $message; }
	public function get_error_code() { return $this->code; }
	public function get_error_message() { return $this->message; }
}
class WP_User {
	public $ID;
	public $user_login;
	public function __construct($id, $login) { $this->ID = $id; $this->user_login = $login; }
}
function is_wp_error($v) { return $v instanceof WP_Error; }
function add_action($hook, $fn, $priority = 10) { $GLOBALS['storedeck_test']['actions'][] = array($hook, $fn, $priority); }
function wp_unslash($v) { return $v; }
function esc_html($v) { return htmlspecialchars($v, ENT_QUOTES); }
function nocache_headers() {}
function get_user_by($field, $value) {
	return ($field === 'login' && $value === 'shopadmin') ? new WP_User(1, 'shopadmin') : false;
}
function user_can($user, $cap) { return $user->ID === 1 && $cap === 'manage_options'; }
function wp_set_current_user($id) {}
function wp_set_auth_cookie($id, $remember) { $GLOBALS['storedeck_test']['outcome'] = array('login' => $id); }
function admin_url() { return 'http://shop.localhost/wp-admin/'; }
function wp_safe_redirect($url) { $GLOBALS['storedeck_test']['outcome']['redirect'] = $url; }
function wp_die($message, $title, $args) {
	$GLOBALS['storedeck_test']['outcome'] = array('denied' => $message, 'status' => $args['response']);
	exit;
}

// The outcome on a line of its own, after whatever page the plugin printed.
register_shutdown_function(function () {
	echo "\n" . json_encode($GLOBALS['storedeck_test']['outcome']);
});

// STOREDECK_TEST_METHOD=GET is the browser opening the link; otherwise the page's POST of a token.
$method = getenv('STOREDECK_TEST_METHOD') ?: 'POST';
$_SERVER['REQUEST_METHOD'] = $method;
$_GET['storedeck_login'] = '';
$token = getenv('STOREDECK_TEST_TOKEN');
if ($method === 'POST' && $token !== false) {
	$_POST['storedeck_login_token'] = $token;
}
require getenv('STOREDECK_TEST_PLUGIN');
foreach ($GLOBALS['storedeck_test']['actions'] as $action) {
	if ($action[0] === 'init') {
		call_user_func($action[1]);
	}
}
