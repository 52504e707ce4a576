// Confirma's hosted payment page: countdown, asset choice, copy buttons, browser-wallet
// payment (EIP-1193), paste-a-hash, and live status. The page works without this script
// (amount, address, QR and wallet link are plain HTML); this only makes it live.
(function () {
  'use strict';

  const main = document.getElementById('pay');
  if (!main) {
    return;
  }
  const data = main.dataset;
  const token = data.sessionToken;
  const HASH = /^0x[0-9a-fA-F]{64}$/;
  const WAITING_STATES = ['waiting', 'expired']; // a hash is still taken after expiry (late window)
  const FINAL_STATES = ['confirmed', 'short', 'failed', 'cancelled'];

  function setMessage(element, text, kind) {
    if (!element) {
      return;
    }
    element.textContent = text;
    element.classList.toggle('error', kind === 'error');
    element.classList.toggle('ok', kind === 'ok');
  }

  function authorized(init) {
    const headers = Object.assign({ Authorization: 'Bearer ' + token }, (init && init.headers) || {});
    return Object.assign({ cache: 'no-store', credentials: 'omit' }, init || {}, { headers: headers });
  }

  // --- countdown: from the server's seconds left, so a wrong phone clock does not matter ---
  const countdown = document.getElementById('countdown');
  const loadedAt = performance.now();
  const secondsAtLoad = Number(data.secondsLeft || 0);

  function remaining() {
    return Math.max(0, Math.round(secondsAtLoad - (performance.now() - loadedAt) / 1000));
  }

  function format(seconds) {
    const two = (n) => String(n).padStart(2, '0');
    const h = Math.floor(seconds / 3600);
    const m = Math.floor(seconds / 60) % 60;
    const s = seconds % 60;
    return h > 0 ? h + ':' + two(m) + ':' + two(s) : two(m) + ':' + two(s);
  }

  if (countdown) {
    const tick = function () {
      const left = remaining();
      countdown.textContent = format(left);
      countdown.setAttribute('datetime', 'PT' + left + 'S');
      if (left === 0) {
        clearInterval(timer);
        pollNow(); // the server now shows the order as expired
      }
    };
    const timer = setInterval(tick, 1000);
  }

  // --- asset choice without reloading (the links work without this script too) ---
  function selectQuote(key) {
    document.querySelectorAll('.quote').forEach((panel) => {
      panel.hidden = panel.dataset.quote !== key;
    });
    document.querySelectorAll('.assets a').forEach((link) => {
      if (link.dataset.quote === key) {
        link.setAttribute('aria-current', 'true');
      } else {
        link.removeAttribute('aria-current');
      }
    });
    setMessage(document.getElementById('wallet-message'), '', '');
  }

  document.querySelectorAll('.assets a').forEach((link) => {
    link.addEventListener('click', (event) => {
      event.preventDefault();
      selectQuote(link.dataset.quote);
      history.replaceState(null, '', link.href);
    });
  });

  // --- copy buttons ---
  document.querySelectorAll('button.copy').forEach((button) => {
    const label = button.textContent;
    button.addEventListener('click', () => {
      const restore = () => setTimeout(() => { button.textContent = label; }, 2000);
      if (!navigator.clipboard) {
        button.textContent = data.textCopyFailed;
        restore();
        return;
      }
      navigator.clipboard.writeText(button.dataset.copy).then(
        () => { button.textContent = data.textCopied; restore(); },
        () => { button.textContent = data.textCopyFailed; restore(); });
    });
  });

  // --- attaching a transaction hash: PUT /plugins/checkout/{orderId} with the session token ---
  // resolves true when attached, false when refused; rejects when the server could not be reached
  async function claim(hash, fields, messageElement) {
    const body = Object.assign({ transactionHash: hash }, fields);
    const response = await fetch(data.claimUrl, authorized({
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    }));
    if (response.ok) {
      setMessage(messageElement, data.textHashAccepted, 'ok');
      pollNow();
      return true;
    }
    if (response.status >= 500) {
      throw new Error('HTTP ' + response.status);
    }
    const answer = await response.json().catch(() => ({ message: 'HTTP ' + response.status }));
    setMessage(messageElement, data.textHashRefused + ' ' + (answer.message || 'HTTP ' + response.status), 'error');
    return false;
  }

  // a sent payment's hash is attached until the server has it: the shopper must never be led to pay twice
  async function claimUntilAnswered(hash, fields, messageElement) {
    for (let attempt = 0; ; attempt++) {
      try {
        return await claim(hash, fields, messageElement);
      } catch (unreachable) {
        console.warn('attaching ' + hash + ' failed, trying again', unreachable);
        await new Promise((resolve) => setTimeout(resolve, Math.min(30000, 1000 * 2 ** attempt)));
      }
    }
  }

  const hashForm = document.getElementById('hash-form');
  if (hashForm) {
    hashForm.hidden = WAITING_STATES.indexOf((document.getElementById('status') || main).dataset.state) < 0;
    hashForm.addEventListener('submit', (event) => {
      event.preventDefault();
      const input = document.getElementById('transaction-hash');
      const message = document.getElementById('hash-message');
      const hash = input.value.trim();
      if (!HASH.test(hash)) {
        input.setAttribute('aria-invalid', 'true');
        setMessage(message, data.textHashInvalid, 'error');
        input.focus();
        return;
      }
      input.removeAttribute('aria-invalid');
      // the hash alone: the chain watcher finds which chain and asset it paid
      claim(hash, {}, message).catch((error) => setMessage(message, data.textHashRefused + ' ' + error.message, 'error'));
    });
  }

  // --- pay with a browser wallet (EIP-1193) ---
  const pad32 = (hex) => hex.toLowerCase().padStart(64, '0');

  function transactionFor(from, quote) {
    const amount = BigInt(quote.amountBaseUnits);
    if (!quote.contract) {
      return { from: from, to: quote.address, value: '0x' + amount.toString(16) };
    }
    // ERC-20 transfer(address,uint256)
    const data = '0xa9059cbb' + pad32(quote.address.slice(2)) + pad32(amount.toString(16));
    return { from: from, to: quote.contract, value: '0x0', data: data };
  }

  // MetaMask mobile wraps the real code: {code: -32603, data: {originalError: {code: 4902}}}
  function errorCode(error) {
    if (!error) {
      return undefined;
    }
    if (error.data && error.data.originalError && error.data.originalError.code !== undefined) {
      return error.data.originalError.code;
    }
    return error.code;
  }

  async function useChain(ethereum, quote) {
    const current = await ethereum.request({ method: 'eth_chainId' });
    if (BigInt(current) === BigInt(quote.chainId)) {
      return;
    }
    try {
      await ethereum.request({ method: 'wallet_switchEthereumChain', params: [{ chainId: quote.chainId }] });
    } catch (error) {
      if (errorCode(error) !== 4902 || !quote.walletRpcUrl) {
        throw error;
      }
      // the wallet does not know the chain yet: offer it, then switch (some wallets add without switching)
      await ethereum.request({
        method: 'wallet_addEthereumChain',
        params: [{
          chainId: quote.chainId,
          chainName: quote.chainName,
          nativeCurrency: { name: quote.nativeSymbol, symbol: quote.nativeSymbol, decimals: Number(quote.nativeDecimals) },
          rpcUrls: [quote.walletRpcUrl],
          blockExplorerUrls: quote.explorerUrl ? [quote.explorerUrl] : undefined,
        }],
      });
      await ethereum.request({ method: 'wallet_switchEthereumChain', params: [{ chainId: quote.chainId }] });
    }
  }

  async function payWithWallet(panel, button) {
    const ethereum = window.ethereum;
    const message = document.getElementById('wallet-message');
    const quote = panel.dataset;
    button.disabled = true;
    setMessage(message, data.textWalletWorking, '');
    let hash;
    try {
      const accounts = await ethereum.request({ method: 'eth_requestAccounts' });
      await useChain(ethereum, quote);
      hash = await ethereum.request({ method: 'eth_sendTransaction', params: [transactionFor(accounts[0], quote)] });
    } catch (error) {
      button.disabled = false;
      if (errorCode(error) === 4001) {
        setMessage(message, data.textWalletRejected, 'error');
      } else {
        setMessage(message, data.textWalletFailed + ' ' + ((error && error.message) || String(error)), 'error');
      }
      return;
    }
    // the money is on its way: no button may offer to send it again
    walletUsed = true;
    document.querySelectorAll('button.wallet').forEach((b) => { b.hidden = true; });
    const sent = document.getElementById('wallet-hash');
    sent.textContent = hash;
    sent.hidden = false;
    await claimUntilAnswered(hash, { blockchain: quote.protocol, paymentMethod: quote.asset }, message);
  }

  let walletUsed = false;

  function offerWallet() {
    if (walletUsed || !window.ethereum || typeof window.ethereum.request !== 'function') {
      return;
    }
    document.querySelectorAll('.quote').forEach((panel) => {
      const button = panel.querySelector('button.wallet');
      if (button && button.hidden) {
        button.hidden = false;
        button.addEventListener('click', () => payWithWallet(panel, button));
      }
    });
  }
  offerWallet();
  window.addEventListener('ethereum#initialized', offerWallet, { once: true }); // wallets that inject late

  // --- live status: poll the page's JSON; when the order changed, swap in the status fragment ---
  const status = document.getElementById('status');
  let pollTimer = null;
  let polling = false; // one request chain at a time, so answers cannot arrive out of order
  let again = false;
  let lastSeen = null;
  let stopped = false;

  function fingerprint(order) {
    return [order.state, order.late, (order.progress || {}).confirmations,
      (order.transactions || []).map((t) => t.hash + ':' + t.status).join(',')].join('|');
  }

  async function refreshStatus() {
    const response = await fetch(data.statusUrl, authorized());
    if (!response.ok) {
      return false;
    }
    const template = document.createElement('template');
    template.innerHTML = await response.text();
    const fresh = template.content.querySelector('#status');
    if (fresh) {
      status.className = fresh.className;
      status.dataset.state = fresh.dataset.state;
      status.replaceChildren(...fresh.childNodes);
    }
    return true;
  }

  function applyState(state) {
    const payment = document.getElementById('payment');
    if (payment && state !== 'waiting') {
      payment.hidden = true;
    }
    if (hashForm && WAITING_STATES.indexOf(state) < 0) {
      hashForm.hidden = true;
    }
  }

  async function poll() {
    pollTimer = null;
    polling = true;
    let interval = Number(data.pollMs) || 3000;
    try {
      const response = await fetch(data.orderUrl, authorized());
      if (response.status === 401 || response.status === 404) {
        stopped = true; // the session token expired: nothing more will change for this page
        return;
      }
      if (response.ok) {
        const order = await response.json();
        const seen = fingerprint(order);
        const changed = lastSeen === null ? order.state !== status.dataset.state : seen !== lastSeen;
        // remembered only once shown: a failed refresh is tried again at the next poll
        if (!changed || await refreshStatus()) {
          lastSeen = seen;
          applyState(order.state);
          if (FINAL_STATES.indexOf(order.state) >= 0) {
            stopped = true;
            return;
          }
        }
        if (order.state === 'expired') {
          interval *= 10; // only a late payment can still change it
        }
      }
    } catch (networkError) {
      // offline for a moment (phones change networks): the next poll tries again
      console.warn('status poll failed', networkError);
    } finally {
      polling = false;
    }
    schedule(again ? 0 : interval);
    again = false;
  }

  function schedule(delay) {
    if (!stopped && pollTimer === null && !polling && !document.hidden) {
      pollTimer = setTimeout(poll, delay);
    }
  }

  function pollNow() {
    if (polling) {
      again = true; // the poll in flight schedules the next one at once
      return;
    }
    if (pollTimer !== null) {
      clearTimeout(pollTimer);
      pollTimer = null;
    }
    stopped = false;
    schedule(0);
  }

  // a tab in the background asks nothing; back in front, it asks at once
  document.addEventListener('visibilitychange', () => {
    if (!document.hidden && !stopped) {
      pollNow();
    }
  });

  if (status && FINAL_STATES.indexOf(status.dataset.state) < 0) {
    schedule(0);
  }
})();
