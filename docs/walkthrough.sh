#!/usr/bin/env bash
# The README's "Walk-through with curl" and the Orders API walk-through (docs/orders-api.md), run step by step against the packaged server from a
# first start in an empty directory, checking every answer. It runs with no network at all
# (a network namespace with only loopback: no internet, no DNS) when `unshare` allows it, so
# the walk-through stays true on an offline machine. Needs the packaged server
# (./mvnw -DskipTests package), a JDK 17, curl and jq. Exits non-zero at the first step that
# fails, printing the answer and the server's log. WALKTHROUGH_SHOW=1 prints every answer.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

if [[ "${WALKTHROUGH_ISOLATED:-}" != 1 ]]; then
    if command -v unshare > /dev/null && command -v ip > /dev/null \
            && unshare --net --map-root-user true 2> /dev/null; then
        exec env WALKTHROUGH_ISOLATED=1 unshare --net --map-root-user \
            bash -c 'ip link set lo up && exec "$0"' "$root/docs/walkthrough.sh"
    fi
    echo "walkthrough: cannot isolate from the network here (unshare --net); running with it"
fi
if [[ "${WALKTHROUGH_ISOLATED:-}" == 1 ]]; then
    echo "walkthrough: no network but loopback (getent hosts example.com fails: $(getent hosts example.com > /dev/null && echo no || echo yes))"
fi

jar="$root/target/quarkus-app/quarkus-run.jar"
[[ -f "$jar" ]] || { echo "no packaged server at $jar: run ./mvnw -DskipTests package"; exit 1; }

free_port() {
    local port
    for port in $(shuf -i 20000-40000 -n 50); do
        if ! (exec 3<> "/dev/tcp/127.0.0.1/$port") 2> /dev/null; then
            echo "$port"
            return
        fi
    done
    echo "no free port" >&2
    exit 1
}

anvil="${ANVIL:-$root/target/anvil/package/bin/anvil}"
[[ -x "$anvil" ]] || { echo "no anvil at $anvil (the tests fetch it: ./mvnw test, or set ANVIL)"; exit 1; }

workdir=$(mktemp -d)
port=$(free_port)
callback_port=$(free_port)
node_port=$(free_port)
node="http://127.0.0.1:$node_port"
base="http://127.0.0.1:$port"
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2> /dev/null || true; done
    wait 2> /dev/null || true
}
trap cleanup EXIT

fail() {
    echo "FAILED: $*"
    echo "---- answer ----"; cat "$workdir/answer" 2> /dev/null || true; echo
    echo "---- server log (last 40 lines; all of it and the callbacks in $workdir) ----"
    tail -n 40 "$workdir/server.log" || true
    exit 1
}

# call METHOD PATH EXPECTED_STATUS [curl args...]: the answer lands in $workdir/answer
call() {
    local method=$1 path=$2 expected=$3
    shift 3
    local status
    status=$(curl -sS -o "$workdir/answer" -w '%{http_code}' -X "$method" "$base$path" "$@") || fail "$method $path: no answer"
    [[ "$status" == "$expected" ]] || fail "$method $path answered $status, expected $expected"
    if [[ -n "${WALKTHROUGH_SHOW:-}" ]]; then
        echo "  $method $path → $status $(jq -c . "$workdir/answer" 2> /dev/null || head -c 120 "$workdir/answer" | tr '\n' ' ')"
    fi
}

# expect JQ_FILTER: the filter must be true for the last answer
expect() {
    jq -e "$1" "$workdir/answer" > /dev/null || fail "the answer does not satisfy: $1"
}

step() { printf 'walkthrough: %s\n' "$*"; }

step "a stand-in shop (docs/CallbackReceiver.java) on port $callback_port"
java "$root/docs/CallbackReceiver.java" "$callback_port" > "$workdir/callbacks.log" 2>&1 &
pids+=($!)

