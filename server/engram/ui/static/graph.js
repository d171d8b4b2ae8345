// The graph page: fetches /graph.json for the record in #graph's data attributes and draws
// it with cytoscape.js (vendored, no CDN). Labels are drawn on the canvas, never as HTML.
"use strict";
(function () {
  const box = document.getElementById("graph");
  const status = document.getElementById("graph-status");
  if (!box) return;
  const ns = box.dataset.ns;
  const depth = box.dataset.depth || "2";
  let cy = null;

  function short(text, n) {
    text = text || "";
    return text.length > n ? text.slice(0, n - 1) + "…" : text;
  }

  function show(id) {
    if (!id) { status.textContent = "Enter a record id to see its neighbourhood."; return; }
    status.textContent = "Loading…";
    const query = new URLSearchParams({ ns: ns, id: id, depth: depth });
    fetch("/graph.json?" + query.toString(), { credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.json() : r.text().then(function (t) { throw new Error(r.status + " " + t.slice(0, 200)); }); })
      .then(function (g) { draw(g); })
      .catch(function (e) { status.textContent = "Could not load the graph: " + e.message; });
  }

  function draw(g) {
    const elements = [];
    g.nodes.forEach(function (n) {
      elements.push({ group: "nodes", data: { id: n.id, label: short(n.id, 24) + "\n" + short(n.text, 40),
        weight: n.weight, confidence: n.confidence === undefined ? 0.5 : n.confidence, seed: n.seed ? 1 : 0 } });
    });
    g.edges.forEach(function (e) {
      elements.push({ group: "edges", data: { id: "e" + e.id, source: e.source, target: e.target,
        weight: e.weight, label: e.weight.toFixed(2) } });
    });
    if (cy) cy.destroy();
    cy = cytoscape({
      container: box,
      elements: elements,
      style: [
        { selector: "node", style: { "label": "data(label)", "text-wrap": "wrap", "font-size": 8,
          "width": "mapData(weight, 0, 1, 14, 46)", "height": "mapData(weight, 0, 1, 14, 46)",
          "background-color": "mapData(confidence, 0, 1, #d1495b, #2e8b57)", "text-valign": "bottom" } },
        { selector: "node[seed = 1]", style: { "border-width": 3, "border-color": "#1f2d3d" } },
        { selector: "edge", style: { "label": "data(label)", "font-size": 7, "curve-style": "bezier",
          "target-arrow-shape": "triangle", "arrow-scale": 0.6, "line-color": "#9aa5b1",
          "target-arrow-color": "#9aa5b1", "width": "mapData(weight, 0, 1, 0.5, 5)",
          "text-background-color": "#fff", "text-background-opacity": 0.8 } }
      ],
      layout: { name: "cose", animate: false, randomize: false, nodeRepulsion: function () { return 9000; } }
    });
    cy.on("tap", "node", function (evt) {
      const id = evt.target.id();
      document.getElementById("graph-record").value = id;
      const next = new URLSearchParams({ ns: ns, id: id, depth: depth });
      history.replaceState(null, "", "/graph?" + next.toString());
      box.dataset.id = id;
      show(id);
    });
    cy.on("dbltap", "node", function (evt) {
      window.location.href = "/record?" + new URLSearchParams({ ns: ns, id: evt.target.id() }).toString();
    });
    box.dataset.nodes = String(g.nodes.length);
    box.dataset.edges = String(g.edges.length);
    status.textContent = g.nodes.length + " records and " + g.edges.length + " edges within " + g.depth +
      " hops of " + g.seed + ".";
  }

  show(box.dataset.id);
})();
