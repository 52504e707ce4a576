<?php
/**
 * Plugin Name: Confirma for Cryptum Checkout
 * Description: Points the stock Cryptum Checkout plugin at your own Confirma server without editing it, and refuses payment callbacks that Confirma did not sign.
 * Version: 1.0.0
 * Requires at least: 5.9
 * Requires PHP: 7.4
 *
 * A must-use plugin: copy this file into wp-content/mu-plugins/ and add to wp-config.php
 *
 *     define('CONFIRMA_URL', 'https://pay.example.com');  // where your Confirma server answers
 *
 * then paste the store's webhook secret in WooCommerce → Settings → Payments → Cryptum Checkout
 * (or define CONFIRMA_WEBHOOK_SECRET in wp-config.php). Confirma's docs/woocommerce.md explains
 * each step.
 *
 * What it does, and why it can do it without touching the stock plugin:
 * - The stock plugin calls Cryptum's API host with wp_safe_remote_request(). WordPress runs the
 *   pre_http_request filter before its safe-URL check, so this file answers those requests by
 *   sending them to Confirma itself (same path, method, headers and body) and hands the plugin
 *   Confirma's answer. Confirma may then be on any port or on a private address: the safe-URL
 *   check (ports 80, 443 and 8080 only, no private addresses) guards URLs that come from users,
 *   and this one is the site owner's own configuration.
 * - The stock plugin sends the shopper to Cryptum's payment page; Confirma serves the same page at
 *   the same path with the same query, so the redirect is rewritten to Confirma
 *   (woocommerce_payment_successful_result).
 * - The stock plugin trusts any callback carrying its API key, and it updates the shop order named
 *   in the callback's body with the status of the Confirma order named in that same body: whoever
 *   holds the key could mark an expensive order paid with a cheap paid one. Confirma signs every
 *   callback with the store's webhook secret, so this file checks both signatures before the
 *   plugin sees the callback, and refuses it (401) when they do not hold or when no secret is
 *   configured. Confirma keeps retrying a refused callback for days, so nothing is lost while a
 *   secret is being pasted. A signed "confirmed" callback for a shop order already paid is
 *   acknowledged here (the plugin would answer it 400, and Confirma retry it for days).
 */

defined('ABSPATH') || exit;

final class Confirma_Cryptum_Dropin
{
    /** The stock plugin's API hosts: production, then the test environments of its releases. */
    const API_HOSTS = ['api.cryptum.io', 'api-hml.cryptum.io', 'api-dev.cryptum.io'];

    /** The hosts of Cryptum's payment page the stock plugin sends shoppers to. */
    const PAGE_HOSTS = ['plugin-checkout.cryptum.io', 'plugin-checkout-hml.cryptum.io', 'plugin-checkout-dev.cryptum.io'];

    /**
     * WooCommerce's hook for the stock plugin's callback URL (?wc-api=<its gateway class>, lower-cased):
     * the 1.x class, then the one of its first release.
     */
    const CALLBACK_HOOKS = ['woocommerce_api_cryptumcheckout_payment_gateway', 'woocommerce_api_cryptumcheckout_wc_gateway'];

    /** Where WooCommerce keeps the stock plugin's settings, ours among them. */
    const SETTINGS_OPTION = 'woocommerce_cryptumcheckout_gateway_settings';

    /** Our field on the stock plugin's settings page. */
    const SECRET_FIELD = 'confirma_webhook_secret';

    /** How far a callback's webhook-timestamp may be from this server's clock, in seconds. */
    const TIMESTAMP_TOLERANCE = 300;

    public static function register()
    {
        add_filter('pre_http_request', [__CLASS__, 'answer_from_confirma'], 10, 3);
        add_filter('woocommerce_payment_successful_result', [__CLASS__, 'send_shopper_to_confirma'], 10, 2);
        foreach (self::CALLBACK_HOOKS as $hook) {
            // before the stock plugin's handler (priority 10), and before anything else
            add_action($hook, [__CLASS__, 'refuse_unsigned_callback'], PHP_INT_MIN);
        }
        add_filter('cryptumcheckout_form_fields', [__CLASS__, 'add_secret_field']);
        add_action('admin_notices', [__CLASS__, 'admin_notices']);
    }

    /**
     * Confirma's base URL without a trailing slash; null when none is configured (the drop-in then
     * leaves the stock plugin alone); a WP_Error when one is configured but cannot be used.
     *
     * @return string|WP_Error|null
     */
    public static function confirma_url()
    {
        $configured = defined('CONFIRMA_URL') ? CONFIRMA_URL : get_option('confirma_url', '');
        if (!is_string($configured) || '' === trim($configured)) {
            return null;
        }
        $url = rtrim(trim($configured), '/');
        $parts = parse_url($url);
        $problem = null;
        if (!is_array($parts) || empty($parts['host']) || !in_array(strtolower($parts['scheme'] ?? ''), ['http', 'https'], true)) {
            $problem = 'it is not an http:// or https:// address';
        } elseif (isset($parts['user']) || isset($parts['pass']) || isset($parts['query']) || isset($parts['fragment'])) {
            $problem = 'it must not hold a user, a password, a query or a fragment';
        } elseif (self::is_cryptum_host($parts['host'])) {
            $problem = 'it names one of Cryptum\'s own hosts';
        }
        if (null !== $problem) {
            return new WP_Error('confirma_url_invalid', 'Confirma for Cryptum Checkout: CONFIRMA_URL is not usable: ' . $problem . '.');
        }
        return $url;
    }