step "a local node standing in for Celo (anvil, chain id 42220) on port $node_port"
"$anvil" --chain-id 42220 --port "$node_port" --silent > "$workdir/anvil.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 30); do
    curl -fsS -X POST "$node" -H 'Content-Type: application/json' -d '{"jsonrpc":"2.0","id":1,"method":"eth_chainId","params":[]}' \
        > /dev/null 2>&1 && break
    sleep 1
done

# rpc METHOD PARAMS_JSON: a JSON-RPC call to the local node; prints its result
rpc() {
    curl -fsS -X POST "$node" -H 'Content-Type: application/json' \
        -d "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"$1\",\"params\":$2}" | jq -r .result
}

step "first start in an empty directory, rates pinned by environment variables, port $port"
(cd "$workdir" && exec env \
    QUARKUS_HTTP_PORT="$port" \
    CONFIRMA_CHAINS_CELO_RPC_URLS="$node" \
    CONFIRMA_CHAINS_CELO_POLL_INTERVAL=PT1S \
    CONFIRMA_REFUNDS_CHECK_INTERVAL=PT1S \
    CONFIRMA_PUBLIC_URL="http://localhost:$port" \
    CONFIRMA_RATES_PROVIDERS=fixed \
    CONFIRMA_RATES_PINS='CELO/BRL=2.75,cUSD/BRL=5.40,ETH/BRL=17500' \
    CONFIRMA_CALLBACKS_ALLOW_PRIVATE_TARGETS=true \
    java -jar "$jar") > "$workdir/server.log" 2>&1 &
pids+=($!)
server=$!
for _ in $(seq 1 90); do
    curl -fsS "$base/q/health/live" > /dev/null 2>&1 && break
    kill -0 "$server" 2> /dev/null || fail "the server exited at start"
    sleep 1
done
curl -fsS "$base/q/health/live" > /dev/null || fail "the server is not up after 90 s"
ADMIN=$(grep -o 'Generated the operator token (shown only now, store it safely): adm_[A-Za-z0-9_-]*' "$workdir/server.log" \
    | sed 's/.*: //') || true
[[ -n "$ADMIN" ]] || fail "no operator token was logged at first start"
[[ -d "$workdir/data" ]] || fail "the first start made no ./data in its working directory"
for _ in $(seq 1 30); do
    grep -q "Listening for callbacks" "$workdir/callbacks.log" && break
    sleep 1
done
grep -q "Listening for callbacks" "$workdir/callbacks.log" || fail "the callback receiver did not start"

step "1. the operator creates a store"
call POST /admin/stores 201 -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' \
    -d '{"name":"Loja Demo",
         "wallets":[{"protocol":"CELO","address":"0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"},
                    {"protocol":"ETHEREUM","address":"0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359"}],
         "markupPercentage":1.5}'
expect '(.apiKey | startswith("ck_")) and (.webhookSecret | startswith("whsec_")) and (.acceptedAssets | index("CELO") != null)'
STORE=$(jq -r .id "$workdir/answer")
KEY=$(jq -r .apiKey "$workdir/answer")

step "2. the plugin verifies its store"
call POST /plugins/stores/verification 200 -H "x-api-key: $KEY" -H 'Content-Type: application/json' \
    -d "{\"storeId\":\"$STORE\",\"plugin\":\"checkout\",\"ecommerceType\":\"wordpress\"}"
expect ".storeId == \"$STORE\" and (.webhookSecret | startswith(\"whsec_\")) and (.wallets | length == 2)"

step "3. the plugin posts a checkout, its callbackUrl on the stand-in shop"
checkout="{\"store\":\"$STORE\",\"ecommerceType\":\"wordpress\",\"ecommerceOrderId\":1001,
     \"orderTotal\":\"49.90\",\"orderCurrency\":\"BRL\",
     \"callbackUrl\":\"http://127.0.0.1:$callback_port/wc-api/cryptumcheckout_payment_gateway\",
     \"successReturnUrl\":\"https://shop.example/thanks\",
     \"deliveryInfo\":{\"firstName\":\"Ana\",\"lastName\":\"Lima\",\"email\":\"ana@example.com\",\"country\":\"BR\"}}"
