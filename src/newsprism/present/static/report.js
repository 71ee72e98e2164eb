// The report's only script: open a claim's source text with its exact span highlighted.
// Offsets in data-start/data-end are UTF-16 units into the text of the document's .text box.
(function () {
  "use strict";
  function unwrap(mark) {
    var parent = mark.parentNode;
    while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
    parent.removeChild(mark);
    parent.normalize();
  }
  function locate(box, offset) {
    var walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT), node, seen = 0, last = null;
    while ((node = walker.nextNode())) {
      var len = node.data.length;
      if (offset <= seen + len) return { node: node, offset: offset - seen };
      seen += len;
      last = node;
    }
    return last ? { node: last, offset: last.data.length } : null;
  }
  function show(link) {
    var doc = link.getAttribute("data-doc"), start = +link.getAttribute("data-start"), end = +link.getAttribute("data-end");
    var box = document.getElementById("text-" + doc), wrapper = document.getElementById("doc-" + doc);
    if (!box || !(end > start)) return false;
    document.querySelectorAll("mark.evidence[data-claim]").forEach(unwrap);
    var a = locate(box, start), b = locate(box, end);
    if (!a || !b) return false;
    var range = document.createRange();
    range.setStart(a.node, a.offset);
    range.setEnd(b.node, b.offset);
    var mark = document.createElement("mark");
    mark.className = "evidence";
    mark.setAttribute("data-claim", link.getAttribute("data-claim"));
    mark.setAttribute("tabindex", "-1");
    mark.appendChild(range.extractContents());
    range.insertNode(mark);
    if (wrapper && wrapper.tagName === "DETAILS") wrapper.open = true;
    mark.scrollIntoView({ block: "center" });
    mark.focus({ preventScroll: true });
    return true;
  }
  document.addEventListener("click", function (ev) {
    var link = ev.target.closest && ev.target.closest("a.evidence-link");
    if (link && show(link)) ev.preventDefault();
  });
  // A link into a closed document (chip, table) opens it.
  function openTarget() {
    var el = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (el && el.tagName === "DETAILS") el.open = true;
  }
  window.addEventListener("hashchange", openTarget);
  openTarget();
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details").forEach(function (d) { d.open = true; });
  });
})();
