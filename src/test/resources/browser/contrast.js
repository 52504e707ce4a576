// WCAG 2 contrast of every visible text against the background it sits on: the elements below
// 4.5:1 (3:1 for large text: 24px, or 18.66px bold). Backgrounds are the nearest opaque
// background-color up the tree (the page uses no background images).
(() => {
  const channel = (c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4); };
  const parse = (css) => (css.match(/[\d.]+/g) || []).map(Number);
  const luminance = ([r, g, b]) => 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  const background = (element) => {
    for (let e = element; e; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c.length === 3 || (c.length === 4 && c[3] === 1)) {
        return c.slice(0, 3);
      }
    }
    return [255, 255, 255];
  };
  const failures = [];
  document.querySelectorAll('body *').forEach((element) => {
    const ownText = [...element.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim());
    const style = getComputedStyle(element);
    if (!ownText || element.closest('[hidden]') || style.visibility === 'hidden' || element.offsetParent === null) {
      return;
    }
    const fg = luminance(parse(style.color).slice(0, 3));
    const bg = luminance(background(element));
    const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
    const size = parseFloat(style.fontSize);
    const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
    if (ratio < (large ? 3 : 4.5)) {
      failures.push(element.tagName + '.' + element.className + ' "' + element.textContent.trim().slice(0, 30) + '" ' + ratio.toFixed(2));
    }
  });
  return failures;
})()
