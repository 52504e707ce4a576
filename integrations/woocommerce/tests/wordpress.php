<?php
/**
 * A small stand-in for WordPress and WooCommerce, written for these tests: only what the Confirma
 * drop-in and the Cryptum Checkout stand-in call, with the real functions' behaviour where it
 * matters to them:
 * - hooks with priorities and accepted argument counts (add_filter, apply_filters, do_action);
 * - the HTTP API as WP_Http::request runs it: defaults, http_request_args, then pre_http_request
 *   (a non-false answer is returned as is), then, for wp_safe_remote_*, wp_http_validate_url's
 *   refusal — http(s) only, no credentials, no loopback or private address unless it is the site's
 *   own host, ports 80, 443 and 8080 only (filters http_request_host_is_external and
 *   http_allowed_safe_ports) — with WP_Error 'http_request_failed' "A valid URL was not provided.",
 *   and the response array's shape (headers, body, response.code/message, cookies, filename);
 * - options kept between requests in a JSON file (STANDIN_STATE), standing in for the database;
 * - WooCommerce: a gateway's settings (WC_Settings_API), orders and their statuses, stock levels,
 *   the classic checkout's payment step with woocommerce_payment_successful_result, and the
 *   ?wc-api= request handling that runs a gateway's callback handler.
 *
 * Configuration comes from the environment, as wp-config.php would hold it: WP_HOME (the site's
 * URL), STANDIN_STATE (a directory), CONFIRMA_URL and CONFIRMA_WEBHOOK_SECRET (defined as constants
 * when set), STANDIN_WITHOUT_DROPIN=1 to load no must-use plugin.
 */

// Any notice or warning, in the drop-in or here, fails the test rather than passing unseen.
set_error_handler(function ($level, $message, $file, $line) {
    if (!(error_reporting() & $level)) {
        return false; // silenced with @
    }
    throw new ErrorException($message, 0, $level, $file, $line);
});

// ---- Hooks -------------------------------------------------------------------------------

$GLOBALS['standin_hooks'] = [];

function add_filter($hook, $callback, $priority = 10, $accepted_args = 1)
{
    $GLOBALS['standin_hooks'][$hook][$priority][] = [$callback, $accepted_args];
    return true;
}

function add_action($hook, $callback, $priority = 10, $accepted_args = 1)
{
    return add_filter($hook, $callback, $priority, $accepted_args);
}

function has_filter($hook)
{
    return !empty($GLOBALS['standin_hooks'][$hook]);
}

function has_action($hook)
{
    return has_filter($hook);
}

function apply_filters($hook, $value, ...$args)
{
    if (empty($GLOBALS['standin_hooks'][$hook])) {
        return $value;
    }
    $byPriority = $GLOBALS['standin_hooks'][$hook];
    ksort($byPriority, SORT_NUMERIC);
    foreach ($byPriority as $callbacks) {
        foreach ($callbacks as [$callback, $accepted]) {
            $value = call_user_func_array($callback, array_slice(array_merge([$value], $args), 0, $accepted));
        }
    }
    return $value;
}

function do_action($hook, ...$args)
{
    if (empty($GLOBALS['standin_hooks'][$hook])) {
        return;
    }
    $args = [] === $args ? [''] : $args;
    $byPriority = $GLOBALS['standin_hooks'][$hook];
    ksort($byPriority, SORT_NUMERIC);
    foreach ($byPriority as $callbacks) {
        foreach ($callbacks as [$callback, $accepted]) {
            call_user_func_array($callback, array_slice($args, 0, $accepted));
        }
    }
}

// ---- Options, escaping, errors -------------------------------------------------------------

function standin_state_file()
{
    $dir = getenv('STANDIN_STATE');
    if (!$dir || !is_dir($dir)) {
        throw new RuntimeException('STANDIN_STATE must name an existing directory');
    }
    return $dir . '/options.json';
}

function standin_options()
{
    $file = standin_state_file();
    if (!is_file($file)) {
        return [];
    }
    $options = json_decode((string) file_get_contents($file), true);
    return is_array($options) ? $options : [];
}

function get_option($name, $default = false)
{
    $options = standin_options();
    return array_key_exists($name, $options) ? $options[$name] : $default;
}

function update_option($name, $value)
{
    $options = standin_options();
    $options[$name] = $value;
    file_put_contents(standin_state_file(), json_encode($options, JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES), LOCK_EX);
    return true;
}

