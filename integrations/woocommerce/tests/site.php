<?php
/**
 * The stand-in shop over HTTP, for PHP's built-in server (php -S 127.0.0.1:<port> site.php): the
 * site Confirma posts its callbacks to. ?wc-api=<name> runs WooCommerce's API request handling,
 * everything else answers that the site is up.
 */

require __DIR__ . '/wordpress.php';

standin_boot();
if (isset($_GET['wc-api'])) {
    standin_handle_wc_api();
}
header('Content-Type: text/plain; charset=UTF-8');
echo "WordPress stand-in\n";
