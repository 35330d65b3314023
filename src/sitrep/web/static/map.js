// The map: an offline basemap of country borders, one marker per place (sized by its number of
// facts, coloured by its status), clustered where dense; a click lists the place's facts.
(function () {
  "use strict";
  var el = document.getElementById("map");
  var panel = document.getElementById("panel");
  var status = document.getElementById("map-status");
  var filters = el.dataset.filters;
  var map = L.map(el, { zoomSnap: 0.5, worldCopyJump: true, minZoom: 2, maxZoom: 14 }).setView([48.5, 35], 5);
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution("Borders: Natural Earth via world-atlas");

  fetch(el.dataset.basemap).then(function (r) { return r.json(); }).then(function (countries) {
    L.geoJSON(countries, {
      interactive: false,
      style: { color: "#7c8796", weight: 1, fillColor: "#f4f1ea", fillOpacity: 1 }
    }).addTo(map).bringToBack();
  });

  var ORDER = ["contested", "reported", "claimed", "forecast"];
  // The zoom a place from the list is shown at: villages a few km apart stand apart there.
  var PLACE_ZOOM = 12;
  // A cluster shows the facts of its places and the strongest status among them.
  var clusters = L.markerClusterGroup({
    maxClusterRadius: 30,
    showCoverageOnHover: false,
    iconCreateFunction: function (cluster) {
      var total = 0, best = ORDER.length - 1;
      cluster.getAllChildMarkers().forEach(function (m) {
        total += m.options.facts;
        best = Math.min(best, ORDER.indexOf(m.options.marker));
      });
      var s = size(total);
      return L.divIcon({ className: "pin cluster " + ORDER[best], iconSize: [s, s], html: String(total) });
    }
  });
  map.addLayer(clusters);
  var markers = {};
  var selected = null;

  function size(facts) { return Math.round(14 + 6 * Math.sqrt(facts)); }

  function query(extra) {
    var params = new URLSearchParams(filters);
    Object.keys(extra || {}).forEach(function (k) { params.set(k, extra[k]); });
    return params.toString();
  }

  function openPlace(key) {
    if (selected && markers[selected]) { L.DomUtil.removeClass(markers[selected].getElement() || document.body, "selected"); }
    selected = key;
    var marker = markers[key];
    if (marker && marker.getElement()) { L.DomUtil.addClass(marker.getElement(), "selected"); }
    history.replaceState(null, "", "/?" + query({ place: key }));
    panel.setAttribute("aria-busy", "true");
    fetch("/place/" + encodeURIComponent(key) + "/facts?" + filters)
      .then(function (r) { return r.text(); })
      .then(function (html) {
        // The fragment is rendered by the server with every text escaped; the CSP blocks scripts in it.
        panel.innerHTML = html;
        panel.removeAttribute("aria-busy");
        var box = document.querySelector("details.filter-box");
        if (box) { box.open = false; }
        panel.scrollIntoView({ block: "start" });
        // Closing the filters moves the map's container: tell Leaflet, or markers of the new
        // view are drawn against the old size (and clusters at the edge are never opened).
        map.invalidateSize({ pan: false });
      });
  }

  fetch(el.dataset.places).then(function (r) { return r.json(); }).then(function (data) {
    var bounds = [];
    data.places.forEach(function (p) {
      var s = size(p.facts);
      var icon = L.divIcon({ className: "pin " + p.marker, iconSize: [s, s], html: String(p.facts) });
      var m = L.marker([p.lat, p.lon], {
        icon: icon, title: p.name, alt: p.name, riseOnHover: true, facts: p.facts, marker: p.marker
      });
      m.on("click", function () { openPlace(p.key); });
      // A text node, never an HTML string: Leaflet puts string content in with innerHTML.
      var label = document.createElement("span");
      label.textContent = p.name;
      m.bindTooltip(label, { permanent: true, direction: "right", offset: [s / 2, 0], className: "place-label" });
      m.on("add", function () {
        var e = m.getElement();
        if (e) { e.dataset.key = p.key; e.dataset.facts = p.facts; if (p.key === selected) { L.DomUtil.addClass(e, "selected"); } }
      });
      markers[p.key] = m;
      clusters.addLayer(m);
      bounds.push([p.lat, p.lon]);
    });
    var list = document.getElementById("place-list");
    data.places.forEach(function (p) {
      // textContent, never innerHTML: place names come from articles.
      var item = document.createElement("li");
      var button = document.createElement("button");
      button.type = "button";
      button.className = "place-link " + p.marker;
      button.textContent = p.name + " (" + p.facts + ")";
      button.dataset.key = p.key;
      button.addEventListener("click", function () {
        // Straight to the place, without animation (an animated zoom can race the panel's layout
        // change and leave the marker undrawn); zoomToShowLayer then opens any cluster still left.
        map.setView(markers[p.key].getLatLng(), Math.max(map.getZoom(), PLACE_ZOOM), { animate: false });
        clusters.zoomToShowLayer(markers[p.key], function () { openPlace(p.key); });
      });
      item.appendChild(button);
      list.appendChild(item);
    });
    status.textContent = data.places.length + " places, " +
      data.places.reduce(function (n, p) { return n + p.facts; }, 0) + " event facts";
    // No animation: the first view is set at once, so nothing re-clusters after "loaded".
    if (bounds.length) { map.fitBounds(bounds, { padding: [40, 40], maxZoom: 11, animate: false }); }
    if (el.dataset.place) { openPlace(el.dataset.place); }
    el.dataset.loaded = String(data.places.length);
  });
}());
