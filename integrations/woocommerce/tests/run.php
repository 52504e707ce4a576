<?php
/**
 * Runs one step of the WooCommerce scenario in the stand-in shop, from the command line, and
 * prints what happened as one JSON object (the Java test, WooCommerceDropInTest, reads it).
 * The environment is the shop's configuration (see wordpress.php): WP_HOME, STANDIN_STATE,
 * CONFIRMA_URL, CONFIRMA_WEBHOOK_SECRET, STANDIN_WITHOUT_DROPIN.
 *
 *   php run.php safe-url <url>…            what WordPress' safe-URL check says of each URL
 *   php run.php save-settings '<json>'     the shop owner saves Cryptum Checkout's settings page
 *   php run.php checkout '<json>'          a shopper checks out an order with Cryptum Checkout
 *   php run.php order <id>                 a shop order as it stands
 *   php run.php admin-notices              the notices wp-admin shows
 *   php run.php request <GET|POST> <url>   a request as the plugin sends it (its key, wp_safe_remote_request)
 *
 * Each step also lists the requests that went out on the wire ("sent"): none may go to Cryptum.
 */

ini_set('display_errors', 'stderr');
error_reporting(E_ALL);
require __DIR__ . '/wordpress.php';

$step = $argv[1] ?? '';
$json = function ($i) use ($argv) {
    $value = json_decode($argv[$i] ?? '', true);
    if (!is_array($value)) {
        fwrite(STDERR, "argument $i must be a JSON object\n");
        exit(2);
    }
    return $value;
};
$gateway = function () {
    return WC()->payment_gateways()->payment_gateways()['cryptumcheckout_gateway'];
};

standin_boot();

switch ($step) {
    case 'safe-url':
        $out = [];
        foreach (array_slice($argv, 2) as $url) {
            $GLOBALS['standin_refusal'] = null;
            $refused = false === wp_http_validate_url($url);
            $out[] = ['url' => $url, 'refused' => $refused, 'reason' => $GLOBALS['standin_refusal']];
        }
        $result = ['results' => $out];
        break;

    case 'save-settings':
        $gateway(); // built before the form is saved, as on WooCommerce's settings page
        foreach ($json(2) as $key => $value) {
            $_POST['woocommerce_cryptumcheckout_gateway_' . $key] = $value;
        }
        do_action('woocommerce_update_options_payment_gateways_cryptumcheckout_gateway');
        $result = ['adminErrors' => $GLOBALS['standin_admin_errors'],
            'fields' => array_keys($gateway()->get_form_fields())];
        break;

    case 'checkout':
        $order = $json(2);
        WC_Order::create($order['id'], $order['total'], $order['currency'], $order['billing']);
        $payment = standin_checkout_payment($order['id'], 'cryptumcheckout_gateway');
        $result = ['payment' => $payment, 'notices' => $GLOBALS['standin_notices'],
            'order' => wc_get_order($order['id'])->to_array(), 'cartEmptied' => WC()->cart->emptied];
        break;

    case 'order':
        $order = wc_get_order($argv[2] ?? '');
        $result = ['order' => $order ? $order->to_array() : null];
        break;

    case 'admin-notices':
        ob_start();
        do_action('admin_notices');
        $result = ['html' => ob_get_clean()];
        break;

    case 'request':
        $response = wp_safe_remote_request($argv[3] ?? '', [
            'method' => $argv[2] ?? 'GET',
            'headers' => ['x-api-key' => $gateway()->get_option('apikey')],
            'timeout' => 60,
        ]);
        $result = is_wp_error($response)
            ? ['error' => $response->get_error_message()]
            : ['code' => wp_remote_retrieve_response_code($response), 'body' => wp_remote_retrieve_body($response)];
        break;

    default:
        fwrite(STDERR, "unknown step '$step': safe-url, save-settings, checkout, order, admin-notices or request\n");
        exit(2);
}

$result['sent'] = $GLOBALS['standin_sent'];
echo json_encode($result, JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES), "\n";
