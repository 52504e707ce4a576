<?php
/**
 * A stand-in for the stock Cryptum Checkout plugin (blockforce-official/cryptum-checkout-woocommerce-plugin,
 * the 1.x releases: cryptum-checkout.php, class-wc-gateway-cryptumcheckout.php and
 * includes/class-cryptumcheckout-api.php), written for these tests from reading it: not its code,
 * but what the drop-in meets of it, unedited:
 * - its gateway class name, id, settings fields (through the cryptumcheckout_form_fields filter)
 *   and callback hook;
 * - its requests, through wp_safe_remote_request, to its hard-coded hosts — https://api.cryptum.io
 *   in production, https://api-hml.cryptum.io in the test environment —: the store verification on
 *   saving the settings (with the store id and key saved *before* this save, as the plugin reads
 *   them when the gateway is built), the checkout, and the order read back on a callback, with the
 *   same methods, headers and JSON bodies;
 * - its redirect to Cryptum's payment page, with the query it builds;
 * - its callback handler: the x-api-key check, the order read back, and what each paymentStatus
 *   does to the shop order.
 */

defined('ABSPATH') || exit;

class CryptumCheckout_Payment_Gateway extends WC_Payment_Gateway
{
    public $storeId;
    public $apikey;

    public function __construct()
    {
        $this->id = 'cryptumcheckout_gateway';
        $this->form_fields = apply_filters('cryptumcheckout_form_fields', [
            'enabled' => ['title' => 'Enable/Disable', 'type' => 'checkbox'],
            'title' => ['title' => 'Title', 'type' => 'text', 'default' => 'Cryptum Checkout'],
            'environment' => ['title' => 'Environment', 'type' => 'select', 'default' => 'production'],
            'storeId' => ['title' => 'Store ID', 'type' => 'text', 'default' => ''],
            'apikey' => ['title' => 'API Key', 'type' => 'text', 'default' => ''],
            'storeMarkupPercentage' => ['title' => 'Store Markup Percentage', 'type' => 'text', 'default' => '0'],
            'storeDiscountPercentage' => ['title' => 'Store Discount Percentage', 'type' => 'text', 'default' => '0'],
        ]);
        $this->init_settings();
        $this->title = $this->get_option('title');
        $this->storeId = $this->get_option('storeId');
        $this->apikey = $this->get_option('apikey');
        add_action('woocommerce_update_options_payment_gateways_' . $this->id, [$this, 'process_admin_options']);
        add_action('woocommerce_api_' . strtolower(get_class($this)), [$this, 'callback_payment_handler']);
    }

    private function api_url()
    {
        return 'production' === $this->get_option('environment') ? 'https://api.cryptum.io/plugins' : 'https://api-hml.cryptum.io/plugins';
    }

    private function page_url()
    {
        return 'production' === $this->get_option('environment')
            ? 'https://plugin-checkout.cryptum.io/public/payment-details/'
            : 'https://plugin-checkout-hml.cryptum.io/public/payment-details/';
    }

    /** The plugin's request helper: an error array for a WP_Error, a status ≥ 400 or an "error" in the body. */
    private function request($url, array $args)
    {
        $response = wp_safe_remote_request($url, $args);
        if (is_wp_error($response)) {
            return ['error' => 'Error', 'message' => $response->get_error_message()];
        }
        $body = json_decode($response['body'], true);
        if (isset($body['error']) || $response['response']['code'] >= 400) {
            return ['error' => 'Error', 'message' => $body['error']['message'] ?? ($body['message'] ?? '')];
        }
        return $body;
    }

    public function process_admin_options()
    {
        $verified = $this->request($this->api_url() . '/stores/verification', [
            'body' => json_encode(['storeId' => $this->storeId, 'plugin' => 'checkout', 'ecommerceType' => 'wordpress']),
            'headers' => ['content-type' => 'application/json', 'x-api-key' => $this->apikey],
            'data_format' => 'body',
            'method' => 'POST',
            'timeout' => 60,
        ]);
        if (isset($verified['error'])) {
            WC_Admin_Settings::add_error('Store not configured yet or not existent. You must configure a store in Cryptum dashboard first');
        }
        return parent::process_admin_options(); // saved either way
    }