function home_url($path = '')
{
    return rtrim((string) get_option('home'), '/') . '/' . ltrim($path, '/');
}

function current_user_can($capability)
{
    return true; // the stand-in's only user runs the shop
}

function __($text, $domain = 'default')
{
    return $text;
}

function esc_html($text)
{
    return htmlspecialchars((string) $text, ENT_QUOTES, 'UTF-8');
}

function esc_attr($text)
{
    return esc_html($text);
}

function wp_specialchars_decode($text)
{
    return htmlspecialchars_decode((string) $text, ENT_QUOTES);
}

function sanitize_key($key)
{
    return preg_replace('/[^a-z0-9_\-]/', '', strtolower((string) $key));
}

function wp_json_encode($value, $flags = 0)
{
    return json_encode($value, $flags);
}

class WP_Error
{
    private $code;
    private $message;

    public function __construct($code = '', $message = '')
    {
        $this->code = $code;
        $this->message = $message;
    }

    public function get_error_code()
    {
        return $this->code;
    }

    public function get_error_message()
    {
        return $this->message;
    }
}

function is_wp_error($thing)
{
    return $thing instanceof WP_Error;
}

function status_header($code)
{
    http_response_code((int) $code);
}

function wp_send_json($response, $status_code = null)
{
    if (!headers_sent()) {
        header('Content-Type: application/json; charset=UTF-8');
        if (null !== $status_code) {
            status_header($status_code);
        }
    }
    echo wp_json_encode($response);
    die;
}

function wp_send_json_error($data = null, $status_code = null)
{
    $response = ['success' => false];
    if (null !== $data) {
        $response['data'] = $data;
    }
    wp_send_json($response, $status_code);
}

// ---- The HTTP API --------------------------------------------------------------------------

/** Every request that went out on the wire, for the tests: [method, url]. */
$GLOBALS['standin_sent'] = [];

/** Why wp_http_validate_url refused its last URL; real WordPress says only "A valid URL was not provided.". */
$GLOBALS['standin_refusal'] = null;

function wp_remote_request($url, $args = [])
{
    $defaults = [
        'method' => 'GET', 'timeout' => 5, 'redirection' => 5, 'httpversion' => '1.0',
        'user-agent' => 'WordPress/6.8; ' . home_url(), 'reject_unsafe_urls' => false, 'blocking' => true,
        'headers' => [], 'cookies' => [], 'body' => null, 'compress' => false, 'decompress' => true,
        'sslverify' => true, 'stream' => false, 'filename' => null, 'limit_response_size' => null,
    ];
    $args = apply_filters('http_request_args', array_merge($defaults, (array) $args), $url);
    $pre = apply_filters('pre_http_request', false, $args, $url);
    if (false !== $pre) {
        return $pre;
    }
    if ($args['reject_unsafe_urls'] && !wp_http_validate_url($url)) {
        return new WP_Error('http_request_failed', 'A valid URL was not provided.');
    }
    return standin_send($url, $args);
}

function wp_safe_remote_request($url, $args = [])
{
    $args['reject_unsafe_urls'] = true;
    return wp_remote_request($url, $args);
}

function wp_safe_remote_get($url, $args = [])
{
    $args['method'] = 'GET';
    return wp_safe_remote_request($url, $args);
}

function wp_safe_remote_post($url, $args = [])
{
    $args['method'] = 'POST';
    return wp_safe_remote_request($url, $args);
}

function wp_remote_get($url, $args = [])
{
    $args['method'] = 'GET';
    return wp_remote_request($url, $args);
}

function wp_remote_retrieve_body($response)
{
    return is_array($response) && isset($response['body']) ? $response['body'] : '';
}

function wp_remote_retrieve_response_code($response)
{
    return is_array($response) && isset($response['response']['code']) ? $response['response']['code'] : '';
}

function wp_remote_retrieve_header($response, $name)
{
    $name = strtolower($name);
    return is_array($response) && isset($response['headers'][$name]) ? $response['headers'][$name] : '';
}