call POST /plugins/orders/checkout 200 -H "x-api-key: $KEY" -H 'Content-Type: application/json' -d "$checkout"
expect '.paymentStatus == "pending" and .orderTotal == "49.90" and .message == "Checkout created"'
expect '[.quotes[] | .protocol + "/" + .asset] == ["CELO/CELO", "CELO/cUSD", "ETHEREUM/ETH"]'
expect '(.quotes[] | select(.asset == "CELO")) | .amount == "18.417636363636363637" and .amountBaseUnits == "18417636363636363637"
        and (.paymentUri | startswith("ethereum:0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed@42220?value=18417636363636363637"))'
expect '(.quotes[] | select(.asset == "cUSD")) | .amount == "9.379351851851851852"'
expect '(.quotes[] | select(.asset == "ETH")) | .amount == "0.0028942" and .amountBaseUnits == "2894200000000000"'
expect '(.marketRates.CELO | startswith("0.363636")) and (.marketRates.ETH | startswith("0.000057142857")) and (.marketRates.cUSD | startswith("0.185185"))'
ORDER=$(jq -r .id "$workdir/answer")
TOKEN=$(jq -r .sessionToken "$workdir/answer")
expect ".orderId == \"$ORDER\" and .paymentUrl == \"http://localhost:$port/pay/$ORDER?sessionToken=$TOKEN\""
call POST /plugins/orders/checkout 200 -H "x-api-key: $KEY" -H 'Content-Type: application/json' -d "$checkout"
expect ".id == \"$ORDER\""

step "3b. the shopper's page and its JSON"
call GET "/pay/$ORDER?sessionToken=$TOKEN" 200
grep -q "Loja Demo" "$workdir/answer" || fail "the hosted page does not name the store"
call GET "/public/orders/$ORDER?sessionToken=$TOKEN" 200
expect '.storeName == "Loja Demo" and .paymentStatus == "pending" and .state == "waiting" and .secondsLeft > 0
        and .transactions == [] and (.quotes[0] | .protocol == "CELO" and .chainId == 42220)'
call GET "/public/payment-details/?orderId=$ORDER&sessionToken=$TOKEN" 200

step "4. a transaction hash is attached"
call PUT "/plugins/checkout/$ORDER" 200 -H "x-api-key: $KEY" -H 'Content-Type: application/json' \
    -d '{"transactionHash":"0x9fc76417374aa880d4449a1f7f31ec597f00b1f6f3dd2d66f4c9c6c445836d8b","blockchain":"CELO","paymentMethod":"cUSD"}'
expect '.paymentStatus == "on-hold" and .transactions[0].protocol == "CELO" and .transactions[0].status == "unverified"
        and (.transactions[0].hash | startswith("0x9fc7"))'

step "5. the order, and the store's orders"
call GET "/plugins/orders/$ORDER" 200 -H "x-api-key: $KEY"
expect ".id == \"$ORDER\" and .paymentStatus == \"on-hold\""
call GET "/plugins/orders?limit=10&paymentStatus=on-hold&withTotal=true" 200 -H "x-api-key: $KEY"
expect '.total == 1 and (.orders | length == 1) and .totals.BRL == "49.90"'

step "5b. the callback, delivered to the stand-in shop"
for _ in $(seq 1 30); do
    call GET "/plugins/orders/$ORDER/deliveries" 200 -H "x-api-key: $KEY"
    jq -e '.deliveries[0].state == "delivered"' "$workdir/answer" > /dev/null && break
    sleep 1