    public function process_payment($order_id)
    {
        $order = wc_get_order($order_id);
        $currency = $order->get_currency();
        if ('USD' !== $currency && 'BRL' !== $currency) {
            wc_add_notice('Unsupported currency: ' . $currency . '(Only USD and BRL are supported for now)', 'error');
            return ['result' => 'error', 'redirect' => ''];
        }
        $either = function ($shipping, $billing) {
            return '' !== (string) $shipping ? $shipping : $billing;
        };
        $checkout = [
            'store' => $this->storeId,
            'ecommerceType' => 'wordpress',
            'ecommerceOrderId' => '' . $order->get_id(),
            'orderTotal' => $order->get_total(),
            'orderCurrency' => $currency,
            'cancelReturnUrl' => wp_specialchars_decode($order->get_cancel_order_url()),
            'successReturnUrl' => wp_specialchars_decode($this->get_return_url($order)),
            'callbackUrl' => WC()->api_request_url(get_class($this)),
            'deliveryInfo' => [
                'firstName' => $either($order->get_shipping_first_name(), $order->get_billing_first_name()),
                'lastName' => $either($order->get_shipping_last_name(), $order->get_billing_last_name()),
                'email' => $order->get_billing_email(),
                'city' => $either($order->get_shipping_city(), $order->get_billing_city()),
                'country' => $either($order->get_shipping_country(), $order->get_billing_country()),
                'zip' => $either($order->get_shipping_postcode(), $order->get_billing_postcode()),
                'address' => $either($order->get_shipping_address_1(), $order->get_billing_address_1()),
                'complement' => $either($order->get_shipping_address_2(), $order->get_billing_address_2()),
                'state' => $either($order->get_shipping_state(), $order->get_billing_state()),
            ],
        ];
        $created = $this->request($this->api_url() . '/orders/checkout', [
            'body' => json_encode($checkout),
            'headers' => ['x-api-key' => $this->apikey, 'Content-Type' => 'application/json; charset=utf-8'],
            'data_format' => 'body',
            'method' => 'POST',
            'timeout' => 60,
        ]);
        if (isset($created['error'])) {
            wc_add_notice('Error processing Cryptum Checkout: ' . $created['message'], 'error');
            return ['result' => 'error', 'redirect' => ''];
        }
        $order->update_status('pending', 'Pending Cryptum Checkout payment');
        wc_reduce_stock_levels($order_id);
        WC()->cart->empty_cart();
        return ['result' => 'success', 'redirect' => $this->payment_page($order, $created)];
    }

    /** Its query, joined by hand: only the two return URLs are encoded, and a trailing & is left. */
    private function payment_page($order, array $created)
    {
        $query = '';
        foreach ([
            'cancelReturnUrl' => urlencode(wp_specialchars_decode($order->get_cancel_order_url())),
            'successReturnUrl' => urlencode(wp_specialchars_decode($this->get_return_url($order))),
            'callbackUrl' => WC()->api_request_url(get_class($this)),
            'sessionToken' => $created['sessionToken'],
            'orderId' => $created['id'],
            'ecommerceOrderId' => $order->get_id(),
            'environment' => $this->get_option('environment'),
        ] as $key => $value) {
            $query .= $key . '=' . $value . '&';
        }
        return $this->page_url() . '?' . $query;
    }

    public function callback_payment_handler()
    {
        if ('OPTIONS' === $_SERVER['REQUEST_METHOD']) {
            status_header(200);
            exit();
        }
        if ('POST' !== $_SERVER['REQUEST_METHOD']) {
            return;
        }
        if ($this->apikey != ($_SERVER['HTTP_X_API_KEY'] ?? null)) {
            wp_send_json_error(['message' => 'Unauthorized'], 401);
        }
        $callback = json_decode(file_get_contents('php://input'));
        // the shop order is the one the body names; its status comes from the Confirma order the body names
        $ecommerceOrderId = $callback->ecommerceOrderId ?? null;
        $storeId = $callback->storeId ?? null;
        $read = $this->request($this->api_url() . '/orders/' . ($callback->orderId ?? ''), [
            'headers' => ['x-api-key' => $this->apikey],
            'method' => 'GET',
            'timeout' => 60,
        ]);
        if (isset($read['error'])) {
            wp_send_json_error(['message' => $read['message']], 400);
        }
        $status = $read['paymentStatus'] ?? null;
        if (null === $storeId || $this->storeId != $storeId) {
            wp_send_json_error(['message' => 'Incorrect store id'], 400);
        }
        if (null !== $ecommerceOrderId && null !== $status) {
            $order = wc_get_order($ecommerceOrderId);
            // the plugin's order-note call (esc_html_e) prints the callback's message rather than keeping it
            if (empty($order)) {
                wp_send_json_error(['message' => 'Payment callback received for non-existent order ID: ' . $ecommerceOrderId], 400);
            }
            if ($order->has_status('completed') || $order->has_status('processing')) {
                wp_send_json_error(['message' => 'This order is currently being procesed or completed.'], 400);
            }
            if ('confirmed' === $status) {
                $order->update_status('processing', 'Payment was successful');
                $order->payment_complete();
                wp_send_json_error(['message' => 'Successful payment'], 200);
            } elseif ('cancelled' === $status) {
                wc_increase_stock_levels($order);
                wc_get_order($ecommerceOrderId)->update_status('cancelled', 'Payment was cancelled');
                wp_send_json_error(['message' => 'Cancelled payment'], 200);
            } elseif ('on-hold' === $status) {
                $order->update_status('on-hold', 'Payment awaiting to complete');
                wp_send_json_error(['message' => 'Payment awaiting to complete'], 200);
            } elseif ('failed' === $status) {
                wc_increase_stock_levels($order);
                wc_get_order($ecommerceOrderId)->update_status('failed', 'Payment failed');
                wp_send_json_error(['message' => 'Payment failed'], 200);
            }
            wp_send_json_error(['message' => 'Could not change order ' . $ecommerceOrderId . ' status to ' . $status], 400);
        }
        wp_send_json_error(['message' => 'Invalid order ' . $ecommerceOrderId], 500);
    }
}

add_filter('woocommerce_payment_gateways', function ($gateways) {
    $gateways[] = 'CryptumCheckout_Payment_Gateway';
    return $gateways;
});