/** WordPress' rules (wp-includes/http.php), with the reason kept for the tests. */
function wp_http_validate_url($url)
{
    $refuse = function ($why) {
        $GLOBALS['standin_refusal'] = $why;
        return false;
    };
    $parts = is_string($url) ? parse_url($url) : false;
    if (!$parts || empty($parts['host']) || !in_array(strtolower($parts['scheme'] ?? ''), ['http', 'https'], true)) {
        return $refuse('not an http(s) URL');
    }
    if (isset($parts['user']) || isset($parts['pass'])) {
        return $refuse('credentials in the URL');
    }
    $home = parse_url((string) get_option('home'));
    $sameHost = isset($home['host']) && strtolower($home['host']) === strtolower($parts['host']);
    $host = trim($parts['host'], '.');
    if (!$sameHost) {
        $literal = 1 === preg_match('/^\d{1,3}(\.\d{1,3}){3}$/', $host);
        $ip = $literal ? $host : gethostbyname($host);
        if (!$literal && $ip === $host) {
            return $refuse('host does not resolve');
        }
        $octets = array_map('intval', explode('.', $ip));
        $private = 127 === $octets[0] || 10 === $octets[0] || 0 === $octets[0]
            || (172 === $octets[0] && $octets[1] >= 16 && $octets[1] <= 31)
            || (192 === $octets[0] && 168 === $octets[1]);
        if ($private && !apply_filters('http_request_host_is_external', false, $host, $url)) {
            return $refuse('private or loopback address ' . $ip);
        }
    }
    if (empty($parts['port'])) {
        return $url;
    }
    $allowed = apply_filters('http_allowed_safe_ports', [80, 443, 8080], $host, $url);
    if (is_array($allowed) && in_array($parts['port'], $allowed, true)) {
        return $url;
    }
    if ($sameHost && isset($home['port']) && $home['port'] === $parts['port']) {
        return $url;
    }
    return $refuse('port ' . $parts['port'] . ' is not 80, 443 or 8080');
}

/** Sends for real (PHP's HTTP stream wrapper) and answers in WordPress' response shape. */
function standin_send($url, array $args)
{
    $lines = ['Connection: close', 'User-Agent: ' . $args['user-agent']];
    foreach ((array) $args['headers'] as $name => $value) {
        $lines[] = $name . ': ' . $value;
    }
    $http = [
        'method' => strtoupper((string) $args['method']),
        'header' => implode("\r\n", $lines),
        'timeout' => (float) $args['timeout'],
        'ignore_errors' => true,
        'follow_location' => $args['redirection'] > 0 ? 1 : 0,
        'max_redirects' => (int) $args['redirection'] + 1,
        'protocol_version' => (float) $args['httpversion'],
    ];
    $body = is_array($args['body']) ? http_build_query($args['body']) : $args['body'];
    if (null !== $body && '' !== $body) {
        $http['content'] = $body;
    }
    $GLOBALS['standin_sent'][] = [$http['method'], $url];
    $answer = @file_get_contents($url, false, stream_context_create(['http' => $http]));
    $raw = $http_response_header ?? [];
    if (false === $answer || [] === $raw) {
        $error = error_get_last();
        return new WP_Error('http_request_failed', $error['message'] ?? 'no answer from ' . $url);
    }
    $start = 0;
    foreach ($raw as $i => $line) {
        if (0 === strpos($line, 'HTTP/')) {
            $start = $i; // the last status line: redirects followed before it
        }
    }
    $status = explode(' ', $raw[$start], 3);
    $headers = [];
    foreach (array_slice($raw, $start + 1) as $line) {
        [$name, $value] = array_pad(explode(':', $line, 2), 2, '');
        $headers[strtolower(trim($name))] = trim($value);
    }
    return [
        'headers' => $headers,
        'body' => $answer,
        'response' => ['code' => (int) ($status[1] ?? 0), 'message' => $status[2] ?? ''],
        'cookies' => [],
        'filename' => null,
    ];
}

// ---- WooCommerce ---------------------------------------------------------------------------

/** Notices for the shopper (wc_add_notice), errors on the settings page (WC_Admin_Settings). */
$GLOBALS['standin_notices'] = [];
$GLOBALS['standin_admin_errors'] = [];

function wc_add_notice($message, $type = 'success')
{
    $GLOBALS['standin_notices'][] = ['type' => $type, 'message' => $message];
}

class WC_Admin_Settings
{
    public static function add_error($text)
    {
        $GLOBALS['standin_admin_errors'][] = $text;
    }
}

/** WC_Settings_API's part a gateway uses: form fields, saved settings, saving the posted form. */
abstract class WC_Payment_Gateway
{
    public $id;
    public $plugin_id = 'woocommerce_';
    public $settings = [];
    public $form_fields = [];
    public $title;
    public $description;