    /**
     * pre_http_request: a request to Cryptum's API is sent to Confirma instead, at the same path,
     * and Confirma's answer (or the error reaching it) is what the stock plugin gets back.
     */
    public static function answer_from_confirma($pre, $args, $url)
    {
        if (false !== $pre || !is_string($url)) {
            return $pre; // another plugin answered already
        }
        $parts = parse_url($url);
        if (!is_array($parts) || !isset($parts['host']) || !in_array(strtolower($parts['host']), self::api_hosts(), true)) {
            return $pre;
        }
        $base = self::confirma_url();
        if (null === $base) {
            return $pre;
        }
        if (is_wp_error($base)) {
            return $base; // never Cryptum: the shop owner meant Confirma
        }
        $args = is_array($args) ? $args : [];
        $args['reject_unsafe_urls'] = false;
        // the request carries the store's API key: it must not follow a redirect to another host
        $args['redirection'] = 0;
        $response = wp_remote_request(self::same_path_on($base, $parts), $args);
        if (is_wp_error($response)) {
            return $response;
        }
        $code = (int) wp_remote_retrieve_response_code($response);
        if ($code >= 300 && $code < 400) {
            return new WP_Error('confirma_redirect', sprintf(
                'Confirma answered %d with a redirect to %s: set CONFIRMA_URL to the address Confirma answers on.',
                $code,
                wp_remote_retrieve_header($response, 'location')
            ));
        }
        return $response;
    }

    /** woocommerce_payment_successful_result: the shopper goes to Confirma's payment page, same path and query. */
    public static function send_shopper_to_confirma($result, $order_id = null)
    {
        if (!is_array($result) || !isset($result['redirect']) || !is_string($result['redirect'])) {
            return $result;
        }
        $parts = parse_url($result['redirect']);
        if (!is_array($parts) || !isset($parts['host']) || !in_array(strtolower($parts['host']), self::page_hosts(), true)) {
            return $result;
        }
        $base = self::confirma_url();
        if (is_string($base)) {
            $result['redirect'] = self::same_path_on($base, $parts);
        }
        return $result;
    }

    /**
     * Runs before the stock plugin's callback handler: a POST whose signatures do not hold, or any
     * POST while no webhook secret is configured, is answered 401 and never reaches the plugin.
     */
    public static function refuse_unsigned_callback()
    {
        if ('POST' !== strtoupper((string) ($_SERVER['REQUEST_METHOD'] ?? ''))) {
            return; // the stock handler answers its OPTIONS itself and ignores other methods
        }
        if (null === self::confirma_url()) {
            return;
        }
        $secret = self::webhook_secret();
        if ('' === $secret) {
            self::refuse('no webhook secret is configured on this shop, so it cannot tell Confirma\'s callbacks from forged ones');
        }
        $body = file_get_contents('php://input');
        $body = false === $body ? '' : $body;
        $problem = self::signature_problem($secret, $body, $_SERVER, time());
        if (null !== $problem) {
            self::refuse($problem);
        }
        self::acknowledge_repeated_payment($body);
    }

    /**
     * A signed "confirmed" callback for a shop order that is already paid changes nothing, but
     * the stock plugin answers it 400, so Confirma would retry it for days and log it dead. It
     * happens whenever a callback is delivered twice (delivery is at least once), or when an
     * earlier callback, delivered late, already applied the confirmation (the plugin acts on the
     * order's current status). Answered 200 here instead; every other callback goes on to the plugin.
     */
    private static function acknowledge_repeated_payment($body)
    {
        $callback = json_decode($body, true);
        if (!is_array($callback) || 'confirmed' !== ($callback['paymentStatus'] ?? null) || !function_exists('wc_get_order')) {
            return;
        }
        $order = wc_get_order($callback['ecommerceOrderId'] ?? 0);
        if ($order && $order->has_status(['processing', 'completed'])) {
            wp_send_json(['message' => 'Order ' . $order->get_id() . ' is already paid: nothing to change.', 'status' => 'ok'], 200);
            exit;
        }
    }

