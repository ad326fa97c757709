// The analyst's desk: the stored events on a map, a timeline and a list, and one event with
// its sources' text and evidence. Every piece of text that comes from an article is put in
// the page as text (textContent, text nodes), never parsed as HTML.
"use strict";
(function () {
  const TYPES = {
    "Battles": { slug: "battles", glyph: "B" },
    "Explosions/Remote violence": { slug: "explosions", glyph: "E" },
    "Violence against civilians": { slug: "civilians", glyph: "V" },
    "Protests": { slug: "protests", glyph: "P" },
    "Riots": { slug: "riots", glyph: "R" },
    "Strategic developments": { slug: "strategic", glyph: "S" },
  };
  const MAP_LIMIT = 5000;
  const DAY = 86400000;

  const state = {
    filters: { event_type: "", actor: "", place: "", q: "", date_from: "", date_to: "" },
    events: [],
    markers: new Map(),
    selected: null,
    token: sessionStorage.getItem("rasd-token") || "",
    request: 0,
  };
  const $ = (id) => document.getElementById(id);

  // -- building the page from data, as text only

  function el(tag, props, children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props || {})) {
      if (value === undefined || value === null) continue;
      if (key === "class") node.className = value;
      else if (key === "text") node.textContent = value;
      else if (key === "dataset") Object.assign(node.dataset, value);
      else node.setAttribute(key, value);
    }
    for (const child of children || []) {
      if (child === null || child === undefined) continue;
      node.append(typeof child === "string" ? document.createTextNode(child) : child);
    }
    return node;
  }

  function typeOf(name) {
    return TYPES[name] || { slug: "other", glyph: "?" };
  }

  function safeLink(url) {
    try {
      const parsed = new URL(url);
      return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
    } catch (err) {
      return null;
    }
  }

  // -- talking to the API

  async function api(path, params) {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(params || {})) {
      if (value !== "" && value !== null && value !== undefined) query.set(key, value);
    }
    const headers = state.token ? { Authorization: "Bearer " + state.token } : {};
    const response = await fetch(path + (query.toString() ? "?" + query : ""), { headers });
    if (response.status === 401 || response.status === 403) {
      $("token-prompt").hidden = false;
      throw new Error("this desk needs its token");
    }
    if (!response.ok) {
      let reason = response.statusText;
      try {
        const body = await response.json();
        reason = typeof body.detail === "string" ? body.detail : JSON.stringify(body.detail);
      } catch (err) { /* not JSON */ }
      throw new Error(reason);
    }
    return response.json();
  }

  function queryOf(filters, withDates) {
    const [country, admin1] = filters.place ? filters.place.split("\u0001") : ["", ""];
    const params = {
      event_type: filters.event_type,
      actor: filters.actor.trim(),
      q: filters.q.trim(),
      country,
      admin1,
    };
    if (withDates) {
      params.date_from = filters.date_from;
      params.date_to = filters.date_to;
    }
    return params;
  }

  function say(message) {
    $("status").textContent = message;
  }

  // -- the map

  let map;
  let cluster;

  function setUpMap(config) {
    map = L.map("map", { worldCopyJump: true, minZoom: 2, maxZoom: 14 }).setView([34.5, 40.5], 5);
    map.attributionControl.addAttribution("Natural Earth; OCHA / Iraq CSO (CC BY-IGO)");
    if (config.tiles) {
      const credit = document.createElement("span");
      credit.textContent = config.tiles_attribution || "";
      L.tileLayer(config.tiles, { attribution: credit.innerHTML, maxZoom: 18 }).addTo(map);
    } else {
      basemap("/static/basemap/countries.geojson", "country", true);
      basemap("/static/basemap/iraq-admin1.geojson", "admin1", false);
    }
    cluster = L.markerClusterGroup({ showCoverageOnHover: false, maxClusterRadius: 45 });
    map.addLayer(cluster);
    map.on("moveend", renderList);
  }

  async function basemap(url, kind, filled) {
    const response = await fetch(url);
    if (!response.ok) return;
    const shapes = await response.json();
    const layer = L.geoJSON(shapes, {
      interactive: false,
      style: filled
        ? { className: "basemap-" + kind, color: "#9a9488", weight: 1, fillColor: "#f4f0e6", fillOpacity: 1 }
        : { className: "basemap-" + kind, color: "#b9ae96", weight: 0.8, dashArray: "3 3", fill: false },
    });
    layer.addTo(map);
    if (filled) layer.bringToBack();
  }

  function located(event) {
    const place = event.record.location;
    return place && typeof place.lat === "number" && typeof place.lon === "number";
  }

  function markerIcon(event) {
    const type = typeOf(event.record.event_type);
    const glyph = el("span", { text: type.glyph });
    return L.divIcon({
      className: "event-marker type-" + type.slug,
      html: glyph,
      iconSize: [26, 26],
      iconAnchor: [13, 13],
    });
  }

  function renderMarkers() {
    cluster.clearLayers();
    state.markers.clear();
    const markers = [];
    for (const event of state.events) {
      if (!located(event)) continue;
      const place = event.record.location;
      const marker = L.marker([place.lat, place.lon], {
        icon: markerIcon(event),
        title: event.record.event_type + " — " + (place.name || ""),
        alt: event.record.event_type,
      });
      marker.on("click", () => select(event.id, false));
      marker.eventId = event.id;
      state.markers.set(event.id, marker);
      markers.push(marker);
    }
    cluster.addLayers(markers);
  }

  function fitToEvents() {
    const points = state.events.filter(located).map((e) => [e.record.location.lat, e.record.location.lon]);
    if (points.length) map.fitBounds(L.latLngBounds(points).pad(0.3), { maxZoom: 8, animate: false });
  }

  // -- the list

  function inView(event) {
    if (!$("in-view-only").checked || !map) return true;
    if (!located(event)) return false;
    return map.getBounds().contains([event.record.location.lat, event.record.location.lon]);
  }

  function actorName(actor) {
    return actor && actor.name ? actor.name : "";
  }

  function listItem(event) {
    const record = event.record;
    const type = typeOf(record.event_type);
    const place = record.location || {};
    const actors = [actorName(record.actor1), actorName(record.actor2)].filter(Boolean).join(" → ");
    const item = el("li", {
      class: "event-item type-" + type.slug + (event.id === state.selected ? " selected" : ""),
      dataset: { eventId: String(event.id) },
      tabindex: "0",
    }, [
      el("span", { class: "badge type-" + type.slug, text: type.glyph, "aria-hidden": "true" }),
      el("span", { class: "when", text: record.date_from || "undated" }),
      el("span", { class: "what", text: record.sub_event_type || record.event_type }),
      el("span", { class: "where", text: [place.name, place.admin1, place.country].filter(Boolean).join(", ") }),
      el("span", { class: "who", text: actors }),
      event.sources.length > 1 ? el("span", { class: "count", text: event.sources.length + " sources" }) : null,
    ]);
    item.addEventListener("click", () => select(event.id, true));
    item.addEventListener("keydown", (key) => {
      if (key.key === "Enter") select(event.id, true);
    });
    return item;
  }

  function renderList() {
    const shown = state.events.filter(inView);
    $("event-list").replaceChildren(...shown.map(listItem));
    const partial = state.total > state.events.length
      ? " (the first " + state.events.length + " loaded: narrow the filters or the dates)"
      : "";
    say(shown.length + " shown of " + state.total + " events" + partial);
  }

  // -- the timeline

  const SVG = "http://www.w3.org/2000/svg";
  const timeline = { days: [], first: 0, last: 0, width: 0, height: 0 };

  function svg(tag, attrs) {
    const node = document.createElementNS(SVG, tag);
    for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, String(value));
    return node;
  }

  function dayNumber(iso) {
    return Math.floor(Date.parse(iso + "T00:00:00Z") / DAY);
  }

  function isoDay(number) {
    return new Date(number * DAY).toISOString().slice(0, 10);
  }

  function renderTimeline(counts) {
    const chart = $("timeline");
    const box = chart.getBoundingClientRect();
    timeline.width = Math.max(box.width, 100);
    timeline.height = Math.max(box.height, 40);
    const days = Object.keys(counts).sort();
    chart.replaceChildren();
    if (!days.length) return;
    timeline.first = dayNumber(days[0]) - 1;
    timeline.last = dayNumber(days[days.length - 1]) + 1;
    const span = timeline.last - timeline.first + 1;
    const most = Math.max(...Object.values(counts));
    const step = timeline.width / span;
    for (const day of days) {
      const x = (dayNumber(day) - timeline.first) * step;
      const h = Math.max(2, (counts[day] / most) * (timeline.height - 14));
      const inRange = (!state.filters.date_from || day >= state.filters.date_from)
        && (!state.filters.date_to || day <= state.filters.date_to);
      const width = Math.min(Math.max(step - 1, 3), 24); // a lone day is a bar, not a block
      const bar = svg("rect", {
        x: x + Math.max(step - width, 0) / 2, y: timeline.height - 12 - h, width: width, height: h,
        class: "bar" + (inRange ? " in-range" : ""),
      });
      const title = svg("title", {});
      title.textContent = day + ": " + counts[day];
      bar.append(title);
      chart.append(bar);
    }
    for (const [x, anchor, day] of [[2, "start", timeline.first], [timeline.width - 2, "end", timeline.last]]) {
      const label = svg("text", { x: x, y: timeline.height - 1, "text-anchor": anchor, class: "axis" });
      label.textContent = isoDay(day);
      chart.append(label);
    }
  }

  function dayAt(clientX) {
    const box = $("timeline").getBoundingClientRect();
    const fraction = Math.min(Math.max((clientX - box.left) / box.width, 0), 1);
    return timeline.first + Math.floor(fraction * (timeline.last - timeline.first + 1));
  }

  function setUpTimelineDrag() {
    const chart = $("timeline");
    let start = null;
    let band = null;
    chart.addEventListener("pointerdown", (down) => {
      if (!timeline.last) return;
      start = down.clientX;
      chart.setPointerCapture(down.pointerId);
      band = svg("rect", { class: "band", y: 0, height: timeline.height, x: 0, width: 0 });
      chart.append(band);
    });
    chart.addEventListener("pointermove", (move) => {
      if (start === null) return;
      const box = chart.getBoundingClientRect();
      const a = Math.min(start, move.clientX) - box.left;
      const b = Math.max(start, move.clientX) - box.left;
      band.setAttribute("x", String(Math.max(a, 0)));
      band.setAttribute("width", String(Math.max(b - a, 1)));
    });
    chart.addEventListener("pointerup", (up) => {
      if (start === null) return;
      const from = dayAt(Math.min(start, up.clientX));
      const to = dayAt(Math.max(start, up.clientX));
      start = null;
      setDates(isoDay(from), isoDay(to));
    });
  }

  function setDates(from, to) {
    state.filters.date_from = from;
    state.filters.date_to = to;
    $("range-label").textContent = from ? from + " – " + to : "all dates";
    $("clear-range").hidden = !from;
    refresh(false);
  }

  // -- one event, with its sources

  function field(label, value) {
    if (value === null || value === undefined || value === "") return null;
    return el("div", { class: "field" }, [el("dt", { text: label }), el("dd", { text: String(value) })]);
  }

  function articleText(source) {
    const article = el("div", {
      class: "article",
      dir: source.language === "ar" ? "rtl" : "auto",
      lang: source.language === "other" ? null : source.language,
    });
    // the offsets count characters (code points), as Python does; a JavaScript string
    // counts UTF-16 units, two for an emoji: slice the code points
    const chars = Array.from(source.text);
    const slice = (from, to) => chars.slice(from, to).join("");
    let at = 0;
    for (const span of source.evidence) {
      if (span.start < at) continue; // overlapping spans: the first is shown
      article.append(document.createTextNode(slice(at, span.start)));
      article.append(el("mark", {
        class: "evidence role-" + span.role.replace(/[^a-z0-9_-]/gi, ""),
        title: span.role,
        dataset: { role: span.role },
        text: slice(span.start, span.end),
      }));
      at = span.end;
    }
    article.append(document.createTextNode(slice(at)));
    return article;
  }

  function sourceView(source) {
    const link = safeLink(source.url);
    const heading = el("h3", { class: "source-title", dir: "auto", text: source.title || source.doc_id });
    // each part isolated, so that an Arabic outlet's name does not reorder the date beside it
    const parts = [source.outlet, source.published].filter(Boolean).map((part) => el("bdi", { text: part }));
    const meta = el("p", { class: "source-meta" }, [
      ...parts.flatMap((part, n) => (n ? [" · ", part] : [part])),
      link ? " " : null,
      link ? el("a", { href: link, rel: "noopener noreferrer nofollow", target: "_blank", class: "source-link", text: link }) : null,
    ]);
    const roles = source.evidence.map((span) => span.role).join(", ");
    return el("section", { class: "source" }, [
      heading, meta,
      el("p", { class: "evidence-key", text: roles ? "highlighted: " + roles : "no evidence found in this text" }),
      articleText(source),
    ]);
  }

  function eventView(detail) {
    const record = detail.record;
    const place = record.location || {};
    const type = typeOf(record.event_type);
    const dates = record.date_from === record.date_to ? record.date_from : record.date_from + " – " + record.date_to;
    return [
      el("h2", { class: "type-" + type.slug, text: record.event_type }),
      el("p", { class: "sub-type", text: record.sub_event_type }),
      el("dl", {}, [
        field("date", dates || "unknown"),
        field("place", [place.name, place.admin2, place.admin1, place.country].filter(Boolean).join(", ")),
        field("actor 1", actorName(record.actor1)),
        field("actor 2", actorName(record.actor2)),
        field("fatalities", record.fatalities_known ? record.fatalities : "not reported"),
        field("injuries", record.injuries || null),
        field("notes", record.notes),
        field("confidence", record.confidence),
      ]),
      disputeView(detail),
      el("h2", { text: detail.sources.length === 1 ? "1 source" : detail.sources.length + " sources" }),
      ...detail.sources.map(sourceView),
    ];
  }

  function versionText(value) {
    if (value === null || value === undefined) return "—";
    return typeof value === "object" ? JSON.stringify(value) : String(value);
  }

  function disputeView(detail) {
    // what the sources disagree on: each source's version, named by its outlet or title
    if (!detail.disputed || !detail.disputed.length) return null;
    const names = new Map(detail.sources.map((s) => [s.identity, s.outlet || s.title || s.doc_id]));
    return el("section", { class: "disputed" }, [
      el("h3", { text: "The sources disagree" }),
      el("dl", {}, detail.disputed.map((dispute) => el("div", { class: "field" }, [
        el("dt", { text: dispute.field.replace(/_/g, " ") }),
        el("dd", {}, [el("ul", {}, dispute.versions.map((version) => el("li", {}, [
          el("bdi", { class: "version", text: versionText(version.value) }),
          " — ",
          el("bdi", { class: "version-source", text: names.get(version.identity) || version.identity }),
        ])))]),
      ]))),
    ]);
  }

  async function select(id, fromList) {
    state.selected = id;
    for (const item of document.querySelectorAll("#event-list li")) {
      item.classList.toggle("selected", item.dataset.eventId === String(id));
    }
    const item = document.querySelector('#event-list li[data-event-id="' + id + '"]');
    if (item) item.scrollIntoView({ block: "nearest" });
    const marker = state.markers.get(id);
    if (fromList && marker) {
      cluster.zoomToShowLayer(marker, () => marker.getElement() && marker.getElement().classList.add("selected"));
    }
    for (const [other, m] of state.markers) {
      if (m.getElement()) m.getElement().classList.toggle("selected", other === id);
    }
    try {
      const detail = await api("/api/events/" + encodeURIComponent(id));
      if (state.selected !== id) return;
      $("event-body").replaceChildren(...eventView(detail).filter(Boolean));
      $("event-view").hidden = false;
      $("event-view").scrollTop = 0;
    } catch (err) {
      say(err.message);
    }
  }

  // -- filters

  async function fillFilterChoices(events) {
    // the places of the events first loaded (no filter yet), the types the store counts
    const types = await api("/api/counts", { by: "type" });
    const typeSelect = $("filter-type");
    for (const [name, count] of Object.entries(types.counts)) {
      typeSelect.append(el("option", { value: name, text: name + " (" + count + ")" }));
    }
    const places = new Map();
    for (const event of events) {
      const place = event.record.location || {};
      if (!place.country) continue;
      places.set(place.country + "\u0001", place.country);
      if (place.admin1) places.set(place.country + "\u0001" + place.admin1, place.country + " / " + place.admin1);
    }
    const placeSelect = $("filter-place");
    for (const [value, label] of [...places].sort((a, b) => a[1].localeCompare(b[1]))) {
      placeSelect.append(el("option", { value, text: label }));
    }
  }

  async function refresh(fit) {
    const request = ++state.request;
    say("loading…");
    try {
      const [page, days] = await Promise.all([
        api("/api/events", { ...queryOf(state.filters, true), limit: MAP_LIMIT }),
        api("/api/counts", { ...queryOf(state.filters, false), by: "day" }),
      ]);
      if (request !== state.request) return; // a later filter won
      state.events = page.events;
      state.total = page.total;
      renderMarkers();
      if (fit) fitToEvents();
      renderList();
      renderTimeline(days.counts);
    } catch (err) {
      say(err.message);
    }
  }

  function setUpFilters() {
    let typing = null;
    const later = () => {
      clearTimeout(typing);
      typing = setTimeout(() => refresh(false), 300);
    };
    $("filters").addEventListener("submit", (e) => e.preventDefault());
    $("filter-type").addEventListener("change", (e) => { state.filters.event_type = e.target.value; refresh(false); });
    $("filter-place").addEventListener("change", (e) => { state.filters.place = e.target.value; refresh(true); });
    $("filter-actor").addEventListener("input", (e) => { state.filters.actor = e.target.value; later(); });
    $("filter-text").addEventListener("input", (e) => { state.filters.q = e.target.value; later(); });
    $("clear-filters").addEventListener("click", () => {
      Object.assign(state.filters, { event_type: "", actor: "", place: "", q: "" });
      for (const id of ["filter-type", "filter-actor", "filter-place", "filter-text"]) $(id).value = "";
      setDates("", "");
    });
    $("clear-range").addEventListener("click", () => setDates("", ""));
    $("in-view-only").addEventListener("change", renderList);
    $("close-event").addEventListener("click", () => { $("event-view").hidden = true; });
    $("token-form").addEventListener("submit", (e) => {
      e.preventDefault();
      state.token = $("token-input").value.trim();
      sessionStorage.setItem("rasd-token", state.token);
      $("token-prompt").hidden = true;
      start();
    });
  }

  async function start() {
    try {
      await refresh(true);
      await fillFilterChoices(state.events);
      document.body.dataset.ready = "true";
    } catch (err) {
      say(err.message);
    }
  }

  async function main() {
    setUpFilters();
    setUpTimelineDrag();
    let config = { tiles: null, tiles_attribution: "", read_needs_token: false };
    try {
      config = await api("/api/config");
    } catch (err) { /* the defaults: offline basemap */ }
    setUpMap(config);
    if (config.read_needs_token && !state.token) {
      $("token-prompt").hidden = false;
      return;
    }
    start();
  }

  main();
})();