    public function get_option_key()
    {
        return $this->plugin_id . $this->id . '_settings';
    }

    public function get_field_key($key)
    {
        return $this->plugin_id . $this->id . '_' . $key;
    }

    public function get_form_fields()
    {
        return apply_filters('woocommerce_settings_api_form_fields_' . $this->id, $this->form_fields);
    }

    public function init_settings()
    {
        $saved = get_option($this->get_option_key(), null);
        $defaults = [];
        foreach ($this->get_form_fields() as $key => $field) {
            $defaults[$key] = $field['default'] ?? '';
        }
        $this->settings = is_array($saved) ? array_merge($defaults, $saved) : $defaults;
    }

    public function get_option($key, $empty_value = null)
    {
        if (!isset($this->settings[$key])) {
            $this->settings[$key] = $this->get_form_fields()[$key]['default'] ?? '';
        }
        if (null !== $empty_value && '' === $this->settings[$key]) {
            $this->settings[$key] = $empty_value;
        }
        return $this->settings[$key];
    }

    /** Saves the posted form, each field cleaned by its type, as WC_Settings_API does. */
    public function process_admin_options()
    {
        foreach ($this->get_form_fields() as $key => $field) {
            $posted = $_POST[$this->get_field_key($key)] ?? null;
            $type = $field['type'] ?? 'text';
            if ('checkbox' === $type) {
                $this->settings[$key] = null === $posted ? 'no' : 'yes';
            } elseif ('password' === $type) {
                $this->settings[$key] = trim((string) $posted);
            } else {
                $this->settings[$key] = trim(strip_tags((string) $posted));
            }
        }
        return update_option($this->get_option_key(),
            apply_filters('woocommerce_settings_api_sanitized_fields_' . $this->id, $this->settings));
    }

    public function get_return_url($order = null)
    {
        return $order ? $order->get_checkout_order_received_url() : home_url('/checkout/order-received/');
    }
}

/** A shop order, kept in the options file. */
class WC_Order
{
    private $data;

    public function __construct(array $data)
    {
        $this->data = $data;
    }

    public static function create($id, $total, $currency, array $billing)
    {
        $order = new self([
            'id' => (int) $id, 'status' => 'checkout-draft', 'total' => $total, 'currency' => $currency,
            'order_key' => 'wc_order_' . bin2hex(random_bytes(6)), 'billing' => $billing, 'shipping' => [],
            'stock' => 'untouched', 'date_paid' => null, 'notes' => [],
        ]);
        $order->save();
        return $order;
    }

    public function to_array()
    {
        return $this->data;
    }

    public function save()
    {
        $orders = get_option('standin_orders', []);
        $orders[(string) $this->data['id']] = $this->data;
        update_option('standin_orders', $orders);
    }

    public function get_id()
    {
        return $this->data['id'];
    }

    public function get_total()
    {
        return $this->data['total'];
    }

    public function get_currency()
    {
        return $this->data['currency'];
    }

    public function get_status()
    {
        return $this->data['status'];
    }

    public function get_order_key()
    {
        return $this->data['order_key'];
    }

    public function __call($name, $arguments)
    {
        // get_billing_first_name(), get_shipping_city(), …
        if (preg_match('/^get_(billing|shipping)_(\w+)$/', $name, $m)) {
            return $this->data[$m[1]][$m[2]] ?? '';
        }
        throw new BadMethodCallException('WC_Order stand-in has no ' . $name);
    }

    public function has_status($status)
    {
        return in_array($this->data['status'], (array) $status, true);
    }

    public function update_status($status, $note = '')
    {
        $status = 0 === strpos($status, 'wc-') ? substr($status, 3) : $status;
        $from = $this->data['status'];
        $this->data['status'] = $status;
        if (in_array($status, ['processing', 'completed'], true) && null === $this->data['date_paid']) {
            $this->data['date_paid'] = gmdate('c');
        }
        $this->data['notes'][] = trim($note . ' Order status changed from ' . $from . ' to ' . $status . '.');
        $this->save();
        return true;
    }

    public function add_order_note($note)
    {
        $this->data['notes'][] = (string) $note;
        $this->save();
    }

    public function payment_complete($transaction_id = '')
    {
        if ($this->has_status(['on-hold', 'pending', 'failed', 'cancelled'])) {
            $this->update_status('processing');
        }
        return true;
    }