done
expect '.deliveries[0].event == "order.on-hold" and .deliveries[0].state == "delivered"
        and (.deliveries[0].webhookId | startswith("msg_")) and .deliveries[0].attempts[0].statusCode == 200'
grep -q '"event":"order.on-hold"' "$workdir/callbacks.log" || fail "the stand-in shop did not print the callback"

step "6. the market rates"
call GET /v1/rates 200 -H "Authorization: Bearer $KEY"
expect '.maxAgeSeconds == 300 and (.rates[] | select(.asset == "CELO" and .currency == "BRL") | .price == "2.75" and .fresh and .sources == ["fixed"])
        and (.providers | map(.name) == ["fixed"])'

step "errors: one JSON shape"
call POST /plugins/orders/checkout 400 -H "x-api-key: $KEY" -H 'Content-Type: application/json' \
    -d "$(jq -c '.orderTotal = 0 | .ecommerceOrderId = 1002' <<< "$checkout")"
expect '.message == "orderTotal must be greater than 0" and .status == "failed"
        and .error == {"code":"invalid_field","message":"orderTotal must be greater than 0","field":"orderTotal"}'

step "7. the merchant's store, its wallet an account of the local node"
MERCHANT_WALLET=0x70997970C51812dc3A010C7d01b50e0d17dc79C8
SHOPPER_WALLET=0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266
call POST /admin/stores 201 -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' \
    -d "{\"name\":\"Loja Merchant\",\"wallets\":[{\"protocol\":\"CELO\",\"address\":\"$MERCHANT_WALLET\"}],\"markupPercentage\":1.5}"
MKEY=$(jq -r .apiKey "$workdir/answer")

step "8. the merchant creates an order through the Orders API"
call POST /v1/orders 201 -H "Authorization: Bearer $MKEY" -H 'Content-Type: application/json' \
    -d '{"customer_id":"cus_42","currency":"BRL",
         "items":[{"sku":"CAFE-250","quantity":2,"unit_price":"8.00","description":"Coffee, 250 g"}],
         "tax":"1.00","shipping":"3.00",
         "shipping_address":{"first_name":"Ana","last_name":"Lima","line1":"Rua A, 1","city":"Recife","country":"BR"},
         "metadata":{"channel":"phone"}}'
expect '.status == "CREATED" and .subtotal == "16" and .total == "20" and .payment.status == "pending"
        and .timeline[0].status == "CREATED" and (.payment_url | contains("/pay/"))'
expect '(.payment.quotes[] | select(.asset == "CELO")) | .amount == "7.381818181818181819" and .amount_base_units == "7381818181818181819"'
MORDER=$(jq -r .id "$workdir/answer")
DUE=$(jq -r '.payment.quotes[] | select(.asset == "CELO") | .amount_base_units' "$workdir/answer")

step "9. the shopper pays it on the local node; the hash is claimed through the Orders API"
PAID_HASH=$(rpc eth_sendTransaction "[{\"from\":\"$SHOPPER_WALLET\",\"to\":\"$MERCHANT_WALLET\",\"value\":\"$(printf '0x%x' "$DUE")\"}]")
[[ "$PAID_HASH" == 0x* ]] || fail "the local node did not take the payment"
call POST "/v1/orders/$MORDER/pay" 200 -H "Authorization: Bearer $MKEY" -H 'Content-Type: application/json' \
    -d "{\"transaction_hash\":\"$PAID_HASH\",\"chain\":\"CELO\",\"asset\":\"CELO\"}"
expect '.payment_status == "on_hold" and .status == "CREATED"'

step "10. ten blocks later the chain has paid it"
rpc anvil_mine '["0xa"]' > /dev/null
for _ in $(seq 1 30); do
    call GET "/v1/orders/$MORDER" 200 -H "Authorization: Bearer $MKEY"
    jq -e '.status == "PAID"' "$workdir/answer" > /dev/null && break
    sleep 1