    /**
     * Why a callback's signatures do not hold (null when they do): x-webhook-signature over the
     * body, and Standard Webhooks' webhook-signature over id, timestamp and body, with the
     * timestamp within TIMESTAMP_TOLERANCE of $now. The key is the secret's UTF-8 bytes, whsec_
     * prefix included, as Confirma signs (docs/callbacks.md).
     *
     * @param array $server the request's $_SERVER, whose HTTP_* entries are its headers
     */
    public static function signature_problem($secret, $body, array $server, $now)
    {
        $expected = base64_encode(hash_hmac('sha256', $body, $secret, true));
        if (!hash_equals($expected, self::header($server, 'x-webhook-signature'))) {
            return 'x-webhook-signature does not match the body';
        }
        $id = self::header($server, 'webhook-id');
        $timestamp = self::header($server, 'webhook-timestamp');
        if ('' === $id || !ctype_digit($timestamp) || strlen($timestamp) > 12) {
            return 'webhook-id or webhook-timestamp is missing';
        }
        if (abs($now - (int) $timestamp) > self::TIMESTAMP_TOLERANCE) {
            return 'webhook-timestamp is more than ' . self::TIMESTAMP_TOLERANCE . ' seconds from this server\'s clock';
        }
        $signed = 'v1,' . base64_encode(hash_hmac('sha256', $id . '.' . $timestamp . '.' . $body, $secret, true));
        foreach (explode(' ', self::header($server, 'webhook-signature')) as $candidate) {
            if (hash_equals($signed, $candidate)) {
                return null;
            }
        }
        return 'webhook-signature does not match';
    }

    /** cryptumcheckout_form_fields: a field for the webhook secret, beside the store id and API key. */
    public static function add_secret_field($fields)
    {
        if (!is_array($fields)) {
            return $fields;
        }
        $fields[self::SECRET_FIELD] = [
            'title' => 'Confirma webhook secret',
            'type' => 'password',
            'description' => defined('CONFIRMA_WEBHOOK_SECRET')
                ? 'Set in wp-config.php (CONFIRMA_WEBHOOK_SECRET): this field is not used.'
                : 'The store\'s webhook secret (whsec_…), shown with its API key when the store was created. '
                    . 'Payment callbacks that Confirma did not sign with it are refused.',
            'default' => '',
        ];
        return $fields;
    }

    /** The secret from wp-config.php, else from the plugin's settings page; '' when neither is set. */
    public static function webhook_secret()
    {
        if (defined('CONFIRMA_WEBHOOK_SECRET') && is_string(CONFIRMA_WEBHOOK_SECRET) && '' !== trim(CONFIRMA_WEBHOOK_SECRET)) {
            return trim(CONFIRMA_WEBHOOK_SECRET);
        }
        $settings = get_option(self::SETTINGS_OPTION, []);
        if (is_array($settings) && isset($settings[self::SECRET_FIELD]) && is_string($settings[self::SECRET_FIELD])) {
            return trim($settings[self::SECRET_FIELD]);
        }
        return '';
    }

    /** admin_notices: what keeps the drop-in from working, for those who run the shop. */
    public static function admin_notices()
    {
        if (!current_user_can('manage_woocommerce')) {
            return;
        }
        $url = self::confirma_url();
        if (null === $url) {
            self::notice('warning', 'Confirma for Cryptum Checkout is installed, but CONFIRMA_URL is not set in wp-config.php: '
                . 'the Cryptum Checkout plugin still talks to Cryptum.');
        } elseif (is_wp_error($url)) {
            self::notice('error', $url->get_error_message() . ' Until it is fixed, Cryptum Checkout cannot create payments.');
        } elseif ('' === self::webhook_secret()) {
            self::notice('error', 'Confirma for Cryptum Checkout: no webhook secret is configured, so every payment callback is refused '
                . 'and orders are not updated when paid (Confirma retries them for at least three days). Paste the store\'s webhook '
                . 'secret in WooCommerce → Settings → Payments → Cryptum Checkout. Without it, anyone holding your API key could '
                . 'mark orders as paid.');
        }
    }

    private static function refuse($reason)
    {
        $message = 'Callback refused: ' . $reason . '.';
        if (function_exists('wc_get_logger')) {
            wc_get_logger()->warning($message, ['source' => 'confirma-cryptum-dropin']);
        } else {
            error_log('confirma-cryptum-dropin: ' . $message);
        }
        wp_send_json(['message' => $message, 'status' => 'failed'], 401);
        exit; // wp_send_json ends the request; never let the stock handler run after a refusal
    }

    private static function notice($type, $text)
    {
        printf('<div class="notice notice-%s"><p>%s</p></div>', esc_attr($type), esc_html($text));
    }

    private static function same_path_on($base, array $parts)
    {
        return $base . ($parts['path'] ?? '/') . (isset($parts['query']) ? '?' . $parts['query'] : '');
    }

    private static function header(array $server, $name)
    {
        $key = 'HTTP_' . strtoupper(str_replace('-', '_', $name));
        return isset($server[$key]) && is_string($server[$key]) ? trim($server[$key]) : '';
    }

    /** Extra hosts can be added with the confirma_cryptum_api_hosts filter, should a plugin update move them. */
    private static function api_hosts()
    {
        return array_map('strtolower', (array) apply_filters('confirma_cryptum_api_hosts', self::API_HOSTS));
    }

    private static function page_hosts()
    {
        return array_map('strtolower', (array) apply_filters('confirma_cryptum_page_hosts', self::PAGE_HOSTS));
    }

    private static function is_cryptum_host($host)
    {
        return in_array(strtolower($host), array_merge(self::api_hosts(), self::page_hosts()), true);
    }
}

Confirma_Cryptum_Dropin::register();