    /** As WooCommerce renders it: HTML-escaped, so a plugin decodes it before using it as a URL. */
    public function get_cancel_order_url()
    {
        return htmlspecialchars(home_url('/cart/') . '?cancel_order=true&order=' . $this->data['order_key']
            . '&order_id=' . $this->data['id'] . '&redirect&_wpnonce=0123456789', ENT_QUOTES);
    }

    public function get_checkout_order_received_url()
    {
        return home_url('/checkout/order-received/' . $this->data['id'] . '/') . '?key=' . $this->data['order_key'];
    }

    public function set_stock($stock)
    {
        $this->data['stock'] = $stock;
        $this->save();
    }
}

function wc_get_order($id)
{
    $orders = get_option('standin_orders', []);
    return isset($orders[(string) $id]) ? new WC_Order($orders[(string) $id]) : false;
}

function wc_reduce_stock_levels($order_id)
{
    $order = wc_get_order($order_id);
    if ($order && 'reduced' !== $order->to_array()['stock']) {
        $order->set_stock('reduced');
    }
}

function wc_increase_stock_levels($order)
{
    $order = $order instanceof WC_Order ? wc_get_order($order->get_id()) : wc_get_order($order);
    if ($order && 'reduced' === $order->to_array()['stock']) {
        $order->set_stock('restored');
    }
}

class Standin_Cart
{
    public $emptied = false;

    public function empty_cart()
    {
        $this->emptied = true;
    }
}

class Standin_Gateways
{
    private $gateways;

    public function __construct()
    {
        $this->gateways = [];
        foreach (apply_filters('woocommerce_payment_gateways', []) as $class) {
            $gateway = is_string($class) ? new $class() : $class;
            $this->gateways[$gateway->id] = $gateway;
        }
    }

    public function payment_gateways()
    {
        return $this->gateways;
    }
}

class Standin_WooCommerce
{
    public $cart;
    private $gateways;

    public function __construct()
    {
        $this->cart = new Standin_Cart();
    }

    public function payment_gateways()
    {
        if (null === $this->gateways) {
            $this->gateways = new Standin_Gateways();
        }
        return $this->gateways;
    }

    /** The callback URL of a gateway, as WooCommerce builds it without pretty permalinks. */
    public function api_request_url($request)
    {
        return home_url('/') . '?wc-api=' . rawurlencode($request);
    }
}

function WC()
{
    static $instance = null;
    if (null === $instance) {
        $instance = new Standin_WooCommerce();
    }
    return $instance;
}

/**
 * The classic checkout's payment step (WC_Checkout::process_order_payment): the gateway's
 * process_payment, then woocommerce_payment_successful_result on a success; the browser is
 * then sent to 'redirect'.
 */
function standin_checkout_payment($order_id, $gateway_id)
{
    $gateway = WC()->payment_gateways()->payment_gateways()[$gateway_id];
    $result = $gateway->process_payment($order_id);
    if (isset($result['result']) && 'success' === $result['result']) {
        $result['order_id'] = $order_id;
        $result = apply_filters('woocommerce_payment_successful_result', $result, $order_id);
    }
    return $result;
}

/** WC_API::handle_api_requests: ?wc-api=<name> runs the woocommerce_api_<name> action. */
function standin_handle_wc_api()
{
    ob_start();
    $request = strtolower(sanitize_key($_GET['wc-api']));
    WC()->payment_gateways();
    do_action('woocommerce_api_request', $request);
    status_header(has_action('woocommerce_api_' . $request) ? 200 : 400);
    do_action('woocommerce_api_' . $request);
    ob_end_clean();
    die('-1');
}

// ---- Loading the site ----------------------------------------------------------------------

/** wp-config.php, the must-use plugins, the plugins, then WordPress' load actions. */
function standin_boot()
{
    define('ABSPATH', __DIR__ . '/');
    foreach (['CONFIRMA_URL', 'CONFIRMA_WEBHOOK_SECRET'] as $constant) {
        if (false !== getenv($constant)) {
            define($constant, getenv($constant));
        }
    }
    if (get_option('home') !== getenv('WP_HOME')) {
        update_option('home', (string) getenv('WP_HOME'));
    }
    if ('1' !== getenv('STANDIN_WITHOUT_DROPIN')) {
        require __DIR__ . '/../confirma-cryptum-dropin.php';
    }
    do_action('muplugins_loaded');
    require __DIR__ . '/cryptum-checkout.php';
    do_action('plugins_loaded');
    do_action('init');
}