done
expect '.status == "PAID" and .payment.status == "confirmed" and .payment.amount_received == "7.381818181818181819"
        and .timeline[1].status == "PAID" and .timeline[1].actor == "chain"'

step "11. fulfilled, shipped, delivered, returned"
call POST "/v1/orders/$MORDER/fulfill" 200 -H "Authorization: Bearer $MKEY" -H 'Content-Type: application/json' \
    -d '{"carrier":"Correios","tracking_number":"BR123456789"}'
expect '.status == "FULFILLED" and .shipping.carrier == "Correios"'
call POST "/v1/orders/$MORDER/ship" 200 -H "Authorization: Bearer $MKEY"
call POST "/v1/orders/$MORDER/deliver" 200 -H "Authorization: Bearer $MKEY"
call POST "/v1/orders/$MORDER/return" 200 -H "Authorization: Bearer $MKEY" -H 'Content-Type: application/json' \
    -d '{"reason":"wrong grind"}'
expect '.status == "RETURNED" and ([.timeline[].status] == ["CREATED","PAID","FULFILLED","SHIPPED","DELIVERED","RETURNED"])'

step "12. a move the lifecycle does not allow, and a body with several bad fields: problem+json"
call POST "/v1/orders/$MORDER/ship" 409 -H "Authorization: Bearer $MKEY"
expect '.status == 409 and .current_status == "RETURNED" and .allowed_statuses == ["REFUNDED"]'
call POST /v1/orders 400 -H "Authorization: Bearer $MKEY" -H 'Content-Type: application/json' \
    -d '{"currency":"ZZZ","items":[{"sku":"A","quantity":0,"unit_price":"1"}],"tax":"-1"}'
expect '.status == 400 and ([.errors[].field] | sort) == ["currency","items[0].quantity","tax"]'
grep -q '^content-type: application/problem+json' <(curl -sSi -X POST "$base/v1/orders" -H "Authorization: Bearer $MKEY" \
    -H 'Content-Type: application/json' -d '{}' | tr -d '\r' | tr 'A-Z' 'a-z') || fail "a /v1 error is not application/problem+json"

step "13. the merchant refunds it from the store's wallet; verified at depth, the order is REFUNDED"
REFUND_HASH=$(rpc eth_sendTransaction "[{\"from\":\"$MERCHANT_WALLET\",\"to\":\"$SHOPPER_WALLET\",\"value\":\"$(printf '0x%x' "$DUE")\"}]")
[[ "$REFUND_HASH" == 0x* ]] || fail "the local node did not take the refund"
refund_body="{\"amount\":\"7.381818181818181819\",\"asset\":\"CELO\",\"to_address\":\"$SHOPPER_WALLET\",\"transaction_hash\":\"$REFUND_HASH\"}"
call POST "/v1/orders/$MORDER/refund" 201 -H "Authorization: Bearer $MKEY" -H 'Content-Type: application/json' \
    -H "Idempotency-Key: refund-$MORDER" -d "$refund_body"
expect '.status == "pending" and .chain == "CELO" and .amount == "7.381818181818181819"'
REFUND=$(jq -r .id "$workdir/answer")
call POST "/v1/orders/$MORDER/refund" 201 -H "Authorization: Bearer $MKEY" -H 'Content-Type: application/json' \
    -H "Idempotency-Key: refund-$MORDER" -d "$refund_body"
expect ".id == \"$REFUND\""
rpc anvil_mine '["0xa"]' > /dev/null
for _ in $(seq 1 30); do
    call GET "/v1/orders/$MORDER" 200 -H "Authorization: Bearer $MKEY"
    jq -e '.status == "REFUNDED"' "$workdir/answer" > /dev/null && break
    sleep 1
done
expect '.status == "REFUNDED" and .refunds[0].status == "verified" and .timeline[-1].actor == "chain"'

cleanup
rm -rf "$workdir"
echo "walkthrough: every step of the README's walk-through answered as documented"
