/* Shared helpers of the explorer and dashboard pages: GraphQL over fetch and a small DOM builder. */
(function () {
  'use strict';

  /** POSTs one named operation to /graphql; resolves with data, rejects with the server's messages. */
  async function gql(operationName, query, variables) {
    let res;
    try {
      res = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ operationName, query, variables: variables || {} }),
      });
    } catch (e) {
      throw new Error('The server cannot be reached (' + e.message + ')');
    }
    let body = null;
    try { body = await res.json(); } catch (e) { /* not JSON: reported below */ }
    if (body && Array.isArray(body.errors) && body.errors.length) {
      const err = new Error(body.errors.map((x) => {
        const code = x.extensions && x.extensions.code ? ' [' + x.extensions.code + ']' : '';
        return x.message + code;
      }).join('; '));
      err.graphQLErrors = body.errors;
      throw err;
    }
    if (!res.ok || !body || !body.data) throw new Error('HTTP ' + res.status + ' from /graphql');
    return body.data;
  }

  /** el('a', { href, class: 'x', text: 'y' }, child…): attributes, text and children; never innerHTML. */
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === undefined || v === null || v === false) continue;
      if (k === 'text') node.textContent = String(v);
      else if (k === 'class') node.className = v;
      else if (k === 'dataset') Object.assign(node.dataset, v);
      else if (k.startsWith('on') && typeof v === 'function') node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, v === true ? '' : String(v));
    }
    for (const c of children.flat()) {
      if (c === undefined || c === null || c === false) continue;
      node.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return node;
  }

  /** A link only for http(s) addresses; anything else is shown as text. */
  function safeLink(url, text) {
    if (typeof url === 'string' && /^https?:\/\//i.test(url)) return el('a', { href: url, target: '_blank', rel: 'noopener noreferrer', text: text || url });
    return el('span', { text: text || url || '' });
  }

  window.Pages = { gql, el, safeLink };
})();
